import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ZoomClient } from '../../core/transport';
import { credentialTypeOf } from './shared/credentialType';
import { findOperation } from './registry';
import { readRequestSettings } from './shared/requestSettings';
import {
	ItemsWithBinary,
	type BatchItemResult,
	type OperationResult,
	type ZoomOperation,
} from './shared/types';

/** Runs `task` for indexes 0…count-1, at most `limit` at a time; results keep input order. */
async function mapWithConcurrency<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	// The lowest failing item wins, so the error reported does not depend on timing.
	const failures: Array<{ index: number; error: unknown }> = [];
	const worker = async () => {
		while (next < count && failures.length === 0) {
			const index = next++;
			try {
				results[index] = await task(index);
			} catch (error) {
				failures.push({ index, error });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
	if (failures.length > 0) throw failures.sort((a, b) => a.index - b.index)[0].error;
	return results;
}

function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	if (result instanceof ItemsWithBinary) {
		return result.items.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
	}
	const list = Array.isArray(result) ? result : [result];
	return list.map((json: IDataObject) => ({ json, pairedItem: { item: itemIndex } }));
}

function errorItem(
	error: Error & { description?: string | null; httpCode?: string | null },
	itemIndex: number,
): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error.httpCode) json.httpCode = error.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not supported for "${resource}"`,
		);
	}
	const settings = readRequestSettings(this);
	const client = new ZoomClient(this, {
		credentialType: credentialTypeOf(this),
		retry: settings.retry,
		accountShare: settings.accountShare,
	});
	return [await runOperation.call(this, operation, client, settings.maxConcurrency)];
}

/**
 * Runs one operation over every input item: through its batch entry point when it has one,
 * else item by item (at most `maxConcurrency` at a time). Each output is paired with its input
 * item; an item's error becomes an output item with continueOnFail, else it stops the node.
 */
export async function runOperation(
	this: IExecuteFunctions,
	operation: ZoomOperation,
	client: ZoomClient,
	maxConcurrency: number,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	/** An item's error: an output item with continueOnFail, else thrown naming the item. */
	const failed = (error: unknown, itemIndex: number): INodeExecutionData[] => {
		if (this.continueOnFail()) return [errorItem(error as Error, itemIndex)];
		if (error instanceof NodeApiError) {
			error.context.itemIndex ??= itemIndex;
			throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
		}
		// Returns the same error when it already is a NodeOperationError.
		const operationError = new NodeOperationError(this.getNode(), error as Error, {
			itemIndex,
		});
		operationError.context.itemIndex ??= itemIndex;
		throw operationError;
	};

	if (operation.executeBatch) {
		const indexes = items.map((_, itemIndex) => itemIndex);
		let outcomes: BatchItemResult[];
		try {
			outcomes = await operation.executeBatch.call(this, indexes, client, { maxConcurrency });
		} catch (error) {
			// Not one item's error (the operation maps those): every item shares it.
			return indexes.flatMap((itemIndex) => failed(error, itemIndex));
		}
		return batchOutput(indexes, outcomes, failed);
	}

	const perItem = await mapWithConcurrency(items.length, maxConcurrency, async (itemIndex) => {
		try {
			return toItems(await operation.execute.call(this, itemIndex, client), itemIndex);
		} catch (error) {
			return failed(error, itemIndex);
		}
	});
	return perItem.flat();
}

/**
 * Output of a batch operation in input order: each item's own result paired with it, each
 * item's own error handed to `failed` (continueOnFail or throw, the lowest item first).
 */
export function batchOutput(
	indexes: number[],
	outcomes: BatchItemResult[],
	failed: (error: unknown, itemIndex: number) => INodeExecutionData[],
): INodeExecutionData[] {
	const byIndex = new Map(outcomes.map((outcome) => [outcome.itemIndex, outcome]));
	return indexes.flatMap((itemIndex) => {
		const outcome = byIndex.get(itemIndex);
		if (!outcome) return failed(new Error(`No result for item ${itemIndex}`), itemIndex);
		if ('error' in outcome) return failed(outcome.error, itemIndex);
		return toItems(outcome.result, itemIndex);
	});
}
