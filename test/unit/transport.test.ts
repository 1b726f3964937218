import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ZoomClient } from '../../nodes/ZoomWorkplace/transport';

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
	WaitCancelledError,
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

describe('RateLimiter as a scheduler', () => {
	/** Lets queued waiters and the pump run; the fake clock moves only when waited on. */
	const settle = async () => {
		for (let i = 0; i < 50; i++) await Promise.resolve();
	};

	test('queued requests are released first come, first served', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(clock, { light: 10, medium: 10, heavy: 10 });
		const order: number[] = [];
		await Promise.all(
			Array.from({ length: 5 }, (_, i) => limiter.acquire('light').then(() => order.push(i))),
		);
		assert.deepEqual(order, [0, 1, 2, 3, 4]);
	});

	test('a limit learned while requests wait re-times them at once', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(clock, { light: 10, medium: 10, heavy: 10 });
		const start = clock.t;
		const sentAt: number[] = [];
		const all = Array.from({ length: 21 }, (_, i) =>
			limiter.acquire('light').then(() => {
				sentAt.push(clock.t - start);
				// The first answer (a Business account) arrives 60 ms after it was sent.
				if (i === 1)
					limiter.observe('light', { 'X-RateLimit-Limit': '100', 'X-RateLimit-Type': 'QPS' }, 200);
			}),
		);
		await Promise.all(all);
		// At the Pro pace the 21st request would leave after 2.1 s; re-timed (plus the scheduler's
		// 50 ms re-check step) about 0.4 s.
		assert.ok(sentAt[20] < 500, `last request after ${sentAt[20]} ms`);
		for (let i = 1; i < sentAt.length; i++) assert.ok(sentAt[i] >= sentAt[i - 1]);
	});

	test('a late timer does not cost throughput, nor does lateness add up to a burst', async () => {
		let t = 0;
		const clock: Clock = {
			now: () => t,
			// Every wait overshoots by 3 ms, as busy timers do.
			wait: async (ms: number) => {
				t += ms + 3;
			},
		};
		const limiter = new RateLimiter(clock, { light: 50, medium: 50, heavy: 50 });
		const sentAt: number[] = [];
		await Promise.all(
			Array.from({ length: 96 }, () => limiter.acquire('light').then(() => sentAt.push(t))),
		);
		// 95 intervals of 1000 / 47.5 ms = 2000 ms; a drifting scheduler would need 95 * 3 ms more.
		assert.ok(sentAt[95] - sentAt[0] < 2000 + 10, `took ${sentAt[95] - sentAt[0]} ms`);
		for (const at of sentAt) {
			assert.ok(sentAt.filter((s) => s >= at && s < at + 1000).length <= 50);
		}
	});

	test('after stalls of the event loop it catches up, but no one-second window exceeds the limit', async () => {
		for (const limit of [10, 30, 60, 80]) {
			let t = 0;
			let seed = 7;
			const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
			const clock: Clock = {
				now: () => t,
				// Mostly on time; one wait in fifty fires up to 100 ms late (as measured in the bench).
				// Time moves in a macrotask, after the released requests have recorded their time.
				wait: async (ms: number) =>
					await new Promise<void>((resolve) =>
						setImmediate(() => {
							t += ms + (random() < 0.02 ? random() * 100 : random() * 2);
							resolve();
						}),
					),
			};
			const limiter = new RateLimiter(clock, { light: limit, medium: limit, heavy: limit });
			const sentAt: number[] = [];
			await Promise.all(
				Array.from({ length: limit * 20 }, () =>
					limiter.acquire('light').then(() => sentAt.push(t)),
				),
			);
			for (const at of sentAt) {
				const inWindow = sentAt.filter((s) => s >= at && s < at + 1000).length;
				assert.ok(inWindow <= limit, `limit ${limit}: ${inWindow} requests within one second`);
			}
			const rate = (sentAt.length - 1) / ((sentAt[sentAt.length - 1] - sentAt[0]) / 1000);
			if (limit >= 60) assert.ok(rate > limit * 0.93, `limit ${limit}: ${rate.toFixed(1)}/s`);
		}
	});

	test('429 answers slow the category down; later answers win the pace back', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(clock, { light: 80, medium: 60, heavy: 40 });
		const full = limiter.rateOf('medium');
		limiter.pause('medium', 0);
		limiter.pause('medium', 0); // same window: one signal
		assert.equal(limiter.rateOf('medium'), full * 0.75);
		clock.t += 1000;
		limiter.pause('medium', 0);
		assert.ok(Math.abs(limiter.rateOf('medium') - full * 0.5625) < 1e-9);
		for (let i = 0; i < 200; i++) limiter.observe('medium', {}, 200);
		assert.equal(limiter.rateOf('medium'), full);
		assert.equal(limiter.rateOf('light'), 80 * 0.95, 'other categories are not slowed');
	});

	test('a reached daily limit also fails the requests already waiting', async () => {
		const clock = fakeClock();
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		// The clock stands still until released, so the requests stay queued.
		const stuck: Clock = { now: () => clock.t, wait: async () => await gate };
		const limiter = new RateLimiter(stuck, { light: 10, medium: 10, heavy: 10 });
		await limiter.acquire('light');
		const waiting = Array.from({ length: 3 }, () =>
			limiter.acquire('light').then(
				() => 'sent',
				(error: unknown) => error,
			),
		);
		await settle();
		assert.equal(limiter.queuedFor('light'), 3);
		limiter.blockForTheDay('light', new Date(clock.t + 3_600_000), 'daily');
		const outcomes = await Promise.all(waiting);
		clock.t += 3_600_001;
		release();
		for (const outcome of outcomes) assert.ok(outcome instanceof DailyLimitReachedError);
		assert.equal(limiter.queuedFor('light'), 0);
	});

	test('a cancelled execution stops waiting and leaves the queue', async () => {
		let t = 0;
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const stuck: Clock = {
			now: () => t,
			wait: async (ms: number) => {
				await gate;
				t += ms;
			},
		};
		const limiter = new RateLimiter(stuck, { light: 10, medium: 10, heavy: 10 });
		await limiter.acquire('light');
		const controller = new AbortController();
		const waiting = limiter.acquire('light', controller.signal);
		const other = limiter.acquire('light');
		await settle();
		controller.abort();
		await assert.rejects(waiting, WaitCancelledError);
		assert.equal(limiter.queuedFor('light'), 1);
		await assert.rejects(limiter.acquire('light', controller.signal), WaitCancelledError);
		release();
		await other;
		assert.ok(t < 150, 'the cancelled request gave its slot to the next one');
	});
});

