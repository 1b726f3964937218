import { createHash, randomUUID } from 'node:crypto';

import { apiErrors, ZoomApiError } from '../errors';
import type { PageSizes } from '../pagination';
import type { ApiContext, ApiResult, RouteDef } from '../router';
import { registerScopes, type EndpointScopes } from '../scopes';
import type { SimulatorState } from '../state';
import type { ZoomUser } from '../types';
import { decodeParam, isPlainObject, resolveUser } from './common';

/*
 * Team Chat (Zoom's Team Chat API of 2026-03-10): a user's channels, one channel, and the
 * messages of a channel or of a chat between two users — list (by date or from/to, the last six
 * months, paged 10 by default and 50 at most), send (rich_text, at_items, replies in a thread),
 * edit and delete by their sender. Messages to one channel are held to Zoom's windows (10 per
 * second, 30 per 10 s, 60 per 100 s, 450 per 1000 s): a send beyond one is answered 429 and the
 * channel stays blocked for the window's block time, as the spec describes.
 */

export interface SimChannel {
	id: string;
	jid: string;
	name: string;
	/** 1 private, 2 private in the account, 3 public, 4 instant, 5 public across accounts. */
	type: number;
	account_id: string;
	members: Set<string>;
	archived: boolean;
	/** End-to-end encrypted: Zoom refuses API messages (5419). */
	e2e: boolean;
}

export interface SimChatMessage {
	id: string;
	account_id: string;
	/** The channel, or undefined for a chat between two users. */
	channelId?: string;
	/** The two users of a one-to-one chat (sorted user IDs). */
	pair?: [string, string];
	senderId: string;
	message: string;
	rich_text?: unknown[];
	at_items?: unknown[];
	reply_main_message_id?: string;
	/** ms since 1970. */
	timestamp: number;
	edited: boolean;
	deleted: boolean;
}

export interface ChatStore {
	channels: Map<string, SimChannel>;
	messages: SimChatMessage[];
	/** Per channel: when its sends were accepted, and until when it is blocked. */
	sendLog: Map<string, { sentAt: number[]; blockedUntil: number }>;
	/** Sends refused because a channel window was exceeded. */
	blockedSends: number;
}

const stores = new WeakMap<SimulatorState, ChatStore>();

export function chatStore(state: SimulatorState): ChatStore {
	let store = stores.get(state);
	if (!store) {
		store = { channels: new Map(), messages: [], sendLog: new Map(), blockedSends: 0 };
		stores.set(state, store);
	}
	return store;
}

/** Zoom's per-channel send windows (Team Chat spec, `to_channel`). */
export const CHANNEL_WINDOWS = [
	{ seconds: 1, max: 10, blockSeconds: 10 },
	{ seconds: 10, max: 30, blockSeconds: 30 },
	{ seconds: 100, max: 60, blockSeconds: 60 },
	{ seconds: 1000, max: 450, blockSeconds: 300 },
];

export interface ChannelInput {
	name: string;
	/** Members: user IDs or emails (the first is the owner). */
	members: string[];
	id?: string;
	type?: number;
	archived?: boolean;
	e2e?: boolean;
}

/** A stable channel ID (32 hex characters, as Zoom's) from a seed text. */
export function stableChannelId(seed: string): string {
	return createHash('sha256').update(`channel|${seed}`).digest('hex').slice(0, 32);
}

export function addChannel(state: SimulatorState, input: ChannelInput): SimChannel {
	const members = input.members.map((m) => {
		const user = state.findUser(m);
		if (!user) throw new Error(`addChannel: no user ${m}`);
		return user;
	});
	const id = input.id ?? randomUUID().replace(/-/g, '');
	const channel: SimChannel = {
		id,
		jid: `${id}@conference.xmpp.zoom.us`,
		name: input.name,
		type: input.type ?? 2,
		account_id: members[0].account_id,
		members: new Set(members.map((u) => u.id)),
		archived: input.archived ?? false,
		e2e: input.e2e ?? false,
	};
	chatStore(state).channels.set(id, channel);
	return channel;
}

