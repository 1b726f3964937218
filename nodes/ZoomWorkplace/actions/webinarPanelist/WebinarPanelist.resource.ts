import type { INodeProperties } from 'n8n-workflow';

import type { ZoomOperation } from '../types';
import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';
import * as removeAll from './removeAll.operation';

export const operations: Record<string, ZoomOperation> = { add, getAll, remove, removeAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webinarPanelist'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Add panelists to a webinar, up to 30 per request',
				action: 'Add a webinar panelist',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the panelists of a webinar',
				action: 'Get many webinar panelists',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Remove one panelist from a webinar',
				action: 'Remove a webinar panelist',
			},
			{
				name: 'Remove All',
				value: 'removeAll',
				description: 'Remove every panelist from a webinar',
				action: 'Remove all webinar panelists',
			},
		],
		default: 'add',
	},
	...add.description,
	...getAll.description,
	...remove.description,
	...removeAll.description,
];
