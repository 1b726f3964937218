import type { INodeProperties } from 'n8n-workflow';

import type { ZoomOperation } from '../types';
import * as deleteRecording from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as recover from './recover.operation';

export const operations: Record<string, ZoomOperation> = {
	delete: deleteRecording,
	get,
	getAll,
	recover,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['cloudRecording'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: "Move a meeting's recordings or one file to the trash, or delete them",
				action: 'Delete a cloud recording',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the recording files of a meeting',
				action: 'Get a cloud recording',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List a user's cloud recordings between two dates",
				action: 'Get many cloud recordings',
			},
			{
				name: 'Recover',
				value: 'recover',
				description: "Bring a meeting's trashed recordings or one file back",
				action: 'Recover a cloud recording',
			},
		],
		default: 'getAll',
	},
	...deleteRecording.description,
	...get.description,
	...getAll.description,
	...recover.description,
];
