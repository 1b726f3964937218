import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildMeetingBody, meetingFields } from '../../helpers/meetingBody';
import type { ZoomClient } from '../../../core/transport';
import { readMeetingTarget } from '../../helpers/parameters';
import { assertSomethingToUpdate, readBackAfterUpdate } from '../readBack';
import { meetingIdField, occurrenceIdOption } from '../common.descriptions';
import { optionsCollection, readOperationOptions } from '../requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Update',
	description: 'Update a meeting or one occurrence',
	action: 'Update a meeting',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['updateMeeting', 'getMeeting'];

const OPTIONS = [
	occurrenceIdOption(
		'Update only this occurrence of a recurring meeting (digits). Zoom then accepts only Agenda, Start Time, Duration and some settings.',
	),
];

export const description: INodeProperties[] = [
	meetingIdField(),
	{
		displayName:
			'Zoom answers an update with no content, so the node reads the meeting back and outputs it as Get does (for an occurrence: that occurrence). If the app may not read meetings, the output only confirms the update (its ID and updated: true).',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	meetingFields('updateFields'),
	optionsCollection(OPTIONS),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = readMeetingTarget(this, itemIndex);
	const { qs } = readOperationOptions(this, itemIndex, OPTIONS);
	const occurrenceId = qs.occurrence_id as string | undefined;
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	// Same body as Create; false and 0 are kept (turning a setting off is an update).
	const body = buildMeetingBody(this, itemIndex, fields, this.getTimezone());
	assertSomethingToUpdate(this, itemIndex, body);
	const pathParameters = { meetingId: target.pathId };
	await client.request({ endpoint: 'updateMeeting', pathParameters, qs, body, itemIndex });

	const confirmation: IDataObject = { id: target.id };
	if (occurrenceId) confirmation.occurrenceId = occurrenceId;
	return await readBackAfterUpdate(
		this,
		client,
		{ endpoint: 'getMeeting', pathParameters, qs, itemIndex },
		confirmation,
	);
}
