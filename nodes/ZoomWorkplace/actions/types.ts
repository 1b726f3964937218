import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZoomClient } from '../transport';
import type { EndpointName } from '../transport/endpoints';

/** What an operation returns for one input item: one object, or several (Get Many). */
export type OperationResult = IDataObject | IDataObject[];

export interface ZoomOperation {
	description: INodeProperties[];
	/** The Zoom endpoints the operation calls: its scopes and the docs derive from these. */
	endpoints: readonly EndpointName[];
	execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient): Promise<OperationResult>;
}

export type ZoomResource = 'meeting' | 'user';