export interface MessageInput {
	senderId: string;
	channelId?: string;
	/** The other user of a one-to-one chat (ID or email). */
	contact?: string;
	message: string;
	timestamp?: number;
	reply_main_message_id?: string;
}

/** Adds a message as if it had been sent (for seeds and tests). */
export function addChatMessage(state: SimulatorState, input: MessageInput): SimChatMessage {
	const sender = state.findUser(input.senderId);
	if (!sender) throw new Error(`addChatMessage: no user ${input.senderId}`);
	let pair: [string, string] | undefined;
	if (input.contact !== undefined) {
		const other = state.findUser(input.contact);
		if (!other) throw new Error(`addChatMessage: no user ${input.contact}`);
		pair = [sender.id, other.id].sort() as [string, string];
	}
	const message: SimChatMessage = {
		id: randomUUID(),
		account_id: sender.account_id,
		channelId: input.channelId,
		pair,
		senderId: sender.id,
		message: input.message,
		reply_main_message_id: input.reply_main_message_id,
		timestamp: input.timestamp ?? Date.now(),
		edited: false,
		deleted: false,
	};
	chatStore(state).messages.push(message);
	return message;
}

const CHANNEL_READ: EndpointScopes = {
	macro: [
		'chat_channel:read',
		'chat_channel:write',
		'chat_channel:read:admin',
		'chat_channel:write:admin',
	],
	granular: [
		'team_chat:read:list_user_channels',
		'team_chat:read:list_user_channels:admin',
		'team_chat:read:user_channel',
		'team_chat:read:user_channel:admin',
	],
};
const MESSAGE_READ: EndpointScopes = {
	macro: [
		'chat_message:read',
		'chat_message:write',
		'chat_message:read:admin',
		'chat_message:write:admin',
	],
	granular: ['team_chat:read:list_user_messages', 'team_chat:read:list_user_messages:admin'],
};
const MESSAGE_SEND: EndpointScopes = {
	macro: ['chat_message:write', 'chat_message:write:admin'],
	granular: ['team_chat:write:user_message', 'team_chat:write:user_message:admin'],
};
const MESSAGE_EDIT: EndpointScopes = {
	macro: ['chat_message:write', 'chat_message:write:admin'],
	granular: ['team_chat:update:user_message', 'team_chat:update:user_message:admin'],
};
const MESSAGE_DELETE: EndpointScopes = {
	macro: ['chat_message:write', 'chat_message:write:admin'],
	granular: ['team_chat:delete:user_message', 'team_chat:delete:user_message:admin'],
};
registerScopes(CHANNEL_READ, MESSAGE_READ, MESSAGE_SEND, MESSAGE_EDIT, MESSAGE_DELETE);

const CHANNEL_PAGES: PageSizes = { default: 10, max: 1000 };
const MESSAGE_PAGES: PageSizes = { default: 10, max: 50 };
const SIX_MONTHS_MS = 183 * 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const channelMissing = (id: string) => new ZoomApiError(404, 4130, `Channel does not exist: ${id}`);

function channelOf(ctx: ApiContext, user: ZoomUser, id: string): SimChannel {
	const channel = chatStore(ctx.state).channels.get(id);
	if (!channel || channel.account_id !== user.account_id || !channel.members.has(user.id))
		throw channelMissing(id);
	return channel;
}

function channelBody(channel: SimChannel) {
	return {
		id: channel.id,
		jid: channel.jid,
		name: channel.name,
		type: channel.type,
		channel_url: `https://zoom.us/launch/chat/v2/${Buffer.from(channel.jid).toString('base64url')}`,
		channel_settings: {
			add_member_permissions: 1,
			new_members_can_see_previous_messages_files: true,
			posting_permissions: 1,
			mention_all_permissions: 1,
			allow_to_add_external_users: 0,
		},
	};
}

