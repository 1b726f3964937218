import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	readRequestSettings,
	requestSettingsOptions,
} from '../../nodes/ZoomWorkplace/actions/shared/requestSettings';
import { fakeContext } from '../fixtures/fakeContext';

const contextWith = (options: Record<string, unknown>) =>
	fakeContext({ parameters: { options } }).ctx;

describe('"Share of Account Rate Limit" option', () => {
	test('is offered with every operation: 1–100 %, default 100', () => {
		const option = requestSettingsOptions.find((o) => o.name === 'accountRateLimitShare');
		assert.ok(option);
		assert.equal(option.displayName, 'Share of Account Rate Limit');
		assert.equal(option.default, 100);
		assert.deepEqual(option.typeOptions, { minValue: 1, maxValue: 100 });
	});

	test('becomes the limiter share as a fraction; unset means the whole limit', () => {
		assert.equal(readRequestSettings(contextWith({})).accountShare, 1);
		assert.equal(readRequestSettings(contextWith({ accountRateLimitShare: 50 })).accountShare, 0.5);
		assert.equal(readRequestSettings(contextWith({ accountRateLimitShare: 1 })).accountShare, 0.01);
	});

	test('a value outside 1–100 names the option', () => {
		for (const bad of [0, 101, -5, 'half']) {
			assert.throws(
				() => readRequestSettings(contextWith({ accountRateLimitShare: bad })),
				/Share of Account Rate Limit/,
			);
		}
	});
});
