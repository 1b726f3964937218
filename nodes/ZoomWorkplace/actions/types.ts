import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ZoomClient } from '../../core/transport';
import type { EndpointName } from '../../core/zoom/endpoints';

/** Full items (JSON and binary files, e.g. downloaded recordings), passed on as they are. */
export class ItemsWithBinary {
	constructor(readonly items: INodeExecutionData[]) {}
}

/** What an operation returns for one input item: one object, several (Get Many), or full items. */
export type OperationResult = IDataObject | IDataObject[] | ItemsWithBinary;

/** The outcome of one input item of a batch: its own result, or its own error. */
export type BatchItemResult =
	| { itemIndex: number; result: OperationResult }
	| { itemIndex: number; error: Error };

export interface BatchOptions {
	/** The node's "Max Concurrent Requests": how many batch requests may be in flight at once. */
	maxConcurrency: number;
}

export interface ZoomOperation {
	description: INodeProperties[];
	/** The Zoom endpoints the operation calls: its scopes and the docs derive from these. */
	endpoints: readonly EndpointName[];
	execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient): Promise<OperationResult>;
	/**
	 * Optional: handles all input items at once, so items that Zoom accepts in one request (e.g.
	 * up to 30 registrant status changes) share it. Must return exactly one outcome per index
	 * given; the router pairs each with its input item and applies continueOnFail.
	 */
	executeBatch?(
		this: IExecuteFunctions,
		itemIndexes: number[],
		client: ZoomClient,
		options: BatchOptions,
	): Promise<BatchItemResult[]>;
}

export type ZoomResource =
	| 'meeting'
	| 'user'
	| 'meetingRegistrant'
	| 'webinar'
	| 'webinarRegistrant'
	| 'webinarPanelist';
