import type { INodeProperties } from 'n8n-workflow';

import type { ZoomOperation } from '../types';
import * as get from './get.operation';
import * as getInstances from './getInstances.operation';
import * as getParticipants from './getParticipants.operation';

export const operations: Record<string, ZoomOperation> = { get, getInstances, getParticipants };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['pastMeeting'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the details of a meeting that took place',
				action: 'Get a past meeting',
			},
			{
				name: 'Get Instances',
				value: 'getInstances',
				description: 'List each time a meeting took place (UUID and start time)',
				action: 'Get past meeting instances',
			},
			{
				name: 'Get Participants',
				value: 'getParticipants',
				description: 'List the participants of a meeting that took place',
				action: 'Get past meeting participants',
			},
		],
		default: 'get',
	},
	...get.description,
	...getInstances.description,
	...getParticipants.description,
];
