import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	backoffDelayMs,
	DEFAULT_RETRY_SETTINGS,
	isSafeToRepeat,
	isTransientNetworkCode,
	retryAfterMs,
} from '../../nodes/ZoomWorkplace/transport/retryPolicy';

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
