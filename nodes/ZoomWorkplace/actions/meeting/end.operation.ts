import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import { readMeetingTarget } from '../../helpers/parameters';
import { meetingIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'End',
	description: 'End a running meeting',
	action: 'End a meeting',
};

const show = { resource: ['meeting'], operation: ['end'] };

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['updateMeetingStatus'];

export const description: INodeProperties[] = [
	{
		...meetingIdField(show),
		description: 'The running meeting to end for everyone: its ID, its UUID, or its join URL',
	},
	optionsCollection(show),
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
