import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { validateField } from '../../helpers/validation';
import { channelIdField, readChannelId } from '../chatChannel/channelIdField';

/** Where a message goes or was sent: a channel (by ID) or a contact (email, user ID or member ID). */
export type ChatTarget = { kind: 'channel'; id: string } | { kind: 'contact'; id: string };

/** The `to`, `channelId` and `contactEmail` parameters of the chat message operations. */
export function targetFields(verb: string): INodeProperties[] {
	return [
		{
			displayName: 'To',
			name: 'to',
			type: 'options',
			options: [
				{
					name: 'Channel',
					value: 'channel',
					description: `${verb} a channel the user is a member of`,
				},
				{ name: 'Contact', value: 'contact', description: `${verb} one person (a direct message)` },
			],
			default: 'channel',
		},
		channelIdField("The channel: pick one of the user's channels, or paste its ID", {
			show: { to: ['channel'] },
		}),
		{
			displayName: 'Contact Email',
			name: 'contactEmail',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'jchill@example.com',
			description: "The contact's email address (a Zoom user ID or member ID works too)",
			displayOptions: { show: { to: ['contact'] } },
		},
	];
}

const contactSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'is required: an email address, a user ID or a member ID')
	.refine((v) => !/[\s/?#]/.test(v), 'must be an email address, a user ID or a member ID');

/** The checked target of an item. */
export function readTarget(ctx: IExecuteFunctions, itemIndex: number): ChatTarget {
	const to = ctx.getNodeParameter('to', itemIndex, 'channel') as string;
	if (to === 'channel') return { kind: 'channel', id: readChannelId(ctx, itemIndex) };
	if (to === 'contact') {
		const id = validateField(
			ctx,
			itemIndex,
			'Contact Email',
			contactSchema,
			ctx.getNodeParameter('contactEmail', itemIndex, ''),
		);
		return { kind: 'contact', id };
	}
	throw new NodeOperationError(
		ctx.getNode(),
		`Invalid "To" in item ${itemIndex}: "${to}" is not "channel" or "contact"`,
		{ itemIndex },
	);
}

/** `to_channel` or `to_contact`, as Zoom's query and bodies name them. */
export function targetParameter(target: ChatTarget): IDataObject {
	return target.kind === 'channel' ? { to_channel: target.id } : { to_contact: target.id };
}

export const messageIdSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'is required: the "id" of a message (Send or Get Many)')
	.refine((v) => !/[\s/?#]/.test(v), 'must be a message ID (no spaces, "/", "?" or "#")');

export function messageIdField(description: string): INodeProperties {
	return {
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '8cfaf567-bf5a-4acc-b4f2-88b3d371aca5',
		description,
	};
}

export function readMessageId(ctx: IExecuteFunctions, itemIndex: number): string {
	return validateField(
		ctx,
		itemIndex,
		'Message ID',
		messageIdSchema,
		ctx.getNodeParameter('messageId', itemIndex, ''),
	);
}

/** How the message text is read. */
export const messageFormatOption: INodeProperties = {
	displayName: 'Message Format',
	name: 'messageFormat',
	type: 'options',
	options: [
		{
			name: 'Markdown',
			value: 'markdown',
			description:
				"**bold**, _italic_, ~~strike~~, [links](https://…), # headings, - lists, 1. lists and > quotes become Zoom's rich text; @all and @[Name](email) mention people in a channel.",
		},
		{ name: 'Plain Text', value: 'plain', description: 'Sent exactly as typed' },
	],
	default: 'markdown',
};

/** The options a chat operation reads itself (the request settings share the collection). */
export function ownOptions(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
}
