import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { events, OWNER_EMAIL, OWNER_ID, type ZoomMeeting } from '../simulator';
import { rl, startEventsHarness, type EventsHarness } from './eventsHarness';

/* Meeting registrant operations through real n8n-core, with each credential type, against the simulator. */

describe('meeting registrant operations (n8n-core + Zoom simulator)', () => {
	let h: EventsHarness;

	before(async () => {
		h = await startEventsHarness();
	});
	after(async () => await h?.close());
	beforeEach(() => h.reset());
	afterEach(() =>
		assert.deepEqual(h.specProblems(), [], "every request validates against Zoom's spec"),
	);

	function meetingWithRegistration(
		approvalType = 1,
		partial: Partial<ZoomMeeting> = {},
	): ZoomMeeting {
		return h.sim.state.addMeeting(OWNER_ID, {
			topic: 'Product launch',
			type: 2,
			start_time: '2030-03-01T15:00:00Z',
			duration: 60,
			settings: { approval_type: approvalType },
			...partial,
		});
	}

	const registrants = (meeting: ZoomMeeting) =>
		events(h.sim.state).registrantsOf('meeting', meeting.id);
	const count = (route: string) => h.sim.counters.requests[route] ?? 0;

	for (const label of ['Server-to-Server OAuth', 'OAuth2', 'Access Token']) {
		describe(`with ${label}`, () => {
			const credential = () => h.credentials.find((c) => c.label === label)!;

			test('create with every field, get, list by status, approve, delete', async () => {
				const meeting = meetingWithRegistration(1);
				const created = await h.run(
					'meetingRegistrant',
					'create',
					{
						meetingId: rl(meeting.id),
						email: 'jill@example.com',
						firstName: 'Jill',
						additionalFields: {
							lastName: 'Chill',
							address: '1800 Amphibious Blvd.',
							city: 'Mountain View',
							state: 'CA',
							zip: '94045',
							country: 'us',
							phone: '5550100',
							comments: 'Looking forward to it',
							industry: 'Food',
							jobTitle: 'Chef',
							org: 'Cooking Org',
							noOfEmployees: '1-20',
							purchasingTimeFrame: '1-3 months',
							roleInPurchaseProcess: 'Influencer',
							language: 'de-DE',
							customQuestions: { question: [{ title: 'Why?', value: 'To learn' }] },
							autoApprove: false,
						},
					},
					{ credential: credential() },
				);
				assert.equal(created.error, undefined, created.error?.message);
				const [item] = created.items;
				assert.deepEqual(item.pairedItem, { item: 0 });
				assert.equal(item.json.id, meeting.id);
				assert.equal(item.json.email, 'jill@example.com');
				assert.equal(item.json.topic, 'Product launch');
				// Manual approval: pending, so no join URL yet.
				assert.equal(item.json.join_url, undefined);
				const registrantId = String(item.json.registrant_id);
				const [stored] = registrants(meeting);
				assert.equal(stored.status, 'pending');
				assert.equal(stored.country, 'US');
				assert.deepEqual(stored.custom_questions, [{ title: 'Why?', value: 'To learn' }]);

				const got = await h.run(
					'meetingRegistrant',
					'get',
					{ meetingId: rl(meeting.id), registrantId },
					{ credential: credential() },
				);
				assert.equal(got.error, undefined, got.error?.message);
				assert.equal(got.items[0].json.email, 'jill@example.com');
				assert.equal(got.items[0].json.status, 'pending');

				const pending = await h.run(
					'meetingRegistrant',
					'getAll',
					{ meetingId: rl(meeting.id), returnAll: true, filters: { status: 'pending' } },
					{ credential: credential() },
				);
				assert.deepEqual(
					pending.items.map((i) => i.json.id),
					[registrantId],
				);

				const approved = await h.run(
					'meetingRegistrant',
					'updateStatus',
					{ meetingId: rl(meeting.id), registrantId, action: 'approve' },
					{ credential: credential() },
				);
				assert.equal(approved.error, undefined, approved.error?.message);
				assert.deepEqual(approved.items[0].json, {
					id: meeting.id,
					registrant_id: registrantId,
					action: 'approve',
					status: 'approved',
					updated: true,
				});
				assert.equal(registrants(meeting)[0].status, 'approved');

				const deleted = await h.run(
					'meetingRegistrant',
					'delete',
					{ meetingId: rl(meeting.id), registrantId },
					{ credential: credential() },
				);
				assert.deepEqual(deleted.items[0].json, {
					id: meeting.id,
					registrant_id: registrantId,
					deleted: true,
				});
				assert.equal(registrants(meeting).length, 0);
			});
		});
	}

	test('35 simple registrations: two batch requests (30 + 5), each output paired with its input', async () => {
		const meeting = meetingWithRegistration(0);
		const inputItems = Array.from({ length: 35 }, (_, i) => ({
			email: `guest${i}@example.com`,
			name: `Guest ${i}`,
		}));
		const result = await h.run(
			'meetingRegistrant',
			'create',
			{
				meetingId: rl(meeting.id),
				email: '={{ $json.email }}',
				firstName: '={{ $json.name }}',
				additionalFields: { lastName: 'Batch' },
			},
			{ inputItems },
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items.length, 35);
		result.items.forEach((item, i) => {
			assert.deepEqual(item.pairedItem, { item: i });
			assert.equal(item.json.email, `guest${i}@example.com`);
			assert.equal(typeof item.json.registrant_id, 'string');
			assert.match(String(item.json.join_url), new RegExp(`/j/${meeting.id}\\?tk=`));
		});
		assert.equal(count('POST /v2/meetings/{meetingId}/batch_registrants'), 2);
		assert.equal(count('POST /v2/meetings/{meetingId}/registrants'), 0);
		assert.equal(registrants(meeting).length, 35);
		assert.ok(
			registrants(meeting).every((r) => r.status === 'approved' && r.last_name === 'Batch'),
		);
	});

	test('a registrant Zoom leaves out of a batch gets its own error; the others their registrations', async () => {
		const meeting = meetingWithRegistration(1);
		const inputItems = [
			{ email: 'a@example.com' },
			{ email: OWNER_EMAIL }, // the host cannot register
			{ email: 'b@example.com' },
		];
		const result = await h.run(
			'meetingRegistrant',
			'create',
			{
				meetingId: rl(meeting.id),
				email: '={{ $json.email }}',
				firstName: 'Guest',
				additionalFields: { autoApprove: true },
			},
			{ inputItems, continueOnFail: true },
		);
		assert.equal(result.items.length, 3);
		assert.deepEqual(
			result.items.map((i) => i.pairedItem),
			[{ item: 0 }, { item: 1 }, { item: 2 }],
		);
		assert.equal(result.items[0].json.email, 'a@example.com');
		assert.match(String(result.items[1].json.error), /3027.*Host cannot register/);
		assert.match(String(result.items[1].json.description), /host cannot register/i);
		assert.equal(result.items[2].json.email, 'b@example.com');
		assert.equal(count('POST /v2/meetings/{meetingId}/batch_registrants'), 1);
		assert.equal(count('POST /v2/meetings/{meetingId}/registrants'), 1);
		// auto_approve overrides manual approval
		assert.ok(registrants(meeting).every((r) => r.status === 'approved'));
	});

	test('registrations of a recurring meeting name occurrences and are created one by one', async () => {
		const meeting = h.sim.state.addMeeting(OWNER_ID, {
			topic: 'Weekly class',
			type: 8,
			start_time: '2030-01-07T10:00:00Z',
			recurrence: { type: 2, repeat_interval: 1, weekly_days: '2', end_times: 3 },
			settings: { approval_type: 0, registration_type: 3 },
		});
		const [first, second] = meeting.occurrences!;
		const result = await h.run(
			'meetingRegistrant',
			'create',
			{
				meetingId: rl(meeting.id),
				email: '={{ $json.email }}',
				firstName: 'Student',
				additionalFields: { occurrenceIds: `${first.occurrence_id}, ${second.occurrence_id}` },
			},
			{ inputItems: [{ email: 's1@example.com' }, { email: 's2@example.com' }] },
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal((result.items[0].json.occurrences as IDataObject[]).length, 2);
		const sent = h.apiRequests().filter((r) => r.method === 'POST');
		assert.equal(sent.length, 2);
		assert.equal(
			sent[0].query.get('occurrence_ids'),
			`${first.occurrence_id},${second.occurrence_id}`,
		);
		const third = meeting.occurrences![2].occurrence_id;
		const listed = await h.run('meetingRegistrant', 'getAll', {
			meetingId: rl(meeting.id),
			returnAll: true,
			filters: { occurrenceId: third },
		});
		assert.equal(listed.items.length, 0);
	});

	test('Update Status: 31 approvals and 2 denials of one meeting take three requests', async () => {
		const meeting = meetingWithRegistration(1);
		const store = events(h.sim.state);
		const ids = Array.from(
			{ length: 33 },
			(_, i) =>
				store.register(
					'meeting',
					meeting.id,
					{ email: `p${i}@example.com`, first_name: 'P' },
					'pending',
				).registrant.id,
		);
		const inputItems = ids.map((id, i) => ({ id, action: i < 31 ? 'approve' : 'deny' }));
		const result = await h.run(
			'meetingRegistrant',
			'updateStatus',
			{ meetingId: rl(meeting.id), registrantId: '={{ $json.id }}', action: '={{ $json.action }}' },
			{ inputItems },
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items.length, 33);
		result.items.forEach((item, i) => {
			assert.deepEqual(item.pairedItem, { item: i });
			assert.equal(item.json.registrant_id, ids[i]);
		});
		assert.equal(count('PUT /v2/meetings/{meetingId}/registrants/status'), 3);
		const statuses = registrants(meeting).map((r) => r.status);
		assert.deepEqual(statuses, [...Array(31).fill('approved'), 'denied', 'denied']);
	});

	test('Update Status by email, and an unknown registrant fails only its own item', async () => {
		const meeting = meetingWithRegistration(1);
		events(h.sim.state).register(
			'meeting',
			meeting.id,
			{ email: 'known@example.com', first_name: 'K' },
			'approved',
		);
		const result = await h.run(
			'meetingRegistrant',
			'updateStatus',
			{ meetingId: rl(meeting.id), registrantId: '={{ $json.who }}', action: 'cancel' },
			{
				inputItems: [{ who: 'known@example.com' }, { who: 'nobody@example.com' }],
				continueOnFail: true,
			},
		);
		assert.equal(result.items[0].json.email, 'known@example.com');
		assert.equal(result.items[0].json.status, 'denied');
		assert.match(String(result.items[1].json.error), /Zoom error 300: Validation Failed/);
		assert.match(
			String(result.items[1].json.description),
			/Registrant does not exist: nobody@example.com/,
		);
		assert.equal(registrants(meeting)[0].status, 'denied');
	});

	test('registration not enabled: the error says how to turn it on', async () => {
		const meeting = meetingWithRegistration(2);
		const result = await h.run('meetingRegistrant', 'create', {
			meetingId: rl(meeting.id),
			email: 'x@example.com',
			firstName: 'X',
			additionalFields: {},
		});
		assert.ok(result.error);
		assert.match(result.error.message, /Registration has not been enabled/);
		assert.match(String(result.error.description), /Approval Type/);
	});

	test('a meeting UUID is refused before anything is sent', async () => {
		const result = await h.run('meetingRegistrant', 'getAll', {
			meetingId: rl('aDYlohsHRtCd4ii1uC2+hA=='),
			returnAll: true,
		});
		assert.ok(result.error);
		assert.match(
			result.error.message,
			/Invalid "Meeting" in item 0: this operation takes a meeting ID \(9 to 11 digits\) or a join URL, not a UUID/,
		);
		assert.equal(h.apiRequests().length, 0);
	});

	test('a registration whose answer is lost is found by email, not made twice (single and batch)', async () => {
		const meeting = meetingWithRegistration(0);
		h.sim.injectFault({ method: 'POST', path: /\/registrants$/, kind: 'reset-after', count: 1 });
		const single = await h.run('meetingRegistrant', 'create', {
			meetingId: rl(meeting.id),
			email: 'once@example.com',
			firstName: 'Once',
			additionalFields: { city: 'Bonn' },
		});
		assert.equal(single.error, undefined, single.error?.message);
		assert.equal(single.items[0].json.email, 'once@example.com');
		assert.equal(single.items[0].json.registrant_id, registrants(meeting)[0].id);

		const appliedBefore = events(h.sim.state).applied.batchRegistrants;
		h.sim.injectFault({
			method: 'POST',
			path: /\/batch_registrants$/,
			kind: 'reset-after',
			count: 1,
		});
		const batch = await h.run(
			'meetingRegistrant',
			'create',
			{
				meetingId: rl(meeting.id),
				email: '={{ $json.email }}',
				firstName: 'B',
				additionalFields: {},
			},
			{ inputItems: [{ email: 'b1@example.com' }, { email: 'b2@example.com' }] },
		);
		assert.equal(batch.error, undefined, batch.error?.message);
		assert.deepEqual(
			batch.items.map((i) => i.json.email),
			['b1@example.com', 'b2@example.com'],
		);
		assert.equal(registrants(meeting).length, 3);
		assert.equal(count('POST /v2/meetings/{meetingId}/batch_registrants'), 1);
		assert.equal(events(h.sim.state).applied.batchRegistrants - appliedBefore, 2);
	});

	test('Get Many with a limit asks only for the page it needs', async () => {
		const meeting = meetingWithRegistration(0);
		for (let i = 0; i < 12; i++)
			events(h.sim.state).register(
				'meeting',
				meeting.id,
				{ email: `l${i}@example.com`, first_name: 'L' },
				'approved',
			);
		const result = await h.run('meetingRegistrant', 'getAll', {
			meetingId: rl(meeting.id),
			returnAll: false,
			limit: 5,
		});
		assert.equal(result.items.length, 5);
		assert.equal(h.apiRequests()[0].query.get('page_size'), '5');
	});
});
