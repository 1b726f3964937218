import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	faultsSuite,
	BUSINESS,
	sim,
	hosts,
	startSimulator,
	run,
	createMeetings,
	getUsers,
	meetingRows,
	existingUserRows,
	assertOneOutputPerItem,
	assertNoSecrets,
	failed,
	succeeded,
	assertMeetingsCreatedOnce,
	when,
	warmUp,
	busyNeighbour,
} from './suite';

faultsSuite();

describe('429 per-second answers', () => {
	test('bursts of 429s (the window used up by another app) are waited out and retried: nothing lost, nothing doubled', async () => {
		const rows = meetingRows(40);
		await warmUp();
		// Another app of the account uses up whole windows at once, twice during the run.
		const bursts: Array<ReturnType<typeof busyNeighbour>> = [];
		const stopFirst = when(
			() => sim.state.applied.meetingCreates >= 5,
			() => bursts.push(busyNeighbour(0, 70)),
		);
		const stopSecond = when(
			() => sim.state.applied.meetingCreates >= 20,
			() => bursts.push(busyNeighbour(0, 70)),
		);
		// And a few bare 429s, without Zoom's rate-limit headers.
		sim.injectFault({ method: 'POST', path: /\/meetings$/, kind: 'status', status: 429, count: 3 });
		const result = await run(createMeetings, rows);
		stopFirst();
		stopSecond();
		let neighbour429s = 0;
		for (const burst of bursts) neighbour429s += (await burst.stop()).limited;
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(sim.counters.faultsInjected, 3);
		assert.ok(sim.counters.rateLimited - neighbour429s >= 1, "the node met Zoom's 429s");
		assertMeetingsCreatedOnce(result, rows);
		assert.equal(sim.state.applied.meetingCreates, 40);
		assertNoSecrets(result);
	});

	test('another app takes half the limit for the whole run: the node yields, finishes, creates each once', async () => {
		const rows = meetingRows(60);
		await warmUp();
		const neighbour = busyNeighbour(30);
		const result = await run(createMeetings, rows);
		const { sent, limited } = await neighbour.stop();
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		const node429s = sim.counters.rateLimited - limited;
		const nodeRequests = sim.counters.totalApiRequests - sent;
		// The node slows down on 429s instead of hammering: a small share of its requests.
		assert.ok(node429s / nodeRequests < 0.2, `${node429s} of ${nodeRequests} requests were 429`);
		assertMeetingsCreatedOnce(result, rows);
		assert.equal(sim.state.applied.meetingCreates, 60);
		assertNoSecrets(result);
	});

	test('the account limit drops mid-run: the node learns it from the answers and slows down before 429s', async () => {
		const rows = meetingRows(40);
		const stop = when(
			() => sim.state.applied.meetingCreates >= 10,
			() => sim.setRateLimits({ ...BUSINESS, medium: 10 }),
		);
		const started = Date.now();
		const result = await run(createMeetings, rows);
		stop();
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		// About 30 creates at under 10/s.
		assert.ok(Date.now() - started >= 2500, 'paced at the new limit');
		assert.ok(sim.counters.rateLimited <= 2, `${sim.counters.rateLimited} answers were 429`);
		assertMeetingsCreatedOnce(result, rows);
		assertNoSecrets(result);
	});
});

describe('daily limit', () => {
	test('reached half-way: the rest fail with the limit and its reset time, mostly without being sent', async () => {
		const rows = existingUserRows(40);
		sim.setDailyLimits({ light: 20 });
		const result = await run(getUsers, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(succeeded(result).length, 20);
		assert.equal(failed(result).length, 20);
		const tomorrow = new Date();
		tomorrow.setUTCHours(24, 0, 0, 0);
		for (const item of failed(result)) {
			assert.match(String(item.json.error), /daily rate limit reached \(light APIs\)/);
			assert.match(String(item.json.description), new RegExp(tomorrow.toISOString().slice(0, 16)));
			assert.equal(item.json.httpCode, '429');
		}
		// Only the requests already in flight when Zoom first said so met the limit at Zoom.
		assert.ok(sim.counters.dailyLimited <= 10, `${sim.counters.dailyLimited} sent past the limit`);
		// Successes are the items Zoom admitted; each is the user asked for.
		result.items.forEach((item, index) => {
			if (!item.json.error) assert.equal(item.json.id, rows[index].userId);
		});
		assertNoSecrets(result);
	});

	test('without "Continue On Fail" the node stops with the daily-limit error of the first item hit', async () => {
		const rows = existingUserRows(30);
		sim.setDailyLimits({ light: 10 });
		const result = await run(getUsers, rows, { continueOnFail: false });
		assert.ok(result.error);
		assert.match(result.error.message, /daily rate limit reached \(light APIs\)/);
		assert.match(String(result.error.description), /resets at \d{4}-\d{2}-\d{2}T00:00:00/);
		assertNoSecrets(result);
	});

	test("one host's 100-meetings-a-day limit stops that host's items only", async () => {
		await sim.close();
		await startSimulator({ meetingDailyLimitPerUser: 3 });
		const rows = [
			...Array.from({ length: 5 }, (_, i) => ({ host: hosts[0].id, topic: `busy host #${i}` })),
			...Array.from({ length: 5 }, (_, i) => ({ host: hosts[1].id, topic: `other host #${i}` })),
		];
		const result = await run(createMeetings, rows, { options: { maxConcurrency: 1 } });
		assertOneOutputPerItem(result, rows);
		const outcome = result.items.map((item) => (item.json.error ? 'error' : 'ok'));
		assert.deepEqual(outcome, [
			'ok',
			'ok',
			'ok',
			'error',
			'error',
			'ok',
			'ok',
			'ok',
			'error',
			'error',
		]);
		assert.match(String(result.items[3].json.error), /particular user/);
		assertMeetingsCreatedOnce(result, rows);
		assertNoSecrets(result);
	});
});
