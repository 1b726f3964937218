import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readUserId } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import type { EndpointName } from '../../../core/zoom/endpoints';
import { userIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { OperationLabel } from '../shared/types';
import { messageIdField, readMessageId, readTarget, targetFields, targetParameter } from './shared';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Delete',
	description: 'Delete a message the user sent',
	action: 'Delete a chat message',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['deleteChatMessage'];

export const description: INodeProperties[] = [
	scopeNotice(endpoints, 'Only the sender of a message can delete it.'),
	userIdField('The sender of the message: "me", a user ID or an email'),
	...targetFields('Sent to'),
	messageIdField('The message to delete: the "id" that Send or Get Many returned'),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const userId = readUserId(this, itemIndex);
	const messageId = readMessageId(this, itemIndex);
	const target = readTarget(this, itemIndex);
	await client.request({
		endpoint: 'deleteChatMessage',
		pathParameters: { userId, messageId },
		qs: targetParameter(target),
		itemIndex,
	});
	return { id: messageId, ...targetParameter(target), deleted: true };
}
