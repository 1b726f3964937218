import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { RateLimiter, sharedRateLimiter, type Clock } from '../../nodes/core/transport/rateLimiter';
import { runScenario, seededRandom, VirtualTime } from './rateLimiterSimulation';

/**
 * Several processes (n8n queue-mode workers), each with its own limiter, share one Zoom account.
 * Zoom's answers are all they share. Each scenario runs on a virtual clock, deterministically.
 */
describe('RateLimiter: several processes, one account', () => {
	const LIMIT = 40;
	const LATENCY = 100;

	test('one process alone uses at least 0.93 of the limit without a 429', async () => {
		const run = await runScenario({
			limit: LIMIT,
			latencyMs: LATENCY,
			processes: [{ items: 400 }],
		});
		assert.ok(run.ratio >= 0.93, `ratio ${run.ratio.toFixed(3)}`);
		assert.equal(run.account.refused, 0);
	});

	test('two processes with headers: together ≥ 0.85 of the limit, ≤ 2 % answered 429', async () => {
		const run = await runScenario({
			limit: LIMIT,
			latencyMs: LATENCY,
			processes: [{ items: 400 }, { items: 400 }],
		});
		assert.ok(run.ratio >= 0.85, `ratio ${run.ratio.toFixed(3)}`);
		assert.ok(run.refusedShare <= 0.02, `429 share ${(100 * run.refusedShare).toFixed(2)} %`);
		// Fair shares: neither process finishes much before the other.
		const [a, b] = run.processes.map((p) => p.finishedAt);
		assert.ok(Math.abs(a - b) / Math.max(a, b) < 0.2, `finished at ${a} and ${b} ms`);
		for (const used of run.account.perWindow.values()) assert.ok(used <= LIMIT);
	});

	test('a worker that joins later gets its share without a burst of 429s', async () => {
		const run = await runScenario({
			limit: LIMIT,
			latencyMs: LATENCY,
			processes: [{ items: 400 }, { items: 400, startAt: 3000 }],
		});
		assert.ok(run.ratio >= 0.82, `ratio ${run.ratio.toFixed(3)}`);
		assert.ok(run.refusedShare <= 0.02, `429 share ${(100 * run.refusedShare).toFixed(2)} %`);
	});

	test('four processes converge too', async () => {
		const run = await runScenario({
			limit: LIMIT,
			latencyMs: LATENCY,
			processes: Array.from({ length: 4 }, () => ({ items: 300 })),
		});
		assert.ok(run.ratio >= 0.75, `ratio ${run.ratio.toFixed(3)}`);
		assert.ok(run.refusedShare <= 0.04, `429 share ${(100 * run.refusedShare).toFixed(2)} %`);
	});

	test('an unknown client using half the limit: ours adapt to the other half', async () => {
		const run = await runScenario({
			limit: LIMIT,
			latencyMs: LATENCY,
			processes: [{ items: 400 }, { items: 400 }],
			otherPerSecond: LIMIT / 2,
		});
		const accountRatio = (800 + run.otherSent) / (run.wallMs / 1000) / LIMIT;
		assert.ok(accountRatio >= 0.85, `account used ${accountRatio.toFixed(3)} of its limit`);
		assert.ok(run.ratio <= 0.5, `ours took ${run.ratio.toFixed(3)}`);
		assert.ok(run.ratio >= 0.38, `ours took only ${run.ratio.toFixed(3)}`);
		assert.ok(run.refusedShare <= 0.02, `429 share ${(100 * run.refusedShare).toFixed(2)} %`);
	});

	test('without any X-RateLimit header, 429s alone still bring two processes under the limit', async () => {
		// Both start at the Pro plan's 20/s, the account allows 20/s in all: twice too fast.
		const run = await runScenario({
			limit: 20,
			latencyMs: LATENCY,
			headers: false,
			processes: [{ items: 300 }, { items: 300 }],
		});
		assert.ok(run.ratio >= 0.65, `ratio ${run.ratio.toFixed(3)}`);
		assert.ok(run.refusedShare <= 0.08, `429 share ${(100 * run.refusedShare).toFixed(2)} %`);
		// Converged: the second half of the run sees fewer 429s than an unpaced pair (half refused).
		for (const p of run.processes) assert.ok(p.refused < p.items * 0.1, `${p.refused} refused`);
	});

	test('"Share of Account Rate Limit" 50 % on two workers: no 429 at all, nearly the full limit', async () => {
		const run = await runScenario({
			limit: LIMIT,
			latencyMs: LATENCY,
			processes: [
				{ items: 400, accountShare: 0.5 },
				{ items: 400, accountShare: 0.5 },
			],
		});
		assert.equal(run.account.refused, 0);
		assert.ok(run.ratio >= 0.9, `ratio ${run.ratio.toFixed(3)}`);
	});

	test('the same seeds give the same run', async () => {
		const spec = { limit: LIMIT, latencyMs: LATENCY, processes: [{ items: 200 }, { items: 200 }] };
		const [a, b] = [await runScenario(spec), await runScenario(spec)];
		assert.equal(a.wallMs, b.wallMs);
		assert.equal(a.account.refused, b.account.refused);
	});
});

