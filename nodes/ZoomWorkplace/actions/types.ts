import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ZoomClient } from '../transport';

/** Full items (JSON and binary files, e.g. downloaded recordings), passed on as they are. */
export class ItemsWithBinary {
	constructor(readonly items: INodeExecutionData[]) {}
}

/** What an operation returns for one input item: one object, several (Get Many), or full items. */
export type OperationResult = IDataObject | IDataObject[] | ItemsWithBinary;

export interface ZoomOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient): Promise<OperationResult>;
}

export type ZoomResource = 'meeting' | 'user';
