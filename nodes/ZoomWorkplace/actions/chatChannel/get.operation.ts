import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readUserId } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import type { EndpointName } from '../../../core/zoom/endpoints';
import { userIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { OperationLabel } from '../shared/types';
import { channelIdField, readChannelId } from './channelIdField';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get',
	description: 'Get a Team Chat channel: its name, type, settings and link',
	action: 'Get a chat channel',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['getUserChannel'];

export const description: INodeProperties[] = [
	scopeNotice(endpoints),
	userIdField('A member of the channel, whom the node acts for: "me", a user ID or an email'),
	channelIdField("The channel: pick one of the user's channels, or paste its ID"),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const { body } = await client.request<IDataObject>({
		endpoint: 'getUserChannel',
		pathParameters: {
			userId: readUserId(this, itemIndex),
			channelId: readChannelId(this, itemIndex),
		},
		itemIndex,
	});
	return body;
}
