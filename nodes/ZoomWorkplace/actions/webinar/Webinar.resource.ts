import type { INodeProperties } from 'n8n-workflow';

import type { ZoomOperation } from '../types';
import * as create from './create.operation';
import * as deleteWebinar from './delete.operation';
import * as end from './end.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, ZoomOperation> = {
	create,
	delete: deleteWebinar,
	end,
	get,
	getAll,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webinar'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a webinar',
				action: 'Create a webinar',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a webinar or one occurrence',
				action: 'Delete a webinar',
			},
			{ name: 'End', value: 'end', description: 'End a running webinar', action: 'End a webinar' },
			{ name: 'Get', value: 'get', description: 'Get a webinar', action: 'Get a webinar' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the webinars of a user',
				action: 'Get many webinars',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a webinar or one occurrence',
				action: 'Update a webinar',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteWebinar.description,
	...end.description,
	...get.description,
	...getAll.description,
	...update.description,
];
