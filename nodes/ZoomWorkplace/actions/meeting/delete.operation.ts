import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZoomClient } from '../../transport';
import { readMeetingTarget, readOccurrenceId } from '../../helpers/parameters';
import { meetingIdField, occurrenceIdOption } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';
import type { EndpointName } from '../../transport/endpoints';

const show = { resource: ['meeting'], operation: ['delete'] };

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['deleteMeeting'];

export const description: INodeProperties[] = [
	meetingIdField(show),
	optionsCollection(show, [
		{
			displayName: 'Notify Host',
			name: 'notifyHost',
			type: 'boolean',
			default: false,
			description: 'Whether to email the host and alternative hosts about the cancellation',
		},
		{
			displayName: 'Notify Registrants',
			name: 'notifyRegistrants',
			type: 'boolean',
			default: false,
			description: 'Whether to email the registrants about the cancellation',
		},
		{
			...occurrenceIdOption,
			description:
				'Delete only this occurrence of a recurring meeting (digits, from the meeting\'s "occurrences" list)',
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
	// An explicit "off" is sent too, so Zoom's own default never decides for the user.
	if (options.notifyHost !== undefined) qs.schedule_for_reminder = Boolean(options.notifyHost);
	if (options.notifyRegistrants !== undefined)
		qs.cancel_meeting_reminder = Boolean(options.notifyRegistrants);
	await client.request({
		endpoint: 'deleteMeeting',
		pathParameters: { meetingId: target.meetingId },
		qs,
		itemIndex,
	});
	return occurrenceId
		? { id: target.id, occurrenceId, deleted: true }
		: { id: target.id, deleted: true };
}
