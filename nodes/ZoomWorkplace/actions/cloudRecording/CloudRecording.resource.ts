import type { INodeProperties } from 'n8n-workflow';

import type { ZoomOperation } from '../types';
import * as deleteRecording from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getTranscript from './getTranscript.operation';
import * as recover from './recover.operation';

export const operations: Record<string, ZoomOperation> = {
	delete: deleteRecording,
	download,
	get,
	getAll,
	getTranscript,
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
				name: 'Download',
				value: 'download',
				description: 'Download the files of a recording into binary properties',
				action: 'Download a cloud recording',
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
				name: 'Get Transcript',
				value: 'getTranscript',
				description: 'Read the transcript of a recording as segments and text',
				action: 'Get the transcript of a cloud recording',
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
	...download.description,
	...get.description,
	...getAll.description,
	...getTranscript.description,
	...recover.description,
];
