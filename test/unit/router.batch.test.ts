import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runOperation } from '../../nodes/ZoomWorkplace/actions/router';
import type {
	BatchItemResult,
	ZoomOperation,
} from '../../nodes/ZoomWorkplace/actions/shared/types';
import type { ZoomClient } from '../../nodes/core/transport';
import { fakeContext } from '../fixtures/fakeContext';

/* The router's batch path: one call for all items, each outcome paired with its own input item. */

const node: INode = {
	id: 'n',
	name: 'Zoom Workplace',
	type: 'zoomWorkplace',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const context = (itemCount: number, continueOnFail: boolean) =>
	fakeContext({ items: Array.from({ length: itemCount }, (_, i) => ({ i })), continueOnFail }).ctx;

const client = {} as ZoomClient;

function batchOperation(
	answer: (indexes: number[]) => BatchItemResult[] | Promise<BatchItemResult[]>,
	calls: Array<{ indexes: number[]; maxConcurrency: number }>,
): ZoomOperation {
	return {
		label: { name: 'Test', description: 'Test', action: 'Test' },
		description: [],
		endpoints: [],
		execute: async () => {
			throw new Error('the per-item path must not run for a batch operation');
		},
		executeBatch: async (indexes, _client, options) => {
			calls.push({ indexes, maxConcurrency: options.maxConcurrency });
			return await answer(indexes);
		},
	};
}

const paired = (items: INodeExecutionData[]) => items.map((item) => item.pairedItem);

describe('router batch path', () => {
	test('calls executeBatch once with every item and pairs each result with its input, in input order', async () => {
		const calls: Array<{ indexes: number[]; maxConcurrency: number }> = [];
		// Outcomes come back out of order; one item yields two outputs.
		const operation = batchOperation(
			() => [
				{ itemIndex: 2, result: { n: 2 } },
				{ itemIndex: 0, result: { n: 0 } },
				{
					itemIndex: 1,
					result: [
						{ n: 1, part: 'a' },
						{ n: 1, part: 'b' },
					],
				},
			],
			calls,
		);
		const output = await runOperation.call(context(3, false), operation, client, 7);
		assert.deepEqual(calls, [{ indexes: [0, 1, 2], maxConcurrency: 7 }]);
		assert.deepEqual(
			output.map((item) => item.json),
			[{ n: 0 }, { n: 1, part: 'a' }, { n: 1, part: 'b' }, { n: 2 }],
		);
		assert.deepEqual(paired(output), [{ item: 0 }, { item: 1 }, { item: 1 }, { item: 2 }]);
	});

	test("with continueOnFail an item error becomes that item's output, the others keep their results", async () => {
		const apiError = new NodeApiError(
			node,
			{ message: 'Registrant does not exist' },
			{
				message: 'Zoom error 300: Registrant does not exist',
				httpCode: '400',
			},
		);
		const operation = batchOperation(
			() => [
				{ itemIndex: 0, result: { ok: 0 } },
				{ itemIndex: 1, error: apiError },
				{ itemIndex: 2, result: { ok: 2 } },
			],
			[],
		);
		const output = await runOperation.call(context(3, true), operation, client, 10);
		assert.deepEqual(paired(output), [{ item: 0 }, { item: 1 }, { item: 2 }]);
		assert.deepEqual(output[0].json, { ok: 0 });
		assert.equal(output[1].json.error, 'Zoom error 300: Registrant does not exist');
		assert.equal(output[1].json.httpCode, '400');
		assert.deepEqual(output[2].json, { ok: 2 });
	});

	test('without continueOnFail the lowest failing item stops the node, named in the error', async () => {
		const operation = batchOperation(
			() => [
				{ itemIndex: 0, result: { ok: 0 } },
				{ itemIndex: 1, result: { ok: 1 } },
				{ itemIndex: 2, error: new Error('third failed') },
				{ itemIndex: 3, error: new Error('fourth failed') },
			],
			[],
		);
		await assert.rejects(
			runOperation.call(context(4, false), operation, client, 10),
			(error: unknown) => {
				assert.ok(error instanceof NodeOperationError);
				assert.equal(error.message, 'third failed');
				assert.equal(error.context.itemIndex, 2);
				return true;
			},
		);
	});

	test('a Zoom error shared by several items is rethrown as a NodeApiError with the item', async () => {
		const shared = new NodeApiError(
			node,
			{ message: 'Meeting does not exist' },
			{
				message: 'Zoom error 3001: Meeting does not exist',
				httpCode: '404',
			},
		);
		const operation = batchOperation(
			(indexes) => indexes.map((itemIndex) => ({ itemIndex, error: shared })),
			[],
		);
		await assert.rejects(
			runOperation.call(context(2, false), operation, client, 10),
			(error: unknown) => {
				assert.ok(error instanceof NodeApiError);
				assert.equal(error.message, 'Zoom error 3001: Meeting does not exist');
				assert.equal(error.context.itemIndex, 0);
				return true;
			},
		);
	});

	test('an item the operation gave no outcome fails instead of vanishing', async () => {
		const operation = batchOperation(() => [{ itemIndex: 0, result: { ok: 0 } }], []);
		const output = await runOperation.call(context(2, true), operation, client, 10);
		assert.equal(output.length, 2);
		assert.deepEqual(paired(output), [{ item: 0 }, { item: 1 }]);
		assert.match(String(output[1].json.error), /No result for item 1/);
	});

	test('an error thrown by executeBatch itself is given to every item (continueOnFail)', async () => {
		const operation = batchOperation(() => {
			throw new Error('credentials could not be read');
		}, []);
		const output = await runOperation.call(context(3, true), operation, client, 10);
		assert.deepEqual(paired(output), [{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of output) assert.equal(item.json.error, 'credentials could not be read');
	});

	test('operations without executeBatch still run item by item', async () => {
		const seen: number[] = [];
		const operation: ZoomOperation = {
			label: { name: 'Test', description: 'Test', action: 'Test' },
			description: [],
			endpoints: [],
			execute: async (itemIndex: number) => {
				seen.push(itemIndex);
				return { itemIndex } as IDataObject;
			},
		};
		const output = await runOperation.call(context(3, false), operation, client, 1);
		assert.deepEqual(seen, [0, 1, 2]);
		assert.deepEqual(paired(output), [{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});
