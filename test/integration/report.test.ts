import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { addPastMeeting, OWNER_ID } from '../simulator';
import { rl, startSetup, type Setup } from './recordings/setup';

/* Report → Meeting Participants through real n8n-core against the Zoom simulator. */

describe('report operations (n8n-core + Zoom simulator)', () => {
	let setup: Setup;
	const BIG = 86000000001;
	const names = Array.from({ length: 650 }, (_, i) => `Attendee ${String(i + 1).padStart(3, '0')}`);

	before(async () => {
		setup = await startSetup();
		addPastMeeting(setup.sim.state, {
			hostId: OWNER_ID,
			id: BIG,
			topic: 'All hands',
			start_time: '2026-11-20T16:00:00Z',
			participants: names,
		});
		addPastMeeting(setup.sim.state, {
			hostId: OWNER_ID,
			id: 86000000002,
			topic: 'Alone',
			start_time: '2026-11-21T16:00:00Z',
			participants: ['Sim Owner'],
		});
	});

	after(async () => await setup?.close());
	beforeEach(() => {
		setup.requests.length = 0;
		setup.sim.resetCounters();
	});

	for (const index of [0, 1, 2]) {
		test(`Return All pages through 650 participants with 300 per page (${['Server-to-Server OAuth', 'OAuth2', 'Access Token'][index]})`, async () => {
			const result = await setup.run(
				'report',
				'getMeetingParticipants',
				{ meetingId: rl(BIG), returnAll: true, options: { includeRegistrantId: true } },
				{ credential: setup.credentials[index] },
			);
			assert.equal(result.error, undefined, result.error?.message);
			assert.deepEqual(
				result.items.map((item) => item.json.name),
				names,
			);
			assert.equal(result.items[0].json.registrant_id, 'reg-0');
			const calls = setup.requests.filter((r) => r.path.startsWith('/v2/report/'));
			assert.equal(calls.length, 3);
			for (const call of calls) {
				assert.equal(call.query.get('page_size'), '300');
				assert.equal(call.query.get('include_fields'), 'registrant_id');
			}
		});
	}

	test('many items at once are paced as Heavy: Zoom never answers 429', async () => {
		// 40 items, each one report request: four times Zoom's Heavy limit of 10 per second.
		const result = await setup.run(
			'report',
			'getMeetingParticipants',
			{ meetingId: rl(BIG), returnAll: false, limit: 5, options: { maxConcurrency: 40 } },
			{ inputItems: Array.from({ length: 40 }, (_, i) => ({ i })) },
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items.length, 200);
		assert.equal(setup.sim.counters.rateLimited, 0);
		assert.equal(
			setup.sim.counters.requests['GET /v2/report/meetings/{meetingId}/participants'],
			40,
		);
	});

	test('a meeting with one participant: the output says why the report is empty', async () => {
		const result = await setup.run('report', 'getMeetingParticipants', {
			meetingId: rl(86000000002),
			returnAll: true,
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items.length, 1);
		assert.match(String(result.items[0].json.notice), /two or more participants/);
	});

	test('an app without report:read:admin gets an error naming the scope and the app type', async () => {
		const token = setup.sim.issueAccessToken({ scopes: ['meeting:read:admin', 'user:read:admin'] });
		const ref = setup.store.add({
			type: 'zoomWorkplaceAccessTokenApi',
			data: { cloud: 'custom', apiBaseUrl: setup.sim.apiBaseUrl, accessToken: token },
		});
		const result = await setup.run(
			'report',
			'getMeetingParticipants',
			{ meetingId: rl(BIG), returnAll: true },
			{
				credential: {
					label: 'limited',
					authentication: 'accessToken',
					type: 'zoomWorkplaceAccessTokenApi',
					ref,
				},
			},
		);
		assert.match(result.error?.message ?? '', /4711/);
		assert.match(String(result.error?.description), /report:read:admin/);
		assert.match(String(result.error?.description), /Server-to-Server OAuth/);
	});
});