function listChannels(ctx: ApiContext): ApiResult {
	const user = resolveUser(ctx, ctx.rawParams.userId);
	const page = ctx.pages.paginate(
		`channels|${user.id}`,
		ctx.query,
		{},
		() =>
			[...chatStore(ctx.state).channels.values()]
				.filter((c) => c.members.has(user.id))
				.sort((a, b) => a.name.localeCompare(b.name))
				.map(channelBody),
		CHANNEL_PAGES,
	);
	return {
		status: 200,
		body: {
			channels: page.items,
			next_page_token: page.nextPageToken,
			page_size: page.pageSize,
			total_records: page.totalRecords,
		},
	};
}

function getChannel(ctx: ApiContext): ApiResult {
	const user = resolveUser(ctx, ctx.rawParams.userId);
	const raw = ctx.rawParams.channelId;
	const channel = channelOf(ctx, user, decodeParam(raw) ?? raw);
	return { status: 200, body: channelBody(channel) };
}

/** The conversation a request names (to_channel or to_contact), as a message filter. */
function conversation(
	ctx: ApiContext,
	user: ZoomUser,
	source: { to_channel?: unknown; to_contact?: unknown },
): { key: string; channel?: SimChannel; pair?: [string, string]; contact?: ZoomUser } {
	if (typeof source.to_channel === 'string' && source.to_channel !== '') {
		const channel = channelOf(ctx, user, source.to_channel);
		return { key: `channel:${channel.id}`, channel };
	}
	if (typeof source.to_contact === 'string' && source.to_contact !== '') {
		const contact = ctx.state.findUser(source.to_contact, user.account_id);
		if (!contact) throw apiErrors.userNotFound(source.to_contact);
		const pair = [user.id, contact.id].sort() as [string, string];
		return { key: `contact:${pair.join('|')}`, pair, contact };
	}
	throw new ZoomApiError(400, 300, 'Must provide either contact or channel parameter.');
}

function inConversation(
	m: SimChatMessage,
	where: { channel?: SimChannel; pair?: [string, string] },
): boolean {
	if (where.channel) return m.channelId === where.channel.id;
	return m.pair !== undefined && m.pair[0] === where.pair![0] && m.pair[1] === where.pair![1];
}

function messageBody(ctx: ApiContext, m: SimChatMessage) {
	const sender = ctx.state.users.get(m.senderId);
	const main = m.reply_main_message_id
		? chatStore(ctx.state).messages.find((x) => x.id === m.reply_main_message_id)
		: undefined;
	return {
		id: m.id,
		message: m.message,
		message_type: 'plain_text_message',
		sender: sender?.email ?? '',
		sender_display_name: sender ? `${sender.first_name} ${sender.last_name}`.trim() : '',
		date_time: iso(m.timestamp),
		timestamp: m.timestamp,
		...(m.rich_text ? { rich_text: m.rich_text } : {}),
		...(m.at_items ? { at_items: m.at_items } : {}),
		...(m.reply_main_message_id
			? {
					reply_main_message_id: m.reply_main_message_id,
					reply_main_message_timestamp: main?.timestamp ?? m.timestamp,
				}
			: {}),
		...(m.deleted ? { status: 'Deleted' } : m.edited ? { status: 'Edited' } : {}),
	};
}

