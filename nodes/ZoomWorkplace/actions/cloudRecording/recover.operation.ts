import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import { MEETING_KIND } from '../shared/instances';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import { readRecordingScope, recordingScopeFields } from './shared';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Recover',
	description: "Bring a meeting's trashed recordings or one file back",
	action: 'Recover a cloud recording',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = [
	'recoverMeetingRecordings',
	'recoverRecordingFile',
];

export const description: INodeProperties[] = [
	scopeNotice(endpoints),
	MEETING_KIND.locator(
		'The meeting whose trashed recordings to recover: best its instance UUID ("uuid" of Get Many with Trash on), which Zoom documents for recovering all files; a meeting ID or join URL addresses its latest instance',
	),
	...recordingScopeFields('Recover'),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const { target, recordingId } = readRecordingScope(this, itemIndex);
	const body = { action: 'recover' };
	if (recordingId !== undefined) {
		await client.request({
			endpoint: 'recoverRecordingFile',
			pathParameters: { meetingId: target.pathId, recordingId },
			body,
			itemIndex,
		});
		return { meetingId: target.id, recordingId, recovered: true };
	}
	await client.request({
		endpoint: 'recoverMeetingRecordings',
		pathParameters: { meetingUUID: target.pathId },
		body,
		itemIndex,
	});
	return { meetingId: target.id, recovered: true };
}