/** What n8n's request helpers throw for an HTTP error answer. */
function httpError(
	status: number,
	body: IDataObject = {},
	headers: Record<string, string> = {},
): Error {
	const cause = Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, data: body, headers },
	});
	return Object.assign(new Error('wrapped'), { cause });
}

function networkError(code: string): Error {
	return Object.assign(new Error('wrapped'), {
		cause: Object.assign(new Error('socket hang up'), { code }),
	});
}

type Answer = Error | { statusCode?: number; body?: IDataObject; headers?: Record<string, string> };

let fakeCredentialSequence = 0;

/**
 * Just enough of IExecuteFunctions for the client: every request is answered from `answers`
 * in order (an Error is thrown as n8n's helper would), and recorded in `sent`.
 */
function fakeContext(answers: Answer[], signal?: AbortSignal) {
	const sent: IHttpRequestOptions[] = [];
	const node: INode = {
		id: 'n',
		name: 'Zoom Workplace',
		type: 'zoomWorkplace',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		// A credential of its own, so every test starts with a fresh shared rate limiter.
		credentials: {
			zoomWorkplaceAccessTokenApi: { id: `fake-${++fakeCredentialSequence}`, name: 'x' },
		},
	};
	const ctx = {
		getNode: () => node,
		getCredentials: async () => ({ cloud: 'custom', apiBaseUrl: 'http://127.0.0.1:9/v2' }),
		getExecutionCancelSignal: () => signal,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				sent.push(options);
				const answer = answers.shift() ?? new Error('no answer scripted');
				if (answer instanceof Error) throw answer;
				return {
					statusCode: answer.statusCode ?? 200,
					body: answer.body ?? {},
					headers: answer.headers ?? {},
				};
			},
		},
	} as unknown as IExecuteFunctions;
	const client = new ZoomClient(ctx, {
		credentialType: 'zoomWorkplaceAccessTokenApi',
		retry: { initialBackoffMs: 1, maxBackoffMs: 5 },
	});
	return { client, sent };
}

