import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	chatMessageOf,
	partsToSend,
	replyTarget,
} from '../../nodes/ZoomWorkplace/actions/chatMessage/send.operation';

describe('Chat Message → Send decisions', () => {
	const channel = { kind: 'channel', id: 'c1' } as const;
	const contact = { kind: 'contact', id: 'jill@example.com' } as const;

	test('Markdown is read; mentions only in channels; Plain Text is sent as typed', () => {
		assert.equal(chatMessageOf('**Hi** @all', 'markdown', channel).mentions.length, 1);
		assert.equal(chatMessageOf('**Hi** @all', 'markdown', contact).mentions.length, 0);
		assert.deepEqual(chatMessageOf('**Hi** @all', 'plain', channel), {
			text: '**Hi** @all',
			formats: [],
			mentions: [],
		});
	});

	test('one part up to 1024 characters; longer: parts, or none with "fail"', () => {
		const short = chatMessageOf('x'.repeat(1024), 'plain', channel);
		assert.deepEqual(partsToSend(short, 'fail'), [short]);
		const long = chatMessageOf(`${'a'.repeat(1000)} ${'b'.repeat(100)}`, 'plain', channel);
		assert.equal(partsToSend(long, 'fail'), undefined);
		assert.deepEqual(
			partsToSend(long, 'thread')!.map((p) => p.text.length),
			[1000, 100],
		);
	});

	test('replies: the given thread for every part, else the first part for threaded long messages', () => {
		assert.equal(replyTarget(0, undefined, 'thread', undefined), undefined);
		assert.equal(replyTarget(1, undefined, 'thread', 'first'), 'first');
		assert.equal(replyTarget(1, undefined, 'split', 'first'), undefined);
		assert.equal(replyTarget(0, 'main', 'thread', undefined), 'main');
		assert.equal(replyTarget(2, 'main', 'split', 'first'), 'main');
	});
});
