import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readMeetingTarget, readOccurrenceId } from '../../helpers/parameters';
import type { ZoomClient } from '../../transport';
import { meetingIdField, occurrenceIdOption } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';
import type { EndpointName } from '../../transport/endpoints';

const show = { resource: ['meeting'], operation: ['get'] };

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['getMeeting'];

export const description: INodeProperties[] = [
	meetingIdField(show),
	optionsCollection(show, [
		{
			...occurrenceIdOption,
			description:
				'Return the details of this occurrence of a recurring meeting (digits, from the meeting\'s "occurrences" list)',
		},
		{
			displayName: 'Show Previous Occurrences',
			name: 'showPreviousOccurrences',
			type: 'boolean',
			default: false,
			description: 'Whether to list the past occurrences of a recurring meeting too',
		},
	]),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = readMeetingTarget(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const occurrenceId = readOccurrenceId(this, itemIndex, options.occurrenceId);
	if (occurrenceId) qs.occurrence_id = occurrenceId;
	if (options.showPreviousOccurrences !== undefined)
		qs.show_previous_occurrences = Boolean(options.showPreviousOccurrences);
	const { body } = await client.request<IDataObject>({
		endpoint: 'getMeeting',
		pathParameters: { meetingId: target.meetingId },
		qs,
		itemIndex,
	});
	return body;
}
