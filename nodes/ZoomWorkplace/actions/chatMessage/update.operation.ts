import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { markdownToChatMessage } from '../../helpers/markdown';
import { readUserId } from '../../helpers/parameters';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../../core/transport';
import type { EndpointName } from '../../../core/zoom/endpoints';
import { userIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { OperationLabel } from '../shared/types';
import {
	messageFormatOption,
	messageIdField,
	ownOptions,
	readMessageId,
	readTarget,
	targetFields,
	targetParameter,
} from './shared';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Update',
	description: 'Edit the text of a message the user sent',
	action: 'Update a chat message',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['updateChatMessage'];

export const description: INodeProperties[] = [
	scopeNotice(endpoints, 'Only the sender of a message can edit it.'),
	userIdField('The sender of the message: "me", a user ID or an email'),
	...targetFields('Sent to'),
	messageIdField('The message to edit: the "id" that Send or Get Many returned'),
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description:
			"The new text. Zoom's edit takes plain text only: with Message Format Markdown the markup is removed (the text keeps its words, links as their text).",
	},
	optionsCollection([
		{
			...messageFormatOption,
			options: [
				{
					name: 'Markdown',
					value: 'markdown',
					description: "Markup removed (Zoom's edit keeps no formatting)",
				},
				{ name: 'Plain Text', value: 'plain', description: 'Sent exactly as typed' },
			],
		},
	]),
];

const messageSchema = z
	.string({ invalid_type_error: 'must be text' })
	.refine((v) => v.trim() !== '', 'is required: the new text');

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const userId = readUserId(this, itemIndex);
	const messageId = readMessageId(this, itemIndex);
	const target = readTarget(this, itemIndex);
	const raw = validateField(
		this,
		itemIndex,
		'Message',
		messageSchema,
		this.getNodeParameter('message', itemIndex, ''),
	);
	const format = String(ownOptions(this, itemIndex).messageFormat ?? 'markdown');
	const message = format === 'plain' ? raw : markdownToChatMessage(raw, { mentions: false }).text;
	await client.request({
		endpoint: 'updateChatMessage',
		pathParameters: { userId, messageId },
		body: { message, ...targetParameter(target) },
		itemIndex,
	});
	return { id: messageId, ...targetParameter(target), message, updated: true };
}
