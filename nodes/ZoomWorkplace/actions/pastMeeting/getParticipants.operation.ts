import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import { returnAllAndLimit } from '../shared/common.descriptions';
import { MEETING_KIND } from '../shared/instances';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Participants',
	description: 'List the participants of a meeting that took place',
	action: 'Get past meeting participants',
};

/**
 * Zoom documents that this endpoint returns nobody for a meeting with a single participant. An
 * empty list is therefore not proof that nobody attended: the node says so in its output
 * instead of returning nothing.
 */
export const NO_PARTICIPANTS_NOTICE =
	"Zoom returned no participants. Zoom lists none for a meeting that had only one participant (for example the host alone). Zoom's Dashboard (Metrics → Meetings, Business plan or higher) shows who joined such a meeting.";

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['listPastMeetingParticipants'];

export const description: INodeProperties[] = [
	scopeNotice(endpoints, 'Needs a paid (Pro or higher) plan.'),
	MEETING_KIND.locator(
		'The meeting that took place: its ID (the latest instance), an instance UUID (from Get Instances) or its join URL',
	),
	...returnAllAndLimit(),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject[]> {
	const target = MEETING_KIND.read(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const participants = await client.requestAllItems({
		endpoint: 'listPastMeetingParticipants',
		pathParameters: { meetingId: target.pathId },
		arrayKey: 'participants',
		limit,
		itemIndex,
	});
	if (participants.length === 0) {
		return [{ meetingId: target.id, participants: [], notice: NO_PARTICIPANTS_NOTICE }];
	}
	return participants;
}
