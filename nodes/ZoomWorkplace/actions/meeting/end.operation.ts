import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import { readMeetingTarget } from '../../helpers/parameters';
import { meetingIdField } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'End',
	description: 'End a running meeting',
	action: 'End a meeting',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['updateMeetingStatus'];

export const description: INodeProperties[] = [
	{
		...meetingIdField(),
		description: 'The running meeting to end for everyone: its ID, its UUID, or its join URL',
	},
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = readMeetingTarget(this, itemIndex);
	await client.request({
		endpoint: 'updateMeetingStatus',
		pathParameters: { meetingId: target.pathId },
		body: { action: 'end' },
		itemIndex,
	});
	return { id: target.id, ended: true };
}
