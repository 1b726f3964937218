import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	optionsCollection,
	readOperationOptions,
	readRequestSettings,
	requestSettingsOptions,
} from '../../nodes/ZoomWorkplace/actions/shared/requestSettings';
import { fakeContext } from '../fixtures/fakeContext';

/* The request settings of every operation's Options (actions/requestSettings.ts). */

function settings(options?: IDataObject) {
	const { ctx } = fakeContext({
		parameters: options === undefined ? {} : { options },
		zoom: () => ({ body: {} }),
	});
	return readRequestSettings(ctx);
}

describe('request settings', () => {
	test("no options: the documented defaults, equal to the fields' defaults", () => {
		const defaults = Object.fromEntries(requestSettingsOptions.map((o) => [o.name, o.default]));
		assert.deepEqual(settings(), {
			accountShare: Number(defaults.accountRateLimitShare) / 100,
			maxConcurrency: defaults.maxConcurrency,
			retry: {
				maxRetries: defaults.maxRetries,
				retryOnStatuses: String(defaults.retryOnStatuses).split(',').map(Number),
				backoffMultiplier: defaults.backoffMultiplier,
				timeoutMs: Number(defaults.timeout) * 1000,
			},
		});
		assert.deepEqual(settings(), settings({}));
	});

	test('values are used as given', () => {
		assert.deepEqual(
			settings({
				maxConcurrency: 4,
				maxRetries: 7,
				retryOnStatuses: '429, 503',
				backoffMultiplier: 1.5,
				timeout: 12,
				accountRateLimitShare: 50,
			}),
			{
				accountShare: 0.5,
				maxConcurrency: 4,
				retry: {
					maxRetries: 7,
					retryOnStatuses: [429, 503],
					backoffMultiplier: 1.5,
					timeoutMs: 12_000,
				},
			},
		);
	});

	test('out-of-range numbers are brought into the ranges the fields show', () => {
		const low = settings({ maxConcurrency: 0, maxRetries: -2, backoffMultiplier: 0.2, timeout: 0 });
		assert.equal(low.maxConcurrency, 1);
		assert.equal(low.retry.maxRetries, 0);
		assert.equal(low.retry.backoffMultiplier, 1);
		assert.equal(low.retry.timeoutMs, 1000);
		const high = settings({ maxConcurrency: 500, maxRetries: 99, timeout: 9999 });
		assert.equal(high.maxConcurrency, 50);
		assert.equal(high.retry.maxRetries, 10);
		assert.equal(high.retry.timeoutMs, 300_000);
		assert.equal(settings({ maxConcurrency: 2.9 }).maxConcurrency, 2);
	});

	test('an empty status list retries no status; blanks between commas are ignored', () => {
		assert.deepEqual(settings({ retryOnStatuses: '' }).retry.retryOnStatuses, []);
		assert.deepEqual(
			settings({ retryOnStatuses: ' 502 ,, 504 ' }).retry.retryOnStatuses,
			[502, 504],
		);
	});

	for (const bad of ['200', 'abc', '503,600', '5xx', '429.5']) {
		test(`"Retry On Status Codes" "${bad}" is refused, naming the field and the value`, () => {
			assert.throws(
				() => settings({ retryOnStatuses: bad }),
				(error: unknown) => {
					assert.ok(error instanceof NodeOperationError);
					assert.match(error.message, /Invalid "Retry On Status Codes"/);
					assert.match(error.message, /is not an HTTP error status \(400–599\)/);
					return true;
				},
			);
		});
	}

	test('the Options collection: operation options and request settings, sorted, one parameter', () => {
		const own = {
			property: { displayName: 'Alpha', name: 'alpha', type: 'string' as const, default: '' },
			zoom: 'alpha',
		};
		const collection = optionsCollection([own]);
		assert.equal(collection.name, 'options');
		assert.equal(collection.type, 'collection');
		// Where it appears is the registry's to decide.
		assert.equal(collection.displayOptions, undefined);
		const names = (collection.options as Array<{ name: string; displayName: string }>).map(
			(o) => o.displayName,
		);
		assert.deepEqual(
			names,
			[...names].sort((a, b) => a.localeCompare(b)),
		);
		assert.deepEqual(
			new Set((collection.options as Array<{ name: string }>).map((o) => o.name)),
			new Set(['alpha', ...requestSettingsOptions.map((o) => o.name)]),
		);
	});

	test("an operation's own options go to Zoom by their definitions; request settings do not", () => {
		const { ctx } = fakeContext({
			parameters: {
				options: { occurrenceId: '1648194360000', maxRetries: 2, timeout: 5, notify: true },
			},
			zoom: () => ({ body: {} }),
		});
		const definitions = [
			{
				property: {
					displayName: 'Occurrence ID',
					name: 'occurrenceId',
					type: 'string' as const,
					default: '',
				},
				zoom: 'occurrence_id',
				in: 'query' as const,
			},
			{
				property: {
					displayName: 'Notify',
					name: 'notify',
					type: 'boolean' as const,
					default: false,
				},
				zoom: 'settings.notify',
			},
		];
		assert.deepEqual(readOperationOptions(ctx, 0, definitions), {
			qs: { occurrence_id: '1648194360000' },
			body: { settings: { notify: true } },
		});
	});
});
