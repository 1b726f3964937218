import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import {
	markdownToChatMessage,
	plainChatMessage,
	splitChatMessage,
	zoomMessageBody,
	type ChatMessage,
} from '../../helpers/markdown';
import { readUserId } from '../../helpers/parameters';
import { zoomDateTime } from '../../helpers/time';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../../core/transport';
import { MAX_CHAT_MESSAGE_LENGTH } from '../../../core/zoom/chatLimits';
import type { EndpointName } from '../../../core/zoom/endpoints';
import { userIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { OperationLabel } from '../shared/types';
import {
	messageFormatOption,
	messageIdSchema,
	ownOptions,
	readTarget,
	targetFields,
	targetParameter,
	type ChatTarget,
} from './shared';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Send',
	description: 'Send a Team Chat message to a channel or a contact',
	action: 'Send a chat message',
};

/** The Zoom endpoints this operation calls (its scopes are theirs); the list only to find a message whose answer was lost. */
export const endpoints: readonly EndpointName[] = ['sendChatMessage', 'listChatMessages'];

/** What happens to a message longer than Zoom's 1024 characters. */
export const LONG_MESSAGES = ['thread', 'split', 'fail'] as const;
export type LongMessages = (typeof LONG_MESSAGES)[number];

const sendOptions: INodeProperties[] = [
	{
		displayName: 'Long Messages',
		name: 'longMessages',
		type: 'options',
		options: [
			{
				name: 'Split, Rest in Its Thread',
				value: 'thread',
				description:
					'The first part is the message; the other parts are replies in its thread (or in Reply To Message ID)',
			},
			{
				name: 'Split Into Consecutive Messages',
				value: 'split',
				description: 'Every part is a message of its own, in order',
			},
			{ name: 'Fail', value: 'fail', description: 'The item fails, nothing is sent' },
		],
		default: 'thread',
		description:
			'Zoom takes at most 1024 characters per message. A longer one (e.g. a meeting summary) is split at paragraph, line or word ends.',
	},
	messageFormatOption,
	{
		displayName: 'Reply To Message ID',
		name: 'replyTo',
		type: 'string',
		default: '',
		placeholder: '{27ED2949-6457-417C-83EA-72515DAF00BD}',
		description: 'Reply in the thread of this message (the ID of the main message of the thread)',
	},
];

export const description: INodeProperties[] = [
	scopeNotice(
		endpoints,
		'The user must be a member of the channel or have the contact among their contacts.',
	),
	userIdField(
		'Who sends the message: "me", a user ID or an email. With an account-level app, the user\'s role must allow editing Chat Messages.',
	),
	...targetFields('Send to'),
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: '**Meeting notes** are ready: {{ $json.summaryText }}',
		description:
			'The text. With Message Format Markdown (the default), **bold**, _italic_, [links](https://…), # headings and - lists become Zoom rich text, and @all or @[Name](email) mention people in a channel.',
	},
	optionsCollection(sendOptions),
];

const messageSchema = z
	.string({ invalid_type_error: 'must be text' })
	.refine((v) => v.trim() !== '', 'is required: the text to send');

/** The message of an item as Zoom will show it: Markdown converted, or as typed. */
export function chatMessageOf(text: string, format: string, target: ChatTarget): ChatMessage {
	return format === 'plain'
		? plainChatMessage(text)
		: markdownToChatMessage(text, { mentions: target.kind === 'channel' });
}

/** The parts to send, in order: one unless the message is longer than Zoom takes. */
export function partsToSend(
	message: ChatMessage,
	longMessages: LongMessages,
): ChatMessage[] | undefined {
	if (message.text.length <= MAX_CHAT_MESSAGE_LENGTH) return [message];
	if (longMessages === 'fail') return undefined;
	return splitChatMessage(message, MAX_CHAT_MESSAGE_LENGTH);
}

/** The thread a part replies in: the given one, else (threaded long message) the first part. */
export function replyTarget(
	index: number,
	replyTo: string | undefined,
	longMessages: LongMessages,
	firstId: string | undefined,
): string | undefined {
	if (replyTo) return replyTo;
	return index > 0 && longMessages === 'thread' ? firstId : undefined;
}