function listMessages(ctx: ApiContext): ApiResult {
	const user = resolveUser(ctx, ctx.rawParams.userId);
	const q = ctx.query;
	const where = conversation(ctx, user, {
		to_channel: q.get('to_channel') ?? undefined,
		to_contact: q.get('to_contact') ?? undefined,
	});
	const now = Date.now();
	const date = q.get('date');
	let fromMs: number;
	let toMs: number;
	if (date || !q.get('from')) {
		// `date` (default today) wins over from/to, as Zoom documents.
		const day = date ?? iso(now).slice(0, 10);
		fromMs = Date.parse(`${day}T00:00:00Z`);
		toMs = fromMs + 86_400_000 - 1;
	} else {
		// Zoom's times are whole seconds: `to` holds its whole second.
		fromMs = Date.parse(q.get('from')!);
		toMs = q.get('to') ? Date.parse(q.get('to')!) + 999 : now;
	}
	if (fromMs < now - SIX_MONTHS_MS)
		throw new ZoomApiError(400, 300, 'Only provide past chat messages in recent 6 months.');
	const includeChanged = q.get('include_deleted_and_edited_message') === 'true';
	const mainOnly = q.get('exclude_child_message') === 'true';
	const page = ctx.pages.paginate(
		`messages|${user.id}|${where.key}`,
		q,
		{
			from: String(fromMs),
			to: String(toMs),
			includeChanged: String(includeChanged),
			mainOnly: String(mainOnly),
		},
		(filters) =>
			chatStore(ctx.state)
				.messages.filter(
					(m) =>
						inConversation(m, where) &&
						m.timestamp >= Number(filters.from) &&
						m.timestamp <= Number(filters.to) &&
						(filters.includeChanged === 'true' || !m.deleted) &&
						(filters.mainOnly !== 'true' || !m.reply_main_message_id),
				)
				.sort((a, b) => b.timestamp - a.timestamp)
				.map((m) => messageBody(ctx, m)),
		MESSAGE_PAGES,
	);
	return {
		status: 200,
		body: {
			...(date || !q.get('from') ? { date: iso(fromMs).slice(0, 10) } : {}),
			...(q.get('from') && !date ? { from: iso(fromMs), to: iso(toMs) } : {}),
			messages: page.items,
			next_page_token: page.nextPageToken,
			page_size: page.pageSize,
		},
	};
}

/** Zoom's channel windows: refuse (429) a send beyond one, and block the channel for a while. */
function admitChannelSend(ctx: ApiContext, channel: SimChannel): void {
	const store = chatStore(ctx.state);
	const now = Date.now();
	const log = store.sendLog.get(channel.id) ?? { sentAt: [], blockedUntil: 0 };
	store.sendLog.set(channel.id, log);
	log.sentAt = log.sentAt.filter((t) => t > now - 1000 * 1000);
	const blocked = (until: number) => {
		store.blockedSends++;
		return new ZoomApiError(
			429,
			429,
			'Message sending for this channel is temporarily blocked. Try again later.',
			undefined,
			{ 'Retry-After': String(Math.ceil((until - now) / 1000)) },
		);
	};
	if (log.blockedUntil > now) throw blocked(log.blockedUntil);
	for (const window of CHANNEL_WINDOWS) {
		const inWindow = log.sentAt.filter((t) => t > now - window.seconds * 1000).length;
		if (inWindow >= window.max) {
			log.blockedUntil = now + window.blockSeconds * 1000;
			throw blocked(log.blockedUntil);
		}
	}
	log.sentAt.push(now);
}

function checkRanges(body: Record<string, unknown>, length: number): void {
	const bad = (field: string) =>
		apiErrors.validation([
			{ field, message: `Invalid ${field} position for a message of ${length} characters.` },
		]);
	for (const item of Array.isArray(body.rich_text) ? body.rich_text : []) {
		if (!isPlainObject(item)) throw bad('rich_text');
		const { start_position: start, end_position: end } = item as Record<string, number>;
		if (!(start >= 0 && end > start && end <= length)) throw bad('rich_text');
		if ((item.format_type === 'AddLink' || item.format_type === 'Paragraph') && !item.format_attr)
			throw bad('rich_text');
	}
	for (const item of Array.isArray(body.at_items) ? body.at_items : []) {
		if (!isPlainObject(item)) throw bad('at_items');
		const { start_position: start, end_position: end } = item as Record<string, number>;
		// The end is the mention's last character.
		if (!(start >= 0 && end >= start && end < length)) throw bad('at_items');
		if (item.at_type === 1 && typeof item.at_contact !== 'string') throw bad('at_items');
	}
}

