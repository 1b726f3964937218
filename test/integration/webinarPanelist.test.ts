import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';

import { events, OWNER_ID, type SimWebinar } from '../simulator';
import { rl, startEventsHarness, type EventsHarness } from './eventsHarness';

/* Webinar panelist operations through real n8n-core, with each credential type. */

describe('webinar panelist operations (n8n-core + Zoom simulator)', () => {
	let h: EventsHarness;

	before(async () => {
		h = await startEventsHarness();
	});
	after(async () => await h?.close());
	beforeEach(() => h.reset());
	afterEach(() =>
		assert.deepEqual(h.specProblems(), [], "every request validates against Zoom's spec"),
	);

	const newWebinar = (): SimWebinar =>
		events(h.sim.state).addWebinar(OWNER_ID, {
			topic: 'Panel',
			start_time: '2030-07-01T15:00:00Z',
		});
	const panelists = (w: SimWebinar) => events(h.sim.state).panelistsOf(w.id);
	const count = (route: string) => h.sim.counters.requests[route] ?? 0;

	for (const label of ['Server-to-Server OAuth', 'OAuth2', 'Access Token']) {
		describe(`with ${label}`, () => {
			const credential = () => h.credentials.find((c) => c.label === label)!;

			test('add (with name tag), list, remove one, remove all', async () => {
				const webinar = newWebinar();
				const added = await h.run(
					'webinarPanelist',
					'add',
					{
						webinarId: rl(webinar.id),
						email: '={{ $json.email }}',
						name: '={{ $json.name }}',
						additionalFields: { nameTagPronouns: 'she/her' },
					},
					{
						credential: credential(),
						inputItems: [
							{ email: 'p1@example.com', name: 'Pat One' },
							{ email: 'p2@example.com', name: 'Pat Two' },
						],
					},
				);
				assert.equal(added.error, undefined, added.error?.message);
				assert.equal(count('POST /v2/webinars/{webinarId}/panelists'), 1);
				assert.deepEqual(
					added.items.map((i) => [i.pairedItem, i.json.email, i.json.added]),
					[
						[{ item: 0 }, 'p1@example.com', true],
						[{ item: 1 }, 'p2@example.com', true],
					],
				);
				const firstId = panelists(webinar)[0].id;
				assert.equal(added.items[0].json.panelist_id, firstId);
				assert.equal(panelists(webinar)[0].name_tag_pronouns, 'she/her');

				const listed = await h.run(
					'webinarPanelist',
					'getAll',
					{ webinarId: rl(webinar.id), returnAll: false, limit: 1 },
					{ credential: credential() },
				);
				assert.equal(listed.items.length, 1);

				const removed = await h.run(
					'webinarPanelist',
					'remove',
					{ webinarId: rl(webinar.id), panelistId: firstId },
					{ credential: credential() },
				);
				assert.deepEqual(removed.items[0].json, {
					id: webinar.id,
					panelist_id: firstId,
					removed: true,
				});
				assert.equal(panelists(webinar).length, 1);

				const all = await h.run(
					'webinarPanelist',
					'removeAll',
					{ webinarId: rl(webinar.id) },
					{ credential: credential() },
				);
				assert.deepEqual(all.items[0].json, { id: webinar.id, removedAll: true });
				assert.equal(panelists(webinar).length, 0);
			});
		});
	}

	test('65 panelists: three add requests of at most 30, each item paired', async () => {
		const webinar = newWebinar();
		const inputItems = Array.from({ length: 65 }, (_, i) => ({ email: `x${i}@example.com` }));
		const result = await h.run(
			'webinarPanelist',
			'add',
			{
				webinarId: rl(webinar.id),
				email: '={{ $json.email }}',
				name: 'Panelist',
				additionalFields: {},
			},
			{ inputItems },
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items.length, 65);
		result.items.forEach((item, i) => assert.deepEqual(item.pairedItem, { item: i }));
		assert.equal(count('POST /v2/webinars/{webinarId}/panelists'), 3);
		assert.equal(panelists(webinar).length, 65);
		const sizes = h
			.apiRequests()
			.filter((r) => r.method === 'POST')
			.map((r) => (r.body?.panelists as unknown[]).length);
		assert.deepEqual(
			sizes.sort((a, b) => b - a),
			[30, 30, 5],
		);
	});

	test('an invalid email fails only its own item; nothing invalid is sent', async () => {
		const webinar = newWebinar();
		const result = await h.run(
			'webinarPanelist',
			'add',
			{ webinarId: rl(webinar.id), email: '={{ $json.email }}', name: 'P', additionalFields: {} },
			{
				inputItems: [{ email: 'ok@example.com' }, { email: 'not-an-email' }],
				continueOnFail: true,
			},
		);
		assert.equal(result.items[0].json.email, 'ok@example.com');
		assert.match(String(result.items[1].json.error), /Invalid "Email" in item 1/);
		assert.equal(panelists(webinar).length, 1);
	});
});
