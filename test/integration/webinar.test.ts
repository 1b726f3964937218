import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { events, OWNER_ID } from '../simulator';
import { rl, startEventsHarness, type EventsHarness } from './eventsHarness';

/* Webinar operations through real n8n-core, with each credential type, against the simulator. */

describe('webinar operations (n8n-core + Zoom simulator)', () => {
	let h: EventsHarness;

	before(async () => {
		h = await startEventsHarness();
	});
	after(async () => await h?.close());
	beforeEach(() => h.reset());
	afterEach(() =>
		assert.deepEqual(h.specProblems(), [], "every request validates against Zoom's spec"),
	);

	const webinars = () => events(h.sim.state).webinars;

	for (const label of ['Server-to-Server OAuth', 'OAuth2', 'Access Token']) {
		describe(`with ${label}`, () => {
			const credential = () => h.credentials.find((c) => c.label === label)!;

			test('create, get, list, update (read back), end, delete', async () => {
				const created = await h.run(
					'webinar',
					'create',
					{
						userId: rl('me'),
						topic: 'Quarterly results',
						additionalFields: {
							type: 5,
							startTime: '2030-05-04T16:00:00',
							timezone: 'Europe/Berlin',
							duration: 90,
							agenda: 'Numbers and Q&A',
							password: 'q3-2030',
							settings: {
								approvalType: 1,
								panelistsVideo: true,
								practiceSession: true,
								questionAndAnswer: false,
								hostVideo: false,
								autoRecording: 'cloud',
								alternativeHosts: '',
							},
						},
					},
					{ credential: credential() },
				);
				assert.equal(created.error, undefined, created.error?.message);
				const webinar = created.items[0].json;
				assert.deepEqual(created.items[0].pairedItem, { item: 0 });
				assert.equal(webinar.topic, 'Quarterly results');
				assert.equal(webinar.type, 5);
				// 16:00 in Berlin in May is 14:00 UTC
				assert.equal(webinar.start_time, '2030-05-04T14:00:00Z');
				const settings = webinar.settings as IDataObject;
				assert.equal(settings.approval_type, 1);
				assert.equal(settings.panelists_video, true);
				assert.equal(settings.practice_session, true);
				assert.equal((settings.question_and_answer as IDataObject).enable, false);
				const post = h.apiRequests().find((r) => r.method === 'POST')!;
				assert.equal(post.body?.start_time, '2030-05-04T16:00:00');
				assert.equal(post.body?.timezone, 'Europe/Berlin');
				assert.deepEqual((post.body?.settings as IDataObject).question_and_answer, {
					enable: false,
				});
				// An empty alternative-hosts list is sent as "" (clears it), never dropped.
				assert.equal((post.body?.settings as IDataObject).alternative_hosts, '');

				const id = webinar.id as number;
				const got = await h.run(
					'webinar',
					'get',
					{ webinarId: rl(`https://zoom.us/w/${id}?tk=abc`, 'url') },
					{ credential: credential() },
				);
				assert.equal(got.error, undefined, got.error?.message);
				assert.equal(got.items[0].json.id, id);

				const listed = await h.run(
					'webinar',
					'getAll',
					{ userId: rl('me'), returnAll: true, filters: { type: 'upcoming' } },
					{ credential: credential() },
				);
				assert.ok(listed.items.some((i) => i.json.id === id));
				const listRequest = h
					.apiRequests()
					.find((r) => r.method === 'GET' && r.path.endsWith('/webinars'))!;
				assert.equal(listRequest.query.get('page_number'), '1');

				const updated = await h.run(
					'webinar',
					'update',
					{
						webinarId: rl(id),
						updateFields: { topic: 'Q3 results', settings: { practiceSession: false } },
					},
					{ credential: credential() },
				);
				assert.equal(updated.error, undefined, updated.error?.message);
				assert.equal(updated.items[0].json.topic, 'Q3 results');
				assert.equal((updated.items[0].json.settings as IDataObject).practice_session, false);

				webinars().get(id)!.status = 'started';
				const ended = await h.run(
					'webinar',
					'end',
					{ webinarId: rl(id) },
					{ credential: credential() },
				);
				assert.deepEqual(ended.items[0].json, { id, ended: true });
				assert.equal(webinars().get(id)!.status, 'waiting');

				const deleted = await h.run(
					'webinar',
					'delete',
					{ webinarId: rl(id), options: { notifyRegistrants: true } },
					{ credential: credential() },
				);
				assert.deepEqual(deleted.items[0].json, { id, deleted: true });
				assert.equal(webinars().has(id), false);
				assert.equal(h.apiRequests().at(-1)!.query.get('cancel_webinar_reminder'), 'true');
			});
		});
	}

	test("every webinar setting is sent under Zoom's name and validates against the spec", async () => {
		const result = await h.run('webinar', 'create', {
			userId: rl('me'),
			topic: 'All settings',
			additionalFields: {
				type: 6,
				agenda: 'Everything',
				password: 'abc',
				settings: {
					alternativeHosts: '',
					approvalType: 0,
					audio: 'voip',
					autoRecording: 'local',
					allowMultipleDevices: true,
					closeRegistration: false,
					contactEmail: 'events@example.com',
					contactName: 'Events Team',
					hdVideo: true,
					hostVideo: true,
					meetingAuthentication: false,
					onDemand: true,
					panelistsVideo: false,
					postWebinarSurvey: true,
					practiceSession: false,
					questionAndAnswer: true,
					registrationType: 2,
					registrantsEmailNotification: false,
					registrantsRestrictNumber: 500,
					surveyUrl: 'https://example.com/survey',
				},
			},
		});
		assert.equal(result.error, undefined, result.error?.message);
		const sent = h.apiRequests().find((r) => r.method === 'POST')!.body!;
		assert.deepEqual(sent.settings, {
			alternative_hosts: '',
			approval_type: 0,
			audio: 'voip',
			auto_recording: 'local',
			allow_multiple_devices: true,
			close_registration: false,
			contact_email: 'events@example.com',
			contact_name: 'Events Team',
			hd_video: true,
			host_video: true,
			meeting_authentication: false,
			on_demand: true,
			panelists_video: false,
			post_webinar_survey: true,
			practice_session: false,
			question_and_answer: { enable: true },
			registration_type: 2,
			registrants_email_notification: false,
			registrants_restrict_number: 500,
			survey_url: 'https://example.com/survey',
		});
		assert.equal(result.items[0].json.type, 6);
	});

	test('a recurring webinar with a fixed time gets its occurrences', async () => {
		const result = await h.run('webinar', 'create', {
			userId: rl('me'),
			topic: 'Weekly office hours',
			additionalFields: {
				type: 9,
				startTime: '2030-01-07T17:00:00Z',
				duration: 45,
				recurrence: {
					recurrenceValues: { type: 2, repeatInterval: 1, weeklyDays: [4, 2], endTimes: 4 },
				},
			},
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(result.items[0].json.recurrence, {
			type: 2,
			repeat_interval: 1,
			weekly_days: '2,4',
			end_times: 4,
		});
		assert.equal((result.items[0].json.occurrences as IDataObject[]).length, 4);
	});

	test('Get Many pages by number: 305 webinars take two requests', async () => {
		for (const id of [...webinars().keys()]) webinars().delete(id);
		for (let i = 0; i < 305; i++)
			events(h.sim.state).addWebinar(OWNER_ID, {
				topic: `W${i}`,
				start_time: '2031-01-01T10:00:00Z',
			});
		const result = await h.run('webinar', 'getAll', { userId: rl('me'), returnAll: true });
		assert.equal(result.items.length, 305);
		const pages = h.apiRequests().map((r) => r.query.get('page_number'));
		assert.deepEqual(pages, ['1', '2']);
		for (const id of [...webinars().keys()]) webinars().delete(id);
	});

	test('a host without a Webinar licence: the error says what to change', async () => {
		events(h.sim.state).withoutWebinarLicence.add(OWNER_ID);
		try {
			const result = await h.run('webinar', 'create', {
				userId: rl('me'),
				topic: 'No licence',
				additionalFields: {},
			});
			assert.ok(result.error);
			assert.match(result.error.message, /Webinar plan is missing/);
			assert.match(String(result.error.description), /no Webinar licence.*Licenses → Webinar/);
		} finally {
			events(h.sim.state).withoutWebinarLicence.delete(OWNER_ID);
		}
	});

	test('an invalid start time and a bad webinar ID name the field and the item', async () => {
		const bad = await h.run('webinar', 'create', {
			userId: rl('me'),
			topic: 'T',
			additionalFields: { startTime: 'next tuesday' },
		});
		assert.match(String(bad.error?.message), /Invalid "Start Time" in item 0/);
		const badId = await h.run('webinar', 'update', {
			webinarId: rl('abc'),
			updateFields: { topic: 'x' },
		});
		assert.match(String(badId.error?.message), /Invalid "Webinar" in item 0/);
		assert.equal(h.apiRequests().length, 0);
	});

	test('Get takes the UUID of a webinar instance, double-encoded where Zoom needs it', async () => {
		const webinar = events(h.sim.state).addWebinar(OWNER_ID, {
			topic: 'By UUID',
			start_time: '2030-08-01T10:00:00Z',
			uuid: '/ajXp112QmuoKj4854875==',
		});
		const result = await h.run('webinar', 'get', { webinarId: rl(webinar.uuid) });
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items[0].json.id, webinar.id);
		assert.equal(h.apiRequests()[0].path, '/v2/webinars/%252FajXp112QmuoKj4854875%253D%253D');
		// Update takes the numeric ID only (Zoom's spec): a UUID is refused before sending.
		const update = await h.run('webinar', 'update', {
			webinarId: rl(webinar.uuid),
			updateFields: { topic: 'x' },
		});
		assert.match(String(update.error?.message), /Invalid "Webinar" in item 0/);
		assert.equal(h.apiRequests().length, 1);
	});

	test('a create whose answer is lost is looked up, not repeated', async () => {
		h.sim.injectFault({
			method: 'POST',
			path: /\/users\/[^/]+\/webinars$/,
			kind: 'reset-after',
			count: 1,
		});
		const result = await h.run('webinar', 'create', {
			userId: rl('me'),
			topic: 'Exactly once',
			additionalFields: { duration: 30 },
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items[0].json.topic, 'Exactly once');
		assert.equal([...webinars().values()].filter((w) => w.topic === 'Exactly once').length, 1);
	});
});
