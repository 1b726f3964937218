import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import {
	addChannel,
	addChatMessage,
	chatStore,
	OWNER_ID,
	type SimChannel,
	type SimChatMessage,
} from '../simulator';
import { rl, startSetup, type Setup } from './recordings/setup';

/* Chat Channel and Chat Message operations through real n8n-core against the Zoom simulator. */

const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('chat channel and chat message operations (n8n-core + Zoom simulator)', () => {
	let setup: Setup;
	let notes: SimChannel;
	let general: SimChannel;
	let jill: { id: string; email: string };

	before(async () => {
		setup = await startSetup();
		const state = setup.sim.state;
		jill = state.addUser({ email: 'jill@example.com', first_name: 'Jill', last_name: 'Hill' });
		notes = addChannel(state, { name: 'Meeting notes', members: [OWNER_ID, jill.id] });
		general = addChannel(state, { name: 'General', type: 3, members: [OWNER_ID, jill.id] });
		addChannel(state, { name: "Jill's own", members: [jill.id] });
	});

	after(async () => await setup?.close());
	beforeEach(() => {
		setup.requests.length = 0;
	});

	const stored = (channel: SimChannel) =>
		chatStore(setup.sim.state).messages.filter((m) => m.channelId === channel.id);

	for (const index of [0, 1, 2]) {
		const kind = ['Server-to-Server OAuth', 'OAuth2', 'Access Token'][index];
		describe(`with ${kind}`, () => {
			test("Chat Channel Get Many and Get: the user's channels only", async () => {
				const credential = setup.credentials[index];
				const listed = await setup.run(
					'chatChannel',
					'getAll',
					{ userId: rl('me'), returnAll: true },
					{ credential },
				);
				assert.equal(listed.error, undefined, listed.error?.message);
				assert.deepEqual(listed.items.map((i) => i.json.name).sort(), ['General', 'Meeting notes']);
				// Zoom pages channels by up to 1000.
				assert.equal(setup.requests[0].query.get('page_size'), '1000');
				const one = await setup.run(
					'chatChannel',
					'get',
					{ userId: rl('me'), channelId: rl(notes.id, 'list') },
					{ credential },
				);
				assert.equal(one.error, undefined, one.error?.message);
				assert.equal(one.items[0].json.id, notes.id);
				assert.equal(one.items[0].json.name, 'Meeting notes');
			});

			test('Send Markdown to a channel: rich text, a mention, a reply in its thread', async () => {
				const credential = setup.credentials[index];
				const sent = await setup.run(
					'chatMessage',
					'send',
					{
						userId: rl('me'),
						to: 'channel',
						channelId: rl(notes.id),
						message: `## Notes (${kind})\n- **Budget** approved, thanks @[Jill](jill@example.com)`,
					},
					{ credential },
				);
				assert.equal(sent.error, undefined, sent.error?.message);
				const id = sent.items[0].json.id as string;
				const message = stored(notes).find((m) => m.id === id)!;
				assert.equal(message.message, `Notes (${kind})\nBudget approved, thanks @Jill`);
				assert.equal(message.senderId, OWNER_ID);
				assert.deepEqual(
					(message.rich_text as IDataObject[]).map((r) => r.format_type),
					['Paragraph', 'Bold', 'BulletedList'],
				);
				assert.deepEqual(message.at_items, [
					{
						at_type: 1,
						at_contact: 'jill@example.com',
						start_position: message.message.indexOf('@Jill'),
						end_position: message.message.indexOf('@Jill') + 4,
					},
				]);
				const reply = await setup.run(
					'chatMessage',
					'send',
					{
						userId: rl('me'),
						to: 'channel',
						channelId: rl(notes.id),
						message: 'A reply',
						options: { replyTo: id, messageFormat: 'plain' },
					},
					{ credential },
				);
				assert.equal(reply.error, undefined, reply.error?.message);
				const replied = stored(notes).find((m) => m.id === reply.items[0].json.id)!;
				assert.equal(replied.reply_main_message_id, id);
			});

			test('Send to a contact, Get Many of that chat, Update, Delete', async () => {
				const credential = setup.credentials[index];
				const target = { to: 'contact', contactEmail: 'jill@example.com' };
				const sent = await setup.run(
					'chatMessage',
					'send',
					{ userId: rl('me'), ...target, message: `Hello Jill via ${kind}` },
					{ credential },
				);
				assert.equal(sent.error, undefined, sent.error?.message);
				const id = sent.items[0].json.id as string;
				assert.equal(sent.items[0].json.to_contact, 'jill@example.com');

				const listed = await setup.run(
					'chatMessage',
					'getAll',
					{ userId: rl('me'), ...target, from: iso(Date.now() - HOUR), returnAll: true },
					{ credential },
				);
				assert.equal(listed.error, undefined, listed.error?.message);
				assert.ok(
					listed.items.some((i) => i.json.id === id && i.json.message === `Hello Jill via ${kind}`),
				);

				const updated = await setup.run(
					'chatMessage',
					'update',
					{ userId: rl('me'), messageId: id, ...target, message: '**Hi** again' },
					{ credential },
				);
				assert.equal(updated.error, undefined, updated.error?.message);
				const message = chatStore(setup.sim.state).messages.find((m) => m.id === id)!;
				// Zoom's edit takes plain text: the Markdown is read, its markup dropped.
				assert.equal(message.message, 'Hi again');
				assert.equal(message.edited, true);

				const deleted = await setup.run(
					'chatMessage',
					'delete',
					{ userId: rl('me'), messageId: id, ...target },
					{ credential },
				);
				assert.equal(deleted.error, undefined, deleted.error?.message);
				assert.deepEqual(deleted.items[0].json, {
					id,
					to_contact: 'jill@example.com',
					deleted: true,
				});
				assert.equal(message.deleted, true);
			});
		});
	}

	test('a message over 1024 characters goes in parts: the rest in the thread of the first', async () => {
		const paragraph = (n: number) => `Paragraph ${n}: ${'word '.repeat(80).trim()}.`;
		const text = Array.from({ length: 5 }, (_, i) => paragraph(i + 1)).join('\n\n');
		const sent = await setup.run('chatMessage', 'send', {
			userId: rl('me'),
			to: 'channel',
			channelId: rl(general.id),
			message: text,
		});
		assert.equal(sent.error, undefined, sent.error?.message);
		const parts = sent.items[0].json.parts as Array<{ id: string; message: string }>;
		assert.ok(parts.length >= 2);
		const messages = parts.map((p) => stored(general).find((m) => m.id === p.id)!);
		assert.equal(messages[0].reply_main_message_id, undefined);
		for (const m of messages.slice(1)) assert.equal(m.reply_main_message_id, parts[0].id);
		for (const m of messages) assert.ok(m.message.length <= 1024);
		assert.equal(messages.map((m) => m.message).join('\n\n'), text);

		const refused = await setup.run('chatMessage', 'send', {
			userId: rl('me'),
			to: 'channel',
			channelId: rl(general.id),
			message: text,
			options: { longMessages: 'fail' },
		});
		assert.match(refused.error?.message ?? '', /Zoom takes at most 1024/);
	});

	test("many sends to one channel stay inside Zoom's channel windows (no block, none lost)", async () => {
		const channel = addChannel(setup.sim.state, { name: 'Bulk', members: [OWNER_ID] });
		const before = chatStore(setup.sim.state).blockedSends;
		const result = await setup.run(
			'chatMessage',
			'send',
			{
				userId: rl('me'),
				to: 'channel',
				channelId: rl(channel.id),
				message: '={{ "Item " + $json.n }}',
			},
			{ inputItems: Array.from({ length: 14 }, (_, n) => ({ n })) },
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(chatStore(setup.sim.state).blockedSends, before, 'a channel window was exceeded');
		assert.deepEqual(
			stored(channel)
				.map((m) => m.message)
				.sort(),
			Array.from({ length: 14 }, (_, n) => `Item ${n}`).sort(),
		);
	});

	test('an answer lost after Zoom stored the message: found, not sent twice', async () => {
		const channel = addChannel(setup.sim.state, { name: 'Flaky', members: [OWNER_ID] });
		setup.sim.injectFault({
			method: 'POST',
			path: '/v2/chat/users/me/messages',
			kind: 'reset-after',
		});
		const result = await setup.run('chatMessage', 'send', {
			userId: rl('me'),
			to: 'channel',
			channelId: rl(channel.id),
			message: 'Exactly once',
		});
		assert.equal(result.error, undefined, result.error?.message);
		const messages: SimChatMessage[] = stored(channel);
		assert.equal(messages.length, 1);
		assert.equal(result.items[0].json.id, messages[0].id);
	});

	describe('errors name the cause', () => {
		test('a channel the user is not in (404/4130)', async () => {
			const result = await setup.run('chatMessage', 'send', {
				userId: rl('me'),
				to: 'channel',
				channelId: rl('0123456789abcdef0123456789abcdef'),
				message: 'Hello',
			});
			assert.match(result.error?.message ?? '', /4130/);
			assert.match(String((result.error as { description?: string }).description), /member/);
		});

		test('an archived channel (400/5420)', async () => {
			const archived = addChannel(setup.sim.state, {
				name: 'Old',
				members: [OWNER_ID],
				archived: true,
			});
			const result = await setup.run('chatMessage', 'send', {
				userId: rl('me'),
				to: 'channel',
				channelId: rl(archived.id),
				message: 'Hello',
			});
			assert.match(result.error?.message ?? '', /5420/);
			assert.match(String((result.error as { description?: string }).description), /archived/);
		});

		test("someone else's message cannot be edited (400/200)", async () => {
			const theirs = addChatMessage(setup.sim.state, {
				senderId: jill.id,
				channelId: notes.id,
				message: 'Mine',
			});
			const result = await setup.run('chatMessage', 'update', {
				userId: rl('me'),
				messageId: theirs.id,
				to: 'channel',
				channelId: rl(notes.id),
				message: 'Changed',
			});
			assert.match(result.error?.message ?? '', /Only the sender/);
			assert.equal(theirs.message, 'Mine');
		});

		test('an empty message is refused by name, nothing sent', async () => {
			const result = await setup.run('chatMessage', 'send', {
				userId: rl('me'),
				to: 'channel',
				channelId: rl(notes.id),
				message: '  ',
			});
			assert.match(result.error?.message ?? '', /Invalid "Message" in item 0/);
			assert.equal(setup.requests.length, 0);
		});
	});
});
