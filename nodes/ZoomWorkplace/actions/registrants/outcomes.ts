import type { IExecuteFunctions } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import type { BatchItemResult, OperationResult, ZoomOperation } from '../shared/types';

/** Collects one outcome per input item of a batch operation. */
export class Outcomes {
	private readonly byIndex = new Map<number, BatchItemResult>();

	ok(itemIndex: number, result: OperationResult): void {
		this.byIndex.set(itemIndex, { itemIndex, result });
	}

	fail(itemIndex: number, error: unknown): void {
		this.byIndex.set(itemIndex, {
			itemIndex,
			error: error instanceof Error ? error : new Error(String(error)),
		});
	}

	list(): BatchItemResult[] {
		return [...this.byIndex.values()].sort((a, b) => a.itemIndex - b.itemIndex);
	}
}

/** Reads every item's input; an item whose input is invalid gets its error and is left out. */
export function readEach<T>(
	indexes: readonly number[],
	outcomes: Outcomes,
	read: (itemIndex: number) => T,
): T[] {
	const entries: T[] = [];
	for (const itemIndex of indexes) {
		try {
			entries.push(read(itemIndex));
		} catch (error) {
			outcomes.fail(itemIndex, error);
		}
	}
	return entries;
}

/** Zoom's HTTP status and error code of a failed request, if it was answered. */
export function zoomFailure(error: unknown): { status?: number; code?: number } {
	const e = error as { httpCode?: string | null; errorResponse?: { code?: unknown } };
	const status = e?.httpCode ? Number(e.httpCode) : undefined;
	const code = e?.errorResponse?.code;
	return {
		status: Number.isFinite(status) ? status : undefined,
		code: code === undefined || code === null || code === '' ? undefined : Number(code),
	};
}

/**
 * Whether a batch request that Zoom refused may be split into single requests, so only the
 * item at fault fails: a validation error (Zoom code 300) or "batch not supported" (303). A
 * missing meeting, a plan or registration problem, a rate limit or an auth error concerns every
 * item alike and is given to each.
 */
export function worthSplitting(error: unknown, batchSize: number): boolean {
	if (batchSize < 2) return false;
	const { status, code } = zoomFailure(error);
	return status === 400 && (code === 300 || code === 303);
}

/** The `execute` of a batch operation: one item through its batch entry point (e.g. an AI tool call). */
export function executeThroughBatch(
	executeBatch: NonNullable<ZoomOperation['executeBatch']>,
): ZoomOperation['execute'] {
	return async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
		client: ZoomClient,
	): Promise<OperationResult> {
		const [outcome] = await executeBatch.call(this, [itemIndex], client, { maxConcurrency: 1 });
		if (!outcome) throw new Error(`No result for item ${itemIndex}`);
		if ('error' in outcome) throw outcome.error;
		return outcome.result;
	};
}
