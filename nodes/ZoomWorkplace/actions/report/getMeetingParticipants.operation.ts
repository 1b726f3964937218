import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldDefinition } from '../../helpers/fields';
import { readLimit } from '../../helpers/parameters';
import { booleanSchema } from '../../helpers/schemas';
import type { ZoomClient } from '../../../core/transport';
import { returnAllAndLimit } from '../shared/common.descriptions';
import { MEETING_KIND } from '../shared/instances';
import { optionsCollection, readOperationOptions } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Meeting Participants',
	description: 'Attendance report of a meeting that took place: who joined, when, for how long',
	action: 'Get a meeting participants report',
};

/** Zoom reports only meetings with two or more participants: an empty report says why. */
export const NO_REPORT_NOTICE =
	'Zoom returned no participants. Zoom reports only meetings that have ended and had two or more participants (the host included); data older than 12 months is not available.';

const reportFields: FieldDefinition[] = [
	{
		property: {
			displayName: 'Include Registrant ID',
			name: 'includeRegistrantId',
			type: 'boolean',
			default: false,
			description:
				'Whether to add each participant\'s "registrant_id" (meetings with registration)',
		},
		zoom: 'include_fields',
		in: 'query',
		schema: booleanSchema,
		transform: (value) => (value === true ? 'registrant_id' : undefined),
	},
];

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['reportMeetingParticipants'];

export const description: INodeProperties[] = [
	scopeNotice(
		endpoints,
		'Needs a Pro or higher plan and an account-level app (Server-to-Server OAuth or admin-managed OAuth) run by an admin. Zoom paces reports as Heavy APIs.',
	),
	MEETING_KIND.locator(
		'The meeting that took place: its ID (the latest instance), an instance UUID or its join URL',
	),
	...returnAllAndLimit(),
	optionsCollection(reportFields),
];

/** One item per participant session (a person who rejoined appears once per join). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject[]> {
	const target = MEETING_KIND.read(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const { qs } = readOperationOptions(this, itemIndex, reportFields);
	const participants = await client.requestAllItems({
		endpoint: 'reportMeetingParticipants',
		pathParameters: { meetingId: target.pathId },
		qs,
		arrayKey: 'participants',
		limit,
		itemIndex,
	});
	if (participants.length === 0) {
		return [{ meetingId: target.id, participants: [], notice: NO_REPORT_NOTICE }];
	}
	return participants;
}