describe('ZoomClient retries', () => {
	test('5xx and dropped connections are retried for GET, PUT, PATCH and DELETE', async () => {
		for (const method of ['GET', 'PUT', 'PATCH', 'DELETE'] as const) {
			const { client, sent } = fakeContext([
				httpError(503),
				networkError('ECONNRESET'),
				httpError(502),
				{ body: { ok: true } },
			]);
			const response = await client.request({ method, path: '/meetings/1' });
			assert.deepEqual(response.body, { ok: true }, method);
			assert.equal(sent.length, 4, method);
		}
	});

	test("retries stop after Max Retries with Zoom's error", async () => {
		const { client, sent } = fakeContext([
			httpError(500),
			httpError(500),
			httpError(500),
			httpError(500),
		]);
		await assert.rejects(
			client.request({ method: 'GET', path: '/users/me', itemIndex: 4 }),
			(error: unknown) => {
				assert.ok(error instanceof NodeApiError);
				assert.equal(error.httpCode, '500');
				assert.equal(error.context.itemIndex, 4);
				return true;
			},
		);
		assert.equal(sent.length, 4);
	});

	test('a status not in "Retry On" is not retried', async () => {
		const { client, sent } = fakeContext([
			httpError(404, { code: 3001, message: 'Meeting does not exist' }),
		]);
		await assert.rejects(client.request({ method: 'GET', path: '/meetings/1' }), /3001/);
		assert.equal(sent.length, 1);
	});

	test('a create (POST) is never repeated blindly', async () => {
		const { client, sent } = fakeContext([httpError(502)]);
		await assert.rejects(
			client.request({ method: 'POST', path: '/users', body: {} }),
			/502|Bad Gateway/,
		);
		assert.equal(sent.length, 1);
	});

	test('a create whose answer was lost is looked up: found → returned, not sent again', async () => {
		for (const lost of [networkError('ECONNRESET'), httpError(500), networkError('ECONNABORTED')]) {
			const { client, sent } = fakeContext([lost]);
			let lookups = 0;
			const response = await client.request({
				method: 'POST',
				path: '/users',
				body: {},
				findExisting: async () => {
					lookups++;
					return { id: 'created-by-the-first-attempt' };
				},
			});
			assert.equal(response.recovered, true);
			assert.deepEqual(response.body, { id: 'created-by-the-first-attempt' });
			assert.equal(sent.length, 1);
			assert.equal(lookups, 1);
		}
	});

	test('a create whose answer was lost is looked up: not found → sent again', async () => {
		const { client, sent } = fakeContext([
			networkError('ECONNRESET'),
			{ statusCode: 201, body: { id: 'new' } },
		]);
		const response = await client.request({
			method: 'POST',
			path: '/users',
			body: {},
			findExisting: async () => undefined,
		});
		assert.deepEqual(response.body, { id: 'new' });
		assert.equal(response.recovered, undefined);
		assert.equal(sent.length, 2);
	});

	test('objects returned by creates are remembered, so a look-up can skip them', async () => {
		const { client } = fakeContext([
			{ statusCode: 201, body: { id: 111 } },
			networkError('ECONNRESET'),
		]);
		const findExisting = async () => undefined;
		await client.request({ method: 'POST', path: '/users/a/meetings', body: {}, findExisting });
		assert.equal(client.alreadyReturned(111), true);
		assert.equal(client.alreadyReturned('111'), true);
		const recovered = await client.request({
			method: 'POST',
			path: '/users/a/meetings',
			body: {},
			findExisting: async () => ({ id: 222 }),
		});
		assert.equal(recovered.recovered, true);
		assert.equal(client.alreadyReturned(222), true);
		assert.equal(client.alreadyReturned(333), false);
		assert.equal(client.alreadyReturned(undefined), false);
	});

	test("a DELETE whose lost answer had deleted the object succeeds on the retry's 404", async () => {
		const { client, sent } = fakeContext([
			networkError('ECONNRESET'),
			httpError(404, { code: 3001, message: 'Meeting does not exist' }),
		]);
		const response = await client.request({ method: 'DELETE', path: '/meetings/1' });
		assert.equal(response.recovered, true);
		assert.equal(sent.length, 2);
		// A first-attempt 404 is still an error.
		const second = fakeContext([httpError(404, { code: 3001, message: 'Meeting does not exist' })]);
		await assert.rejects(second.client.request({ method: 'DELETE', path: '/meetings/1' }), /3001/);
	});

	test('429 per-second: waits and retries, for creates too', async () => {
		const { client, sent } = fakeContext([
			httpError(
				429,
				{
					code: 429,
					message:
						'You have reached the maximum per-second rate limit for this API. Try again later.',
				},
				{
					'X-RateLimit-Type': 'QPS',
					'X-RateLimit-Limit': '80',
					'X-RateLimit-Remaining': '0',
					'X-RateLimit-Category': 'Light',
				},
			),
			{ statusCode: 201, body: { id: 'u1' } },
		]);
		const started = Date.now();
		const response = await client.request({ method: 'POST', path: '/users', body: {} });
		assert.deepEqual(response.body, { id: 'u1' });
		assert.equal(sent.length, 2);
		assert.ok(Date.now() - started >= 900, 'waited for the next window');
	});

	test('429 daily: no retry, the error names the limit and when it resets; the category fails fast', async () => {
		const resetsAt = '2099-01-02T00:00:00Z';
		const { client, sent } = fakeContext([
			httpError(
				429,
				{ code: 429, message: 'You have reached the maximum daily rate limit for this API.' },
				{
					'X-RateLimit-Type': 'Daily-limit',
					'X-RateLimit-Category': 'Light',
					'Retry-After': resetsAt,
				},
			),
		]);
		for (const itemIndex of [0, 1]) {
			await assert.rejects(
				client.request({ method: 'GET', path: '/users/me', itemIndex }),
				(error: unknown) => {
					assert.ok(error instanceof NodeApiError);
					assert.match(error.message, /daily rate limit reached \(light APIs\)/);
					assert.match(error.description ?? '', /2099-01-02T00:00:00/);
					assert.equal(error.context.itemIndex, itemIndex);
					return true;
				},
			);
		}
		assert.equal(sent.length, 1, 'the second item was not sent');
	});

	test('a per-host-user daily limit fails that item only', async () => {
		const { client, sent } = fakeContext([
			httpError(
				429,
				{
					code: 429,
					message:
						'You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user.',
				},
				{
					'X-RateLimit-Type': 'Daily-limit',
					'X-RateLimit-Category': 'Medium',
					'Retry-After': '2099-01-02T00:00:00Z',
				},
			),
			{ statusCode: 201, body: { id: 2 } },
		]);
		await assert.rejects(
			client.request({ method: 'POST', path: '/users/a/meetings', body: {} }),
			/daily/,
		);
		const other = await client.request({ method: 'POST', path: '/users/b/meetings', body: {} });
		assert.deepEqual(other.body, { id: 2 });
		assert.equal(sent.length, 2);
	});

	test('requests carry a timeout, so a hung connection ends as a retryable failure', async () => {
		const { client, sent } = fakeContext([{ body: {} }]);
		await client.request({ method: 'GET', path: '/users/me' });
		assert.equal(sent[0].timeout, 60_000);
	});

	test('a cancelled execution stops a retry wait with a NodeOperationError', async () => {
		const controller = new AbortController();
		const { client } = fakeContext([httpError(503), httpError(503)], controller.signal);
		const pending = client.request({ method: 'GET', path: '/users/me', itemIndex: 2 });
		controller.abort();
		await assert.rejects(pending, (error: unknown) => {
			assert.ok(error instanceof NodeOperationError);
			assert.match(error.message, /cancelled/);
			return true;
		});
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
