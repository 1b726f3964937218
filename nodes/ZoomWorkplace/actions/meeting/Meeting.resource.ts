import type { INodeProperties } from 'n8n-workflow';

import type { ZoomOperation } from '../types';
import * as create from './create.operation';
import * as deleteMeeting from './delete.operation';
import * as end from './end.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getInvitation from './getInvitation.operation';
import * as update from './update.operation';

export const operations: Record<string, ZoomOperation> = {
	create,
	delete: deleteMeeting,
	end,
	get,
	getAll,
	getInvitation,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['meeting'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a meeting',
				action: 'Create a meeting',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a meeting or one occurrence',
				action: 'Delete a meeting',
			},
			{ name: 'End', value: 'end', description: 'End a running meeting', action: 'End a meeting' },
			{ name: 'Get', value: 'get', description: 'Get a meeting', action: 'Get a meeting' },
			{
				name: 'Get Invitation',
				value: 'getInvitation',
				description: 'Get the invitation text of a meeting',
				action: 'Get a meeting invitation',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the meetings of a user',
				action: 'Get many meetings',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a meeting or one occurrence',
				action: 'Update a meeting',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteMeeting.description,
	...end.description,
	...get.description,
	...getAll.description,
	...getInvitation.description,
	...update.description,
];
