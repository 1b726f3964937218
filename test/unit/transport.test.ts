import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	defaultCategory,
	parseCategory,
	routeKey,
} from '../../nodes/ZoomWorkplace/transport/categories';
import {
	describeFailure,
	hintFor,
	validationDetails,
} from '../../nodes/ZoomWorkplace/transport/errors';
import {
	DailyLimitReachedError,
	RateLimiter,
	type Clock,
} from '../../nodes/ZoomWorkplace/transport/rateLimiter';
import {
	backoffDelayMs,
	DEFAULT_RETRY_SETTINGS,
	isSafeToRepeat,
	isTransientNetworkCode,
	retryAfterMs,
} from '../../nodes/ZoomWorkplace/transport/retryPolicy';

/** A clock that only moves when waited on, so pacing is measured exactly. */
function fakeClock(): Clock & { waits: number[]; t: number } {
	const clock = {
		t: 1_000_000,
		waits: [] as number[],
		now: () => clock.t,
		wait: async (ms: number) => {
			clock.waits.push(ms);
			clock.t += ms;
		},
	};
	return clock;
}

describe('RateLimiter', () => {
	test('spaces requests just under the per-second limit', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(clock, { light: 30, medium: 20, heavy: 10 });
		const start = clock.t;
		for (let i = 0; i < 21; i++) await limiter.acquire('medium');
		// 20 intervals at 95 % of 20/s: 20 * 1000 / 19 ms.
		assert.ok(Math.abs(clock.t - start - (20 * 1000) / 19) < 1, `elapsed ${clock.t - start}`);
	});

	test('never exceeds the limit in any one-second window', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(clock, { light: 10, medium: 10, heavy: 10 });
		const sentAt: number[] = [];
		for (let i = 0; i < 100; i++) {
			await limiter.acquire('heavy');
			sentAt.push(clock.t);
		}
		for (const t of sentAt) {
			assert.ok(sentAt.filter((s) => s >= t && s < t + 1000).length <= 10);
		}
	});

	test('learns a higher limit from X-RateLimit-Limit', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(clock);
		limiter.observe('light', {
			'X-RateLimit-Limit': '80',
			'X-RateLimit-Remaining': '79',
			'X-RateLimit-Type': 'QPS',
		});
		assert.equal(limiter.limitOf('light'), 80);
	});

	test('an exhausted window pauses the category', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(clock);
		await limiter.acquire('light');
		limiter.observe('light', { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '30' });
		const before = clock.t;
		await limiter.acquire('light');
		assert.ok(clock.t - before >= 1000);
	});

	test('429 pauses for Retry-After, at least one window', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(clock);
		limiter.pause('medium', 2500);
		const before = clock.t;
		await limiter.acquire('medium');
		assert.equal(clock.t - before, 2500);
	});

	test('a reached daily limit fails fast until it resets, other categories go on', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(clock);
		limiter.blockForTheDay('medium', new Date(clock.t + 60_000), 'daily limit');
		await assert.rejects(limiter.acquire('medium'), (error: unknown) => {
			assert.ok(error instanceof DailyLimitReachedError);
			assert.equal(error.resetsAt?.getTime(), clock.t + 60_000);
			return true;
		});
		await limiter.acquire('light');
		clock.t += 60_001;
		await limiter.acquire('medium');
	});
});

describe('retry policy', () => {
	test('only idempotent methods are repeated blindly', () => {
		for (const m of ['GET', 'put', 'PATCH', 'DELETE']) assert.equal(isSafeToRepeat(m), true, m);
		assert.equal(isSafeToRepeat('POST'), false);
	});
	test('backoff grows by the multiplier and is capped', () => {
		assert.equal(backoffDelayMs(DEFAULT_RETRY_SETTINGS, 0), 500);
		assert.equal(backoffDelayMs(DEFAULT_RETRY_SETTINGS, 2), 2000);
		assert.equal(backoffDelayMs({ ...DEFAULT_RETRY_SETTINGS, backoffMultiplier: 3 }, 2), 4500);
		assert.equal(backoffDelayMs(DEFAULT_RETRY_SETTINGS, 30), DEFAULT_RETRY_SETTINGS.maxBackoffMs);
	});
	test('Retry-After as seconds or as a date', () => {
		assert.equal(retryAfterMs('2'), 2000);
		assert.equal(retryAfterMs('2026-11-24T00:00:00Z', Date.parse('2026-11-23T23:59:00Z')), 60_000);
		assert.equal(retryAfterMs(undefined), undefined);
		assert.equal(retryAfterMs('soon'), undefined);
	});
	test('transient network codes', () => {
		assert.equal(isTransientNetworkCode('ECONNRESET'), true);
		assert.equal(isTransientNetworkCode('ENOTFOUND'), false);
		assert.equal(isTransientNetworkCode(undefined), false);
	});
});

describe('Zoom errors', () => {
	test('status, body and headers come out of a wrapped client error', () => {
		const clientError = Object.assign(new Error('Request failed with status code 404'), {
			response: {
				status: 404,
				data: { code: 3001, message: 'Meeting does not exist: 1.' },
				headers: { 'x-ratelimit-category': 'Light' },
			},
		});
		const wrapped = Object.assign(new Error('The resource you are requesting could not be found'), {
			cause: clientError,
		});
		const failure = describeFailure(wrapped);
		assert.equal(failure.statusCode, 404);
		assert.equal(failure.body?.code, 3001);
		assert.equal(failure.headers?.['x-ratelimit-category'], 'Light');
	});
	test('a network error keeps its code', () => {
		const failure = describeFailure(
			Object.assign(new Error('wrapped'), {
				cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
			}),
		);
		assert.equal(failure.statusCode, undefined);
		assert.equal(failure.networkCode, 'ECONNRESET');
	});
	test('hints name what to fix', () => {
		assert.match(
			hintFor(
				400,
				4711,
				'Invalid access token, does not contain scopes:[user:read:admin, user:read].',
			) ?? '',
			/one of: user:read:admin, user:read.*Scopes/,
		);
		assert.match(hintFor(401, 124, 'Invalid access token.') ?? '', /token/);
		assert.match(hintFor(404, 1001, 'User does not exist') ?? '', /User field/);
		assert.match(hintFor(404, 3001, 'Meeting does not exist') ?? '', /Meeting field/);
		assert.match(
			hintFor(400, 300, 'The next page token is invalid or expired.') ?? '',
			/15 minutes/,
		);
		assert.equal(hintFor(400, 300, 'Validation Failed.'), undefined);
	});
	test('validation errors list field and message', () => {
		assert.equal(
			validationDetails({
				code: 300,
				message: 'Validation Failed.',
				errors: [
					{ field: 'duration', message: 'must be >= 0' },
					{ field: 'topic', message: 'too long' },
				],
			}),
			'duration: must be >= 0; topic: too long',
		);
	});
});

describe('rate-limit categories', () => {
	test('Zoom documented categories', () => {
		assert.equal(defaultCategory('POST', '/users/me/meetings'), 'medium');
		assert.equal(defaultCategory('GET', '/users'), 'medium');
		assert.equal(defaultCategory('GET', '/meetings/123'), 'light');
		assert.equal(defaultCategory('POST', '/users'), 'light');
	});
	test('route keys ignore IDs', () => {
		assert.equal(
			routeKey('get', '/meetings/85746065432'),
			routeKey('GET', '/meetings/11111111111'),
		);
		assert.equal(routeKey('GET', '/users/me/meetings'), 'GET /users/:id/meetings');
		assert.equal(parseCategory('Heavy'), 'heavy');
		assert.equal(parseCategory('Resource-intensive'), undefined);
	});
});
