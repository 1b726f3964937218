import type { INodeProperties } from 'n8n-workflow';

import type { ZoomOperation } from '../types';
import * as getMeetingParticipants from './getMeetingParticipants.operation';

export const operations: Record<string, ZoomOperation> = { getMeetingParticipants };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Get Meeting Participants',
				value: 'getMeetingParticipants',
				description:
					'Attendance report of a meeting that took place: who joined, when, for how long',
				action: 'Get a meeting participants report',
			},
		],
		default: 'getMeetingParticipants',
	},
	...getMeetingParticipants.description,
];
