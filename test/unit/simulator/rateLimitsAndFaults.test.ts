import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startZoomSimulator, type ZoomSimulator } from '../../simulator';
import { basic, client, tokenRequest, startOfSecond, UNLIMITED } from './helpers';

describe('Zoom simulator', () => {
	let sim: ZoomSimulator;
	let token: string;
	const api = client(
		() => sim,
		() => token,
	);

	before(async () => {
		// These tests probe the simulator's own handlers, invalid requests included: spec checks off.
		sim = await startZoomSimulator({ rateLimits: UNLIMITED, validateRequests: false });
		token = sim.issueAccessToken();
	});
	after(() => sim.close());

	describe('rate limits', () => {
		after(() => {
			sim.setRateLimits(UNLIMITED);
			sim.setDailyLimits({});
		});

		test('every answer carries the rate-limit headers', async () => {
			for (const [method, path] of [
				['GET', '/users/me'],
				['GET', '/users/nobody'],
				['GET', '/users'],
				['POST', '/users/me/meetings'],
			]) {
				const res = await api(method, path, method === 'POST' ? { body: { type: 9 } } : {});
				assert.ok(res.headers.get('x-ratelimit-category'), `${method} ${path}`);
				assert.equal(res.headers.get('x-ratelimit-type'), 'QPS');
				assert.ok(Number(res.headers.get('x-ratelimit-limit')) > 0);
				assert.ok(res.headers.get('x-ratelimit-remaining') !== null);
			}
			assert.equal((await api('GET', '/users/me')).headers.get('x-ratelimit-category'), 'Light');
			assert.equal((await api('GET', '/users')).headers.get('x-ratelimit-category'), 'Medium');
		});

		test('429 beyond the per-second limit; 401s do not count', async () => {
			sim.setRateLimits({ light: 3 });
			const before = sim.counters.rateLimited;
			await startOfSecond();
			const rejected = await Promise.all(
				[1, 2, 3].map(() => api('GET', '/users/me', { token: 'bogus' })),
			);
			assert.ok(rejected.every((r) => r.status === 401));
			const burst = await Promise.all([1, 2, 3, 4, 5].map(() => api('GET', '/users/me')));
			const statuses = burst.map((r) => r.status).sort();
			assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
			const limited = burst.find((r) => r.status === 429)!;
			assert.deepEqual(limited.body, {
				code: 429,
				message:
					'You have reached the maximum per-second rate limit for this API. Try again later.',
			});
			assert.equal(limited.headers.get('x-ratelimit-type'), 'QPS');
			assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
			assert.equal(sim.counters.rateLimited, before + 2);
		});

		test('daily limit: 429 with Daily-limit and Retry-After at the next UTC midnight', async () => {
			sim.setRateLimits(UNLIMITED);
			sim.setDailyLimits({ light: 2 });
			const before = sim.counters.dailyLimited;
			assert.equal((await api('GET', '/users/me')).status, 200);
			assert.equal((await api('GET', '/users/me')).status, 200);
			const res = await api('GET', '/users/me');
			assert.equal(res.status, 429);
			assert.equal(res.headers.get('x-ratelimit-type'), 'Daily-limit');
			const now = new Date();
			const midnight = new Date(
				Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1),
			);
			assert.equal(res.headers.get('retry-after'), midnight.toISOString().replace('.000Z', 'Z'));
			assert.match(res.body.message, /maximum daily rate limit/);
			assert.equal(sim.counters.dailyLimited, before + 1);
			assert.equal((await api('GET', '/users')).status, 200, 'other categories are not affected');
			sim.setDailyLimits({});
		});
	});

	describe('faults and knobs', () => {
		test("'status' answers a 5xx without applying", async () => {
			const before = sim.state.applied.meetingCreates;
			sim.injectFault({
				method: 'POST',
				path: '/v2/users/me/meetings',
				kind: 'status',
				status: 503,
			});
			const res = await api('POST', '/users/me/meetings', { body: { topic: 'faulty' } });
			assert.equal(res.status, 503);
			assert.equal(sim.state.applied.meetingCreates, before);
			assert.equal(
				(await api('POST', '/users/me/meetings', { body: { topic: 'fine' } })).status,
				201,
			);
		});

		test("'reset-before' drops the connection without applying; 'reset-after' applies first", async () => {
			const before = sim.state.applied.meetingCreates;
			const faults = sim.counters.faultsInjected;
			sim.injectFault({ path: /\/meetings$/, kind: 'reset-before' });
			await assert.rejects(api('POST', '/users/me/meetings', { body: { topic: 'lost' } }));
			assert.equal(sim.state.applied.meetingCreates, before);

			sim.injectFault({ method: 'POST', path: '/v2/users/me/meetings', kind: 'reset-after' });
			await assert.rejects(
				api('POST', '/users/me/meetings', { body: { topic: 'applied but unanswered' } }),
			);
			assert.equal(sim.state.applied.meetingCreates, before + 1);
			assert.ok([...sim.state.meetings.values()].some((m) => m.topic === 'applied but unanswered'));
			assert.equal(sim.counters.faultsInjected, faults + 2);
			assert.equal((await api('GET', '/users/me')).status, 200);
		});

		test('faults can hit the token endpoint', async () => {
			sim.injectFault({ path: '/oauth/token', kind: 'status', status: 502 });
			const res = await tokenRequest(
				sim,
				{ grant_type: 'account_credentials', account_id: 'sim-account' },
				basic('sim-client-id', 'sim-client-secret'),
			);
			assert.equal(res.status, 502);
		});

		test('latency, counters and maxConcurrent', async () => {
			sim.resetCounters();
			assert.equal(sim.counters.totalApiRequests, 0);
			sim.setLatency(100);
			const started = Date.now();
			await Promise.all([1, 2, 3, 4, 5].map(() => api('GET', '/users/me')));
			assert.ok(Date.now() - started >= 90);
			sim.setLatency(0);
			assert.equal(sim.counters.maxConcurrent, 5);
			assert.equal(sim.counters.totalApiRequests, 5);
			await api('POST', '/users/me/meetings', { body: { topic: 'counted' } });
			assert.equal(sim.counters.requests['GET /v2/users/{userId}'], 5);
			assert.equal(sim.counters.requests['POST /v2/users/{userId}/meetings'], 1);
		});
	});
});
