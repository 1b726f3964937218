import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../../core/transport';
import { MEETING_KIND } from '../shared/instances';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import { readRecordingScope, recordingScopeFields } from './shared';
import { z } from 'zod';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Delete',
	description: "Move a meeting's recordings or one file to the trash, or delete them",
	action: 'Delete a cloud recording',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = [
	'deleteMeetingRecordings',
	'deleteRecordingFile',
];

export const description: INodeProperties[] = [
	scopeNotice(endpoints),
	MEETING_KIND.locator(
		'The meeting: its ID (the latest instance), an instance UUID or its join URL',
	),
	...recordingScopeFields('Delete'),
	{
		displayName: 'Delete Action',
		name: 'deleteAction',
		type: 'options',
		options: [
			{
				name: 'Move to Trash',
				value: 'trash',
				description: 'Zoom keeps trashed recordings 30 days; Recover brings them back',
			},
			{
				name: 'Delete Permanently',
				value: 'delete',
				description: 'The files are gone for good',
			},
		],
		default: 'trash',
	},
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const { target, recordingId } = readRecordingScope(this, itemIndex);
	const action = validateField(
		this,
		itemIndex,
		'Delete Action',
		z.enum(['trash', 'delete'], { errorMap: () => ({ message: 'must be trash or delete' }) }),
		this.getNodeParameter('deleteAction', itemIndex, 'trash'),
	);
	const qs = { action };
	if (recordingId !== undefined) {
		await client.request({
			endpoint: 'deleteRecordingFile',
			pathParameters: { meetingId: target.pathId, recordingId },
			qs,
			itemIndex,
		});
		return { meetingId: target.id, recordingId, action, deleted: true };
	}
	await client.request({
		endpoint: 'deleteMeetingRecordings',
		pathParameters: { meetingId: target.pathId },
		qs,
		itemIndex,
	});
	return { meetingId: target.id, action, deleted: true };
}
