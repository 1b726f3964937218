import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	backoffDelayMs,
	decideAfterFailure,
	DEFAULT_RETRY_SETTINGS,
	NO_ATTEMPTS,
	outcomeIsUnknown,
	isSafeToRepeat,
	isTransientNetworkCode,
	retryAfterMs,
} from '../../nodes/core/transport/retryPolicy';

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

describe('retry decisions (decideAfterFailure)', () => {
	const settings = { ...DEFAULT_RETRY_SETTINGS, maxRetries: 3 };
	const get = { method: 'GET', canLookUp: false };
	const create = { method: 'POST', canLookUp: true };
	const blindPost = { method: 'POST', canLookUp: false };
	const history = (failures: number, outcomeUnknown = failures > 0, rateLimitRetries = 0) => ({
		failures,
		outcomeUnknown,
		rateLimitRetries,
	});
	const rows: Array<{
		name: string;
		request: { method: string; canLookUp: boolean };
		failure: Parameters<typeof decideAfterFailure>[1];
		before: ReturnType<typeof history>;
		expected: Partial<ReturnType<typeof decideAfterFailure>>;
	}> = [
		{
			name: 'GET 503 → retry',
			request: get,
			failure: { statusCode: 503 },
			before: history(0),
			expected: { action: 'retry', waitMs: 500 },
		},
		{
			name: 'GET 503, retries used → fail',
			request: get,
			failure: { statusCode: 503 },
			before: history(3),
			expected: { action: 'fail', attempts: 4 },
		},
		{
			name: 'GET 404 → fail at once',
			request: get,
			failure: { statusCode: 404 },
			before: history(0),
			expected: { action: 'fail', outcomeUnknown: false, attempts: 1 },
		},
		{
			name: 'GET reset → retry',
			request: get,
			failure: { networkCode: 'ECONNRESET' },
			before: history(1),
			expected: { action: 'retry', waitMs: 1000 },
		},
		{
			name: 'DELETE 404 after a lost answer → done',
			request: { method: 'DELETE', canLookUp: false },
			failure: { statusCode: 404 },
			before: history(1),
			expected: { action: 'alreadyDone' },
		},
		{
			name: 'DELETE 403 "moved to Trash" after a lost answer → done (AI Companion summaries)',
			request: { method: 'DELETE', canLookUp: false },
			failure: {
				statusCode: 403,
				zoomMessage: 'The meeting summary has been moved to Trash and cannot be accessed.',
			},
			before: history(1),
			expected: { action: 'alreadyDone' },
		},
		{
			name: 'DELETE 403 "moved to Trash" at the first attempt → fail (it was trashed before)',
			request: { method: 'DELETE', canLookUp: false },
			failure: {
				statusCode: 403,
				zoomMessage: 'The meeting summary has been moved to Trash and cannot be accessed.',
			},
			before: history(0),
			expected: { action: 'fail', outcomeUnknown: false, attempts: 1 },
		},
		{
			name: 'create 503 → look up, then retry',
			request: create,
			failure: { statusCode: 503 },
			before: history(0),
			expected: { action: 'lookUp', retryAfterLookUp: true },
		},
		{
			name: 'create 503 on the last attempt → look up, then fail',
			request: create,
			failure: { statusCode: 503 },
			before: history(3),
			expected: { action: 'lookUp', retryAfterLookUp: false, attempts: 4 },
		},
		{
			name: 'create dropped on the last attempt → look up, then fail',
			request: create,
			failure: { networkCode: 'ETIMEDOUT' },
			before: history(3),
			expected: { action: 'lookUp', retryAfterLookUp: false },
		},
		{
			name: 'create 400 → fail, nothing unknown',
			request: create,
			failure: { statusCode: 400 },
			before: history(0),
			expected: { action: 'fail', outcomeUnknown: false },
		},
		{
			name: 'create 409 after a lost answer → fail, outcome unknown',
			request: create,
			failure: { statusCode: 409 },
			before: history(1),
			expected: { action: 'fail', outcomeUnknown: true },
		},
		{
			name: 'POST without look-up 502 → fail, outcome unknown',
			request: blindPost,
			failure: { statusCode: 502 },
			before: history(0),
			expected: { action: 'fail', outcomeUnknown: true, attempts: 1 },
		},
		{
			name: '429 per second → pause the category, retry',
			request: create,
			failure: { statusCode: 429, retryAfterMs: 1500 },
			before: history(0),
			expected: { action: 'retry', waitMs: 1500, pauseCategory: true },
		},
		{
			name: '429 per second, budget used → fail',
			request: get,
			failure: { statusCode: 429 },
			before: history(0, false, 10),
			expected: { action: 'fail', attempts: 11 },
		},
		{
			name: '429 daily → block the category',
			request: get,
			failure: { statusCode: 429, rateLimitType: 'daily-limit' },
			before: history(0),
			expected: { action: 'dailyLimit', blockCategory: true },
		},
		{
			name: '429 daily for one host user → that item only',
			request: create,
			failure: {
				statusCode: 429,
				zoomMessage:
					'You have exceeded the daily rate limit (100) of Meeting Create/Update API requests for this particular user.',
			},
			before: history(0),
			expected: { action: 'dailyLimit', blockCategory: false },
		},
	];
	for (const row of rows) {
		test(row.name, () => {
			const decision = decideAfterFailure(row.request, row.failure, row.before, settings);
			for (const [key, value] of Object.entries(row.expected)) {
				assert.deepEqual((decision as Record<string, unknown>)[key], value, `${row.name}: ${key}`);
			}
		});
	}

	test('the history a retry carries on counts the failure and remembers an unknown outcome', () => {
		const decision = decideAfterFailure(get, { statusCode: 502 }, NO_ATTEMPTS, settings);
		assert.equal(decision.action, 'retry');
		assert.deepEqual(decision.action === 'retry' && decision.history, {
			failures: 1,
			rateLimitRetries: 0,
			outcomeUnknown: true,
		});
	});

	test('the defaults are defined once and frozen', () => {
		assert.ok(Object.isFrozen(DEFAULT_RETRY_SETTINGS));
		assert.equal(outcomeIsUnknown({ statusCode: 500 }, DEFAULT_RETRY_SETTINGS), true);
		assert.equal(outcomeIsUnknown({ statusCode: 400 }, DEFAULT_RETRY_SETTINGS), false);
	});
});
