import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import type { EndpointName } from '../../../core/zoom/endpoints';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { OperationLabel } from '../shared/types';
import { resolveSummaryUuid, summaryMeetingField } from './shared';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Delete',
	description: "Delete a meeting's AI Companion summary",
	action: 'Delete a meeting summary',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['deleteMeetingSummary', 'getPastMeeting'];

export const description: INodeProperties[] = [
	scopeNotice(
		endpoints,
		'Needs a Pro or higher host with "Meeting Summary with AI Companion" on. A meeting ID is looked up as a past meeting (its latest instance).',
	),
	summaryMeetingField(
		'The meeting instance whose summary to delete: its UUID, or a meeting ID or join URL for its latest instance that took place',
	),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const uuid = await resolveSummaryUuid(this, itemIndex, client);
	await client.request({
		endpoint: 'deleteMeetingSummary',
		pathParameters: { meetingId: uuid },
		itemIndex,
	});
	return { meeting_uuid: uuid, deleted: true };
}
