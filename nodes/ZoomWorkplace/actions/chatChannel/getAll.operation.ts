import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readUserId } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import type { EndpointName } from '../../../core/zoom/endpoints';
import { returnAllAndLimit, userIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Many',
	description: 'List the Team Chat channels a user is a member of',
	action: 'Get many chat channels',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['listUserChannels'];

export const description: INodeProperties[] = [
	scopeNotice(endpoints),
	userIdField('Whose channels to list: "me", a user ID or an email'),
	...returnAllAndLimit(),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject[]> {
	return await client.requestAllItems({
		endpoint: 'listUserChannels',
		pathParameters: { userId: readUserId(this, itemIndex) },
		arrayKey: 'channels',
		limit: readLimit(this, itemIndex),
		itemIndex,
	});
}
