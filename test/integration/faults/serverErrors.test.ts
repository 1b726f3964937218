import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	faultsSuite,
	sim,
	hosts,
	run,
	createMeetings,
	getUsers,
	deleteMeetings,
	meetingRows,
	existingUserRows,
	assertOneOutputPerItem,
	assertNoSecrets,
	failed,
	assertMeetingsCreatedOnce,
	apiRequests,
} from './suite';

faultsSuite();

describe('5xx answers', () => {
	test('500, 502 and 503 on reads are retried with backoff', async () => {
		const rows = existingUserRows(30);
		for (const status of [500, 502, 503]) {
			sim.injectFault({
				method: 'GET',
				path: /^\/v2\/users\/[^/]+$/,
				kind: 'status',
				status,
				count: 4,
			});
		}
		const result = await run(getUsers, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(sim.counters.faultsInjected, 12);
		assert.equal(apiRequests('GET /v2/users/{userId}'), 30 + 12);
		result.items.forEach((item, index) => assert.equal(item.json.id, rows[index].userId));
		assertNoSecrets(result);
	});

	test('500, 502 and 503 on creates: looked up before the retry, created once', async () => {
		const rows = meetingRows(30);
		for (const status of [500, 502, 503]) {
			sim.injectFault({ method: 'POST', path: /\/meetings$/, kind: 'status', status, count: 3 });
		}
		const result = await run(createMeetings, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(apiRequests('GET /v2/users/{userId}/meetings'), 9, 'one look-up per lost answer');
		assertMeetingsCreatedOnce(result, rows);
		assert.equal(sim.state.applied.meetingCreates, 30);
		assertNoSecrets(result);
	});

	test('deletes hit by 503 are retried; each meeting is deleted once', async () => {
		const meetings = Array.from({ length: 20 }, (_, i) =>
			sim.state.addMeeting(hosts[i % hosts.length].id, { topic: `old #${i}` }),
		);
		const rows = meetings.map((m) => ({ meetingId: String(m.id) }));
		sim.injectFault({ method: 'DELETE', kind: 'status', status: 503, count: 6 });
		const result = await run(deleteMeetings, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		for (const m of meetings) assert.equal(sim.state.meetings.has(m.id), false);
		assertNoSecrets(result);
	});

	test('"Retry On Status Codes" and "Max Retries" are honoured', async () => {
		const rows = existingUserRows(12);
		sim.injectFault({
			method: 'GET',
			path: /^\/v2\/users\/[^/]+$/,
			kind: 'status',
			status: 503,
			count: 3,
		});
		const notOn503 = await run(getUsers, rows, { options: { retryOnStatuses: '500,502' } });
		assertOneOutputPerItem(notOn503, rows);
		assert.equal(failed(notOn503).length, 3);
		for (const item of failed(notOn503)) assert.equal(item.json.httpCode, '503');

		sim.injectFault({
			method: 'GET',
			path: /^\/v2\/users\/[^/]+$/,
			kind: 'status',
			status: 500,
			count: 2,
		});
		const noRetries = await run(getUsers, rows, { options: { maxRetries: 0 } });
		assertOneOutputPerItem(noRetries, rows);
		assert.equal(failed(noRetries).length, 2);
		assertNoSecrets(noRetries);
	});
});
