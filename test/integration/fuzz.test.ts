import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { clearServerToServerTokenCache } from '../../nodes/core/transport/serverToServerToken';
import { ZoomWorkplace } from '../../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { addServerToServerCredential, S2S } from '../fixtures/zoom';
import { startZoomSimulator } from '../simulator';
import type { ZoomSimulator } from '../simulator';
import { CASES_PER_FIELD, prng, SEED, TARGETS } from './fuzz/targets';
import { CredentialsStore, executeNode } from './harness';
import type { ExecuteNodeResult } from './harness';

/*
 * Property test: bad values, generated from a seeded PRNG, go through the node (real n8n-core,
 * expressions `{{ $json.value }}` feeding each item its own value). For every one:
 *
 *   - the item fails with a NodeOperationError whose message names the field and the item
 *     (`Invalid "Duration" in item 7: …`), never a TypeError or another crash;
 *   - nothing is sent to Zoom;
 *   - a password is never repeated in the error;
 *   - no promise rejection goes unhandled.
 *
 * FUZZ_SEED=<n> replays a run; FUZZ_CASES=<n> sets the number of values per field (default 80,
 * 15 fields: 1,200 values, each run once in a batch and once alone).
 */

let sim: ZoomSimulator;
let store: CredentialsStore;
let ref: { id: string; name: string };
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

before(async () => {
	process.on('unhandledRejection', onUnhandled);
	clearServerToServerTokenCache();
	sim = await startZoomSimulator({ seed: false, enforceRateLimits: false });
	store = new CredentialsStore();
	ref = addServerToServerCredential(store, sim);
});

after(async () => {
	await sim.close();
	process.off('unhandledRejection', onUnhandled);
});

async function run(
	parameters: INodeParameters,
	values: unknown[],
	continueOnFail: boolean,
): Promise<ExecuteNodeResult> {
	return await executeNode({
		nodeType: new ZoomWorkplace(),
		parameters: { authentication: 'serverToServerOAuth', ...parameters },
		credentials: { [S2S]: ref },
		inputItems: values.map((value) => ({ value }) as IDataObject),
		continueOnFail,
		credentialsStore: store,
	});
}

const show = (value: unknown) => {
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
};

/** `Invalid "<label>"` or `Invalid "<label>" (<path>)`, then ` in item <index>`. */
function namesFieldAndItem(message: string, label: string, index: number): boolean {
	const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`^Invalid "${escaped}"( \\([^)]*\\))? in item ${index}\\b`).test(message);
}

function assertNoSecretIn(text: string, value: unknown, context: string): void {
	if (typeof value === 'string' && value.length >= 4) {
		assert.ok(!text.includes(value), `${context}: the password appears in the error`);
	}
}

describe(`fuzz: bad inputs through the node (seed ${SEED})`, () => {
	const r = prng(SEED);
	const cases = TARGETS.map((target) => ({
		target,
		values: Array.from({ length: CASES_PER_FIELD }, () => target.generate(r)),
	}));
	let total = 0;

	for (const { target, values } of cases) {
		const options = target.todo ? { todo: target.todo } : {};
		test(
			`${target.name}: ${values.length} values in one run, then each alone`,
			options,
			async () => {
				const requestsBefore = sim.counters.totalApiRequests;

				// All values as the items of one run: each item's error names the field and that item.
				const batch = await run(target.parameters, values, true);
				assert.equal(batch.error, undefined, `the run failed: ${batch.error?.message}`);
				assert.equal(batch.items.length, values.length);
				batch.items.forEach((item, index) => {
					const context = `seed ${SEED}, ${target.name}, value ${show(values[index])}`;
					assert.deepEqual(item.pairedItem, { item: index }, context);
					const message = String(item.json.error ?? '');
					assert.ok(
						namesFieldAndItem(message, target.label, index),
						`${context}: expected 'Invalid "${target.label}" in item ${index}: …', got ${show(item.json)}`,
					);
					if (target.secret) assertNoSecretIn(show(item.json), values[index], context);
				});

				// Each value alone, without "Continue On Fail": the node stops with a NodeOperationError.
				for (const value of values) {
					const context = `seed ${SEED}, ${target.name}, value ${show(value)}`;
					const alone = await run(target.parameters, [value], false);
					const error = alone.error;
					assert.ok(error, `${context}: the node accepted it`);
					assert.equal(
						error.name,
						'NodeOperationError',
						`${context}: ${error.name}: ${error.message}`,
					);
					assert.ok(
						namesFieldAndItem(error.message, target.label, 0),
						`${context}: expected 'Invalid "${target.label}" in item 0: …', got '${error.message}'`,
					);
					assert.equal(
						(error as { context?: { itemIndex?: number } }).context?.itemIndex,
						0,
						`${context}: itemIndex`,
					);
					assert.doesNotMatch(
						`${error.message} ${String(error.description ?? '')}`,
						/TypeError|is not a function|Cannot read propert|undefined is not|of undefined|of null/,
						context,
					);
					if (target.secret) {
						assertNoSecretIn(`${error.message} ${String(error.description ?? '')}`, value, context);
					}
					if (!target.todo) total++;
				}

				assert.equal(sim.counters.totalApiRequests, requestsBefore, 'a bad value reached Zoom');
			},
		);
	}

	test('at least 1,000 bad values were tried; no promise rejection went unhandled', () => {
		if (CASES_PER_FIELD * TARGETS.length >= 1000) assert.ok(total >= 1000, `${total} values`);
		assert.deepEqual(unhandled.map(show), []);
	});
});
