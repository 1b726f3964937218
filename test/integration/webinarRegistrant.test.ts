import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';

import { events, OWNER_ID, type SimWebinar } from '../simulator';
import { rl, startEventsHarness, type EventsHarness } from './eventsHarness';

/* Webinar registrant operations through real n8n-core, with each credential type. */

describe('webinar registrant operations (n8n-core + Zoom simulator)', () => {
	let h: EventsHarness;

	before(async () => {
		h = await startEventsHarness();
	});
	after(async () => await h?.close());
	beforeEach(() => h.reset());
	afterEach(() =>
		assert.deepEqual(h.specProblems(), [], "every request validates against Zoom's spec"),
	);

	function webinarWithRegistration(approvalType = 1): SimWebinar {
		return events(h.sim.state).addWebinar(OWNER_ID, {
			topic: 'Webinar with registration',
			start_time: '2030-06-01T15:00:00Z',
			settings: { approval_type: approvalType },
		});
	}
	const registrants = (w: SimWebinar) => events(h.sim.state).registrantsOf('webinar', w.id);
	const count = (route: string) => h.sim.counters.requests[route] ?? 0;

	for (const label of ['Server-to-Server OAuth', 'OAuth2', 'Access Token']) {
		describe(`with ${label}`, () => {
			const credential = () => h.credentials.find((c) => c.label === label)!;

			test('create, get, list, deny, delete', async () => {
				const webinar = webinarWithRegistration(1);
				const created = await h.run(
					'webinarRegistrant',
					'create',
					{
						webinarId: rl(webinar.id),
						email: 'ana@example.com',
						firstName: 'Ana',
						additionalFields: { lastName: 'Lima', sourceId: '5516482804110', org: 'Acme' },
					},
					{ credential: credential() },
				);
				assert.equal(created.error, undefined, created.error?.message);
				const registrantId = String(created.items[0].json.registrant_id);
				assert.equal(created.items[0].json.id, webinar.id);
				assert.equal(registrants(webinar)[0].source_id, '5516482804110');
				// A webinar registrant create takes no auto_approve (that field is meeting-only).
				assert.equal(
					h.apiRequests().find((r) => r.method === 'POST')!.body?.auto_approve,
					undefined,
				);

				const got = await h.run(
					'webinarRegistrant',
					'get',
					{ webinarId: rl(webinar.id), registrantId },
					{ credential: credential() },
				);
				assert.equal(got.items[0].json.email, 'ana@example.com');

				// Another pending registrant, from no tracking source: the filter leaves it out.
				events(h.sim.state).register(
					'webinar',
					webinar.id,
					{ email: 'other@example.com', first_name: 'O' },
					'pending',
				);
				const listed = await h.run(
					'webinarRegistrant',
					'getAll',
					{
						webinarId: rl(webinar.id),
						returnAll: true,
						filters: { status: 'pending', trackingSourceId: '5516482804110' },
					},
					{ credential: credential() },
				);
				assert.equal(listed.items.length, 1);

				const denied = await h.run(
					'webinarRegistrant',
					'updateStatus',
					{ webinarId: rl(webinar.id), registrantId, action: 'deny' },
					{ credential: credential() },
				);
				assert.equal(denied.items[0].json.status, 'denied');
				assert.equal(registrants(webinar)[0].status, 'denied');

				const deleted = await h.run(
					'webinarRegistrant',
					'delete',
					{ webinarId: rl(webinar.id), registrantId },
					{ credential: credential() },
				);
				assert.equal(deleted.items[0].json.deleted, true);
				assert.deepEqual(
					registrants(webinar).map((r) => r.email),
					['other@example.com'],
				);
			});
		});
	}

	test('40 registrations of a scheduled webinar: two batch requests; 40 approvals: two status requests', async () => {
		const webinar = webinarWithRegistration(1);
		const inputItems = Array.from({ length: 40 }, (_, i) => ({ email: `w${i}@example.com` }));
		const created = await h.run(
			'webinarRegistrant',
			'create',
			{
				webinarId: rl(webinar.id),
				email: '={{ $json.email }}',
				firstName: 'Guest',
				additionalFields: {},
			},
			{ inputItems },
		);
		assert.equal(created.error, undefined, created.error?.message);
		assert.equal(created.items.length, 40);
		assert.equal(count('POST /v2/webinars/{webinarId}/batch_registrants'), 2);
		assert.ok(registrants(webinar).every((r) => r.status === 'pending'));

		const approved = await h.run(
			'webinarRegistrant',
			'updateStatus',
			{ webinarId: rl(webinar.id), registrantId: '={{ $json.registrant_id }}', action: 'approve' },
			{ inputItems: created.items.map((i) => i.json) },
		);
		assert.equal(approved.error, undefined, approved.error?.message);
		approved.items.forEach((item, i) => assert.deepEqual(item.pairedItem, { item: i }));
		assert.equal(count('PUT /v2/webinars/{webinarId}/registrants/status'), 2);
		assert.ok(registrants(webinar).every((r) => r.status === 'approved'));
	});

	test('a webinar without registration: the error says how to turn it on', async () => {
		const webinar = webinarWithRegistration(2);
		const result = await h.run('webinarRegistrant', 'create', {
			webinarId: rl(webinar.id),
			email: 'x@example.com',
			firstName: 'X',
			additionalFields: {},
		});
		assert.ok(result.error);
		assert.match(result.error.message, /does not have registration as required/);
		assert.match(String(result.error.description), /Registration is off/);
	});
});
