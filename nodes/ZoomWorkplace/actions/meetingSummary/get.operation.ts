import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import type { EndpointName } from '../../../core/zoom/endpoints';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { OperationLabel } from '../shared/types';
import { summaryPlainText } from '../../../core/zoom/summaryText';
import { resolveSummaryUuid, summaryMeetingField } from './shared';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get',
	description: "Get a meeting's AI Companion summary, as Markdown and as plain text",
	action: 'Get a meeting summary',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['getMeetingSummary', 'getPastMeeting'];

export const description: INodeProperties[] = [
	scopeNotice(
		endpoints,
		'Needs a Pro or higher host with "Meeting Summary with AI Companion" on; end-to-end encrypted meetings have no summary. A meeting ID is looked up as a past meeting (its latest instance).',
	),
	summaryMeetingField(
		'The meeting instance whose summary to get: its UUID (e.g. {{ $json.payload.object.meeting_uuid }} of a summary event), or a meeting ID or join URL for its latest instance that took place',
	),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const uuid = await resolveSummaryUuid(this, itemIndex, client);
	const { body } = await client.request<IDataObject>({
		endpoint: 'getMeetingSummary',
		pathParameters: { meetingId: uuid },
		itemIndex,
	});
	return { ...body, summaryText: summaryPlainText(body) };
}
