import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import type { EndpointName } from '../../../core/zoom/endpoints';

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

/** How an operation appears in its resource's Operation selector. */
export interface OperationLabel {
	/** The option's name, e.g. "Get Many". */
	name: string;
	/** The line under the name. */
	description: string;
	/** What n8n shows in the actions list and an AI agent reads, e.g. "Get many meetings". */
	action: string;
}

export interface ZoomOperation {
	label: OperationLabel;
	/**
	 * The operation's parameters. The registry shows them only for this resource and operation,
	 * so they need no display options of their own for that.
	 */
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

/**
 * One resource of the node: its value (saved in workflows), its name in the Resource selector
 * and its operations by value. The router, the node's description, the Operation selector and
 * the docs all derive from this.
 */
export interface ZoomResource {
	value: string;
	displayName: string;
	/** The operation a new node starts with (saved workflows rely on it: keep it stable). */
	defaultOperation: string;
	operations: Record<string, ZoomOperation>;
}

/** Declares a resource (checks that its default operation exists). */
export function defineResource(resource: ZoomResource): ZoomResource {
	if (!resource.operations[resource.defaultOperation])
		throw new Error(`${resource.value}: no operation "${resource.defaultOperation}"`);
	return resource;
}
