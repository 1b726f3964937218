import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	faultsSuite,
	sim,
	hosts,
	run,
	createMeetings,
	createUsers,
	deleteMeetings,
	meetingRows,
	userRows,
	assertOneOutputPerItem,
	assertNoSecrets,
	failed,
	assertMeetingsCreatedOnce,
	assertUsersCreatedOnce,
	apiRequests,
} from './suite';

faultsSuite();

describe('dropped connections', () => {
	test('meeting creates: reset before Zoom applied them → created once on retry', async () => {
		const rows = meetingRows(30);
		sim.injectFault({ method: 'POST', path: /\/meetings$/, kind: 'reset-before', count: 6 });
		const result = await run(createMeetings, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(apiRequests('POST /v2/users/{userId}/meetings'), 36);
		assertMeetingsCreatedOnce(result, rows);
		assert.equal(sim.state.applied.meetingCreates, 30);
		assertNoSecrets(result);
	});

	test('meeting creates: reset after Zoom applied them → found and returned, not created again', async () => {
		const rows = meetingRows(30);
		sim.injectFault({ method: 'POST', path: /\/meetings$/, kind: 'reset-after', count: 6 });
		const result = await run(createMeetings, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(apiRequests('POST /v2/users/{userId}/meetings'), 30, 'no create was sent twice');
		assertMeetingsCreatedOnce(result, rows);
		assert.equal(sim.state.applied.meetingCreates, 30);
		// The recovered items carry what a create returns (join URL), not the list's summary.
		for (const item of result.items) assert.match(String(item.json.join_url), /^https?:\/\//);
		assertNoSecrets(result);
	});

	test('user creates: resets before and after → every user created once', async () => {
		const rows = userRows(30);
		sim.injectFault({ method: 'POST', path: '/v2/users', kind: 'reset-before', count: 4 });
		sim.injectFault({ method: 'POST', path: '/v2/users', kind: 'reset-after', count: 4 });
		const result = await run(createUsers, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(sim.state.applied.userCreates, 30);
		assertUsersCreatedOnce(result, rows);
		assertNoSecrets(result);
	});

	test('deletes whose answer was lost after Zoom applied them succeed', async () => {
		const meetings = Array.from({ length: 15 }, (_, i) =>
			sim.state.addMeeting(hosts[i % hosts.length].id, { topic: `stale #${i}` }),
		);
		const rows = meetings.map((m) => ({ meetingId: String(m.id) }));
		sim.injectFault({ method: 'DELETE', kind: 'reset-after', count: 5 });
		const result = await run(deleteMeetings, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(sim.state.meetings.size, 0);
		assertNoSecrets(result);
	});

	test(
		'two rows with the same host and topic: a recovered create returns its own meeting',
		{},
		async () => {
			const rows = [
				{ host: hosts[0].id, topic: 'Weekly sync' },
				{ host: hosts[0].id, topic: 'Weekly sync' },
			];
			// Row 0's create is applied and its answer lost; row 1's is applied over a second later,
			// while row 0's look-up is still being retried.
			sim.injectFault({ method: 'POST', path: /\/meetings$/, kind: 'reset-after', count: 1 });
			sim.injectFault({
				method: 'POST',
				path: /\/meetings$/,
				kind: 'delay',
				delayMs: 1100,
				count: 1,
			});
			sim.injectFault({
				method: 'GET',
				path: /\/meetings$/,
				kind: 'status',
				status: 503,
				count: 2,
			});
			const result = await run(createMeetings, rows, { options: { maxConcurrency: 2 } });
			assertOneOutputPerItem(result, rows);
			assert.equal(failed(result).length, 0);
			assert.equal(sim.state.applied.meetingCreates, 2);
			assert.notEqual(
				result.items[0].json.id,
				result.items[1].json.id,
				'each row has its own meeting',
			);
		},
	);

	test('a create that keeps failing ends as one error item, never as a second meeting', async () => {
		const rows = meetingRows(6);
		sim.injectFault({ method: 'POST', path: /\/meetings$/, kind: 'reset-before', count: 4 });
		const result = await run(createMeetings, rows, {
			options: { maxConcurrency: 1, maxRetries: 3, backoffMultiplier: 1 },
		});
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 1);
		assert.match(String(failed(result)[0].json.error), /Could not reach Zoom/);
		assert.match(String(failed(result)[0].json.description), /ECONNRESET/);
		assertMeetingsCreatedOnce(result, rows);
		assert.equal(sim.state.applied.meetingCreates, 5);
		assertNoSecrets(result);
	});
});