const LOOK_BACK_MS = 2 * 60_000;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const userId = readUserId(this, itemIndex);
	const target = readTarget(this, itemIndex);
	const text = validateField(
		this,
		itemIndex,
		'Message',
		messageSchema,
		this.getNodeParameter('message', itemIndex, ''),
	);
	const options = ownOptions(this, itemIndex);
	const longMessages = String(options.longMessages ?? 'thread') as LongMessages;
	if (!LONG_MESSAGES.includes(longMessages)) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "Long Messages" in item ${itemIndex}: "${longMessages}" is not one of ${LONG_MESSAGES.join(', ')}`,
			{ itemIndex },
		);
	}
	const replyTo =
		options.replyTo === undefined || options.replyTo === ''
			? undefined
			: validateField(this, itemIndex, 'Reply To Message ID', messageIdSchema, options.replyTo);
	const message = chatMessageOf(text, String(options.messageFormat ?? 'markdown'), target);
	if (message.text.trim() === '') {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "Message" in item ${itemIndex}: nothing is left to send once the Markdown is read`,
			{ itemIndex },
		);
	}
	const parts = partsToSend(message, longMessages);
	if (!parts) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "Message" in item ${itemIndex}: ${message.text.length} characters, Zoom takes at most ${MAX_CHAT_MESSAGE_LENGTH} per message`,
			{ itemIndex, description: 'Shorten it, or set Options → Long Messages to split it.' },
		);
	}

	const sent: Array<{ id: string; message: string }> = [];
	const sendPart = async (index: number, part: ChatMessage) => {
		const reply = replyTarget(index, replyTo, longMessages, sent[0]?.id);
		const body: IDataObject = {
			...zoomMessageBody(part),
			...targetParameter(target),
			...(reply ? { reply_main_message_id: reply } : {}),
		};
		const startedAt = Date.now();
		const { body: answer } = await client.request<IDataObject>({
			endpoint: 'sendChatMessage',
			pathParameters: { userId },
			body,
			itemIndex,
			paceKey: target.kind === 'channel' ? target.id : undefined,
			lookUp: {
				description: 'the messages of the last minutes in this conversation',
				find: async () =>
					await findSentMessage(client, {
						userId,
						target,
						text: part.text,
						reply,
						since: startedAt - LOOK_BACK_MS,
						itemIndex,
					}),
			},
		});
		sent.push({ id: String(answer.id), message: part.text });
	};
	await sendPart(0, parts[0]);
	for (let index = 1; index < parts.length; index++) {
		try {
			await sendPart(index, parts[index]);
		} catch (error) {
			// Say what already reached the channel, so nobody re-runs the item blindly.
			throw new NodeOperationError(
				this.getNode(),
				`Sent ${index} of ${parts.length} parts (first message ID ${sent[0].id}); part ${index + 1} failed: ${(error as Error).message}`,
				{
					itemIndex,
					description:
						`${(error as { description?: string }).description ?? ''} Running the item again sends the whole message again.`.trim(),
				},
			);
		}
	}
	return {
		id: sent[0].id,
		...targetParameter(target),
		...(replyTo ? { reply_main_message_id: replyTo } : {}),
		message: message.text,
		...(sent.length > 1 ? { parts: sent } : {}),
	};
}

/**
 * After an attempt whose answer was lost: the message it may have sent, found among the
 * conversation's recent messages by its text and thread, and not one this execution already
 * returned.
 */
async function findSentMessage(
	client: ZoomClient,
	search: {
		userId: string;
		target: ChatTarget;
		text: string;
		reply: string | undefined;
		since: number;
		itemIndex: number;
	},
): Promise<IDataObject | undefined> {
	const messages = await client.requestAllItems({
		endpoint: 'listChatMessages',
		pathParameters: { userId: search.userId },
		qs: {
			...targetParameter(search.target),
			from: zoomDateTime(search.since),
			to: zoomDateTime(Date.now() + 60_000),
		},
		arrayKey: 'messages',
		itemIndex: search.itemIndex,
	});
	return messages.find(
		(m) =>
			m.message === search.text &&
			(search.reply === undefined || m.reply_main_message_id === search.reply) &&
			!client.alreadyReturned(m.id),
	);
}