describe('RateLimiter: the operator share', () => {
	test('caps the pace at the share of the paced limit, learned limits included', () => {
		const time = new VirtualTime();
		const limiter = new RateLimiter(time, undefined, {
			accountShare: 0.25,
			random: seededRandom(3),
		});
		assert.equal(limiter.rateOf('light'), 30 * 0.95 * 0.25);
		limiter.observe('light', { 'X-RateLimit-Limit': '80', 'X-RateLimit-Type': 'QPS' }, 200);
		assert.equal(limiter.rateOf('light'), 80 * 0.95 * 0.25);
		limiter.setAccountShare(1);
		assert.equal(limiter.shareOfAccount(), 1);
		limiter.setAccountShare(0.5);
		assert.equal(limiter.rateOf('light'), 80 * 0.95 * 0.5);
	});

	test('out-of-range shares mean the whole limit', () => {
		const limiter = new RateLimiter(new VirtualTime());
		for (const share of [0, -1, Number.NaN, undefined]) {
			limiter.setAccountShare(share);
			assert.equal(limiter.shareOfAccount(), 1);
		}
		limiter.setAccountShare(7);
		assert.equal(limiter.shareOfAccount(), 1);
	});

	test('sharedRateLimiter applies the share of the latest execution to the shared limiter', () => {
		const key = `share-test-${Date.now()}`;
		const first = sharedRateLimiter(key, { accountShare: 0.5 });
		assert.equal(first.shareOfAccount(), 0.5);
		assert.equal(sharedRateLimiter(key), first, 'no options: same limiter, share kept');
		assert.equal(first.shareOfAccount(), 0.5);
		sharedRateLimiter(key, { accountShare: 0.3 });
		assert.equal(first.shareOfAccount(), 0.3);
		sharedRateLimiter(key, { accountShare: undefined });
		assert.equal(first.shareOfAccount(), 0.3, 'undefined (a list search) keeps the share');
	});
});

describe('RateLimiter: after a 429', () => {
	/** A clock that moves only when waited on. */
	const steppingClock = (): Clock & { t: number } => {
		const clock = {
			t: 1_000_000,
			now: () => clock.t,
			wait: async (ms: number) => {
				clock.t += ms;
			},
		};
		return clock;
	};

	test('workers refused in the same window resume at different moments; a named Retry-After is kept', async () => {
		const waited: number[] = [];
		for (const seed of [1, 2, 3]) {
			const clock = steppingClock();
			const limiter = new RateLimiter(clock, undefined, { random: seededRandom(seed) });
			limiter.pause('medium', 1000);
			const before = clock.t;
			await limiter.acquire('medium');
			waited.push(clock.t - before);
		}
		for (const ms of waited) assert.ok(ms >= 1000 && ms <= 1100, `waited ${ms} ms`);
		assert.equal(new Set(waited).size, 3, `waits ${waited.join(', ')}`);

		const clock = steppingClock();
		const limiter = new RateLimiter(clock, undefined, { random: seededRandom(1) });
		limiter.pause('medium', 2500);
		const before = clock.t;
		await limiter.acquire('medium');
		assert.equal(clock.t - before, 2500);
	});

	test('without headers, the pace drops and grows back while the category stays busy', async () => {
		const clock = steppingClock();
		const limiter = new RateLimiter(clock, { light: 80, medium: 60, heavy: 40 });
		const full = limiter.rateOf('medium');
		limiter.pause('medium', 0);
		limiter.pause('medium', 0); // the same window: one signal
		assert.equal(limiter.rateOf('medium'), full * 0.75);
		assert.equal(limiter.rateOf('light'), 80 * 0.95, 'other categories are not slowed');
		const start = clock.t;
		while (clock.t - start < 10_000) {
			await limiter.acquire('medium');
			limiter.observe('medium', {}, 200);
		}
		assert.equal(limiter.rateOf('medium'), full);
	});
});
