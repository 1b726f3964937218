import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import type { FieldDefinition } from '../../helpers/fields';
import { readMeetingTarget } from '../../helpers/parameters';
import { booleanSchema } from '../../helpers/schemas';
import { meetingIdField, occurrenceIdOption } from '../common.descriptions';
import { optionsCollection, readOperationOptions } from '../requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Delete',
	description: 'Delete a meeting or one occurrence',
	action: 'Delete a meeting',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['deleteMeeting'];

const OPTIONS: FieldDefinition[] = [
	{
		property: {
			displayName: 'Notify Host',
			name: 'notifyHost',
			type: 'boolean',
			default: false,
			description: 'Whether to email the host and alternative hosts about the cancellation',
		},
		// An explicit "off" is sent too, so Zoom's own default never decides for the user.
		zoom: 'schedule_for_reminder',
		in: 'query',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Notify Registrants',
			name: 'notifyRegistrants',
			type: 'boolean',
			default: false,
			description: 'Whether to email the registrants about the cancellation',
		},
		zoom: 'cancel_meeting_reminder',
		in: 'query',
		schema: booleanSchema,
	},
	occurrenceIdOption(
		'Delete only this occurrence of a recurring meeting (digits, from the meeting\'s "occurrences" list)',
	),
];

export const description: INodeProperties[] = [
	meetingIdField(),
	optionsCollection(OPTIONS),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = readMeetingTarget(this, itemIndex);
	const { qs } = readOperationOptions(this, itemIndex, OPTIONS);
	await client.request({
		endpoint: 'deleteMeeting',
		pathParameters: { meetingId: target.pathId },
		qs,
		itemIndex,
	});
	const occurrenceId = qs.occurrence_id as string | undefined;
	return occurrenceId
		? { id: target.id, occurrenceId, deleted: true }
		: { id: target.id, deleted: true };
}