function sendMessage(ctx: ApiContext): ApiResult {
	const user = resolveUser(ctx, ctx.rawParams.userId);
	const body = ctx.body;
	const where = conversation(ctx, user, body);
	if (where.channel?.archived)
		throw new ZoomApiError(400, 5420, 'Can not send message to an archived channel.');
	if (where.channel?.e2e)
		throw new ZoomApiError(400, 5419, 'Can not send message to an E2E channel.');
	const text = String(body.message ?? '');
	checkRanges(body, text.length);
	const reply =
		typeof body.reply_main_message_id === 'string' ? body.reply_main_message_id : undefined;
	if (reply !== undefined) {
		const main = chatStore(ctx.state).messages.find(
			(m) => m.id === reply && inConversation(m, where),
		);
		if (!main || main.reply_main_message_id)
			throw new ZoomApiError(400, 5402, 'This only supports replies to a main message.');
	}
	if (where.channel) admitChannelSend(ctx, where.channel);
	const stored = addChatMessage(ctx.state, {
		senderId: user.id,
		channelId: where.channel?.id,
		contact: where.contact?.id,
		message: text,
		reply_main_message_id: reply,
	});
	if (Array.isArray(body.rich_text)) stored.rich_text = body.rich_text;
	if (Array.isArray(body.at_items)) stored.at_items = body.at_items;
	return { status: 201, body: { id: stored.id } };
}

function ownMessage(ctx: ApiContext, source: { to_channel?: unknown; to_contact?: unknown }) {
	const user = resolveUser(ctx, ctx.rawParams.userId);
	const where = conversation(ctx, user, source);
	const id = decodeParam(ctx.rawParams.messageId) ?? ctx.rawParams.messageId;
	const message = chatStore(ctx.state).messages.find(
		(m) => m.id === id && !m.deleted && inConversation(m, where),
	);
	if (!message) throw new ZoomApiError(400, 300, `Message does not exist: ${id}.`);
	if (message.senderId !== user.id)
		throw new ZoomApiError(400, 200, 'Only the sender of this message can make updates.');
	return message;
}

function editMessage(ctx: ApiContext): ApiResult {
	const message = ownMessage(ctx, ctx.body);
	if (typeof ctx.body.message === 'string') {
		message.message = ctx.body.message;
		// Zoom's edit takes no rich text: the old formatting no longer fits the text.
		delete message.rich_text;
		delete message.at_items;
	}
	message.edited = true;
	return { status: 204 };
}

function deleteMessage(ctx: ApiContext): ApiResult {
	const message = ownMessage(ctx, {
		to_channel: ctx.query.get('to_channel') ?? undefined,
		to_contact: ctx.query.get('to_contact') ?? undefined,
	});
	message.deleted = true;
	return { status: 204 };
}

export const chatRoutes: RouteDef[] = [
	{
		method: 'GET',
		template: '/chat/users/{userId}/channels',
		category: 'medium',
		scopes: CHANNEL_READ,
		handler: listChannels,
	},
	{
		method: 'GET',
		template: '/chat/users/{userId}/channels/{channelId}',
		category: 'medium',
		scopes: CHANNEL_READ,
		handler: getChannel,
	},
	{
		method: 'GET',
		template: '/chat/users/{userId}/messages',
		category: 'medium',
		scopes: MESSAGE_READ,
		handler: listMessages,
	},
	{
		method: 'POST',
		template: '/chat/users/{userId}/messages',
		category: 'medium',
		scopes: MESSAGE_SEND,
		handler: sendMessage,
	},
	{
		method: 'PUT',
		template: '/chat/users/{userId}/messages/{messageId}',
		category: 'medium',
		scopes: MESSAGE_EDIT,
		handler: editMessage,
	},
	{
		method: 'DELETE',
		template: '/chat/users/{userId}/messages/{messageId}',
		category: 'medium',
		scopes: MESSAGE_DELETE,
		handler: deleteMessage,
	},
];
