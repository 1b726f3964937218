import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildMeetingBody, meetingFields } from '../../helpers/meetingBody';
import { readUserId } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import { userIdField } from '../common.descriptions';
import { findCreatedMeeting } from './findCreatedMeeting';
import { optionsCollection } from '../requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Create',
	description: 'Create a meeting',
	action: 'Create a meeting',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['createMeeting', 'listMeetings', 'getMeeting'];

export const description: INodeProperties[] = [
	userIdField(
		'Host of the meeting: "me", a user ID or an email. An account-level app may create meetings for any user.',
	),
	{
		displayName: 'Topic',
		name: 'topic',
		type: 'string',
		required: true,
		default: '',
		description: 'Meeting topic (up to 200 characters)',
	},
	meetingFields('additionalFields'),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const userId = readUserId(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const topic = this.getNodeParameter('topic', itemIndex, '') as string;
	const body = buildMeetingBody(this, itemIndex, { ...fields, topic }, this.getTimezone());
	const attemptStartedAt = Date.now();
	const { body: meeting } = await client.request<IDataObject>({
		endpoint: 'createMeeting',
		pathParameters: { userId },
		body,
		itemIndex,
		lookUp: {
			find: async () => await findCreatedMeeting(client, userId, body, attemptStartedAt, itemIndex),
			description: "listing the host's scheduled meetings",
		},
	});
	return meeting;
}
