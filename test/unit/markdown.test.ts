import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';

import { markdownToPlainText } from '../../nodes/core/zoom/markdown';
import {
	markdownToChatMessage,
	splitChatMessage,
	zoomMessageBody,
	type ChatMessage,
} from '../../nodes/ZoomWorkplace/helpers/markdown';

/** The summary_content example of Zoom's Meetings spec (2026-03-10): what AI Companion writes. */
function zoomExample(): string {
	const spec = JSON.parse(
		readFileSync(
			resolve(__dirname, '../simulator/spec/zoom-meeting-api-2026-03-10.openapi.json'),
			'utf8',
		),
	) as {
		paths: Record<string, { get: { responses: Record<string, unknown> } }>;
	};
	const response = spec.paths['/meetings/{meetingId}/meeting_summary'].get.responses['200'] as {
		content: Record<string, { schema: { properties: Record<string, { example: string }> } }>;
	};
	return response.content['application/json'].schema.properties.summary_content.example;
}

describe('markdownToPlainText', () => {
	test("Zoom's own summary example: no markup left, headings, nested bullets by level", () => {
		const text = markdownToPlainText(zoomExample());
		assert.doesNotMatch(text, /[#*]|\*\*/);
		assert.match(text, /^Key takeaways\n• Mobile app performance issues/);
		// 4-space (Details) and 2-space (Action items) nesting both read as one level down.
		assert.match(text, /\n• Details\n {2}• Sarah \(Product\): Reports of app crashes/);
		assert.match(text, /\n• Sarah\n {2}• Prepare performance monitoring implementation plan/);
		assert.match(text, /\n\nChallenges\n• Resource constraints/);
		assert.doesNotMatch(text, /\n\n\n/);
	});

	test('inline markup: emphasis, strike, code, links, images, autolinks, escapes', () => {
		assert.equal(
			markdownToPlainText(
				'**Bold** and __bold__, *it* and _it_, ~~gone~~, `x = 1`, [site](https://example.com), ![logo](https://example.com/l.png), <https://zoom.us>, \\*literal\\*',
			),
			'Bold and bold, it and it, gone, x = 1, site (https://example.com), logo, https://zoom.us, *literal*',
		);
	});

	test('underscores inside words and lone asterisks stay', () => {
		assert.equal(markdownToPlainText('my_var_name is 2 * 3 * 4'), 'my_var_name is 2 * 3 * 4');
	});

	test('numbered items keep their numbers; quotes, rules, tables and code fences', () => {
		assert.equal(
			markdownToPlainText(
				'1. First\n2. Second\n   - detail\n\n> Quoted\n\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n```\nraw **code**\n```',
			),
			'1. First\n2. Second\n  • detail\n\nQuoted\n\na | b\n1 | 2\nraw **code**',
		);
	});

	test('Windows line ends, <br>, empty input', () => {
		assert.equal(markdownToPlainText('# Title\r\n\r\n\r\nText<br>more'), 'Title\n\nText\nmore');
		assert.equal(markdownToPlainText(''), '');
	});
});

describe('markdownToChatMessage: Zoom rich_text and at_items', () => {
	test('headings, bullets, numbered items, quotes, emphasis and links become ranges of the text', () => {
		const message = markdownToChatMessage(
			'## Notes\n- **Budget** approved\n  - by [Ada](https://example.com/ada)\n1. Ship\n> Careful',
		);
		assert.equal(message.text, 'Notes\nBudget approved\n◦ by Ada\nShip\nCareful');
		const at = (text: string) => {
			const start = message.text.indexOf(text);
			return { start, end: start + text.length };
		};
		assert.deepEqual(message.formats, [
			{ ...at('Notes'), format: 'Paragraph', attr: 'h2' },
			{ ...at('Budget'), format: 'Bold' },
			{ ...at('Budget approved'), format: 'BulletedList' },
			{ ...at('Ada'), format: 'AddLink', attr: 'https://example.com/ada' },
			{ ...at('◦ by Ada'), format: 'LeftIndent', attr: '24' },
			{ ...at('Ship'), format: 'NumberedList' },
			{ ...at('Careful'), format: 'Quote' },
		]);
	});

	test('mentions: @all and @[Name](email) in the text, at_items with inclusive ends', () => {
		const message = markdownToChatMessage('Hi @all, ask @[Jill Hill](jill@example.com).');
		assert.equal(message.text, 'Hi @all, ask @Jill Hill.');
		const body = zoomMessageBody(message);
		assert.deepEqual(body.at_items, [
			{ at_type: 2, start_position: 3, end_position: 6 },
			{ at_type: 1, at_contact: 'jill@example.com', start_position: 13, end_position: 22 },
		]);
		assert.equal(message.text.slice(13, 23), '@Jill Hill');
		// An email address is no @all mention.
		assert.deepEqual(markdownToChatMessage('mail x@allianz.com').mentions, []);
	});

	test('mentions off (a contact, not a channel): the names stay, no at_items', () => {
		const message = markdownToChatMessage('ask @[Jill](jill@example.com)', { mentions: false });
		assert.equal(message.text, 'ask @Jill');
		assert.equal(zoomMessageBody(message).at_items, undefined);
	});

	test('rich_text ends are exclusive (Zoom: bolding "H" of "Hello" is 0 to 1)', () => {
		assert.deepEqual(zoomMessageBody(markdownToChatMessage('**H**ello')), {
			message: 'Hello',
			rich_text: [{ start_position: 0, end_position: 1, format_type: 'Bold' }],
		});
	});
});

describe('splitChatMessage: at most 1024 characters per message', () => {
	test("Zoom's summary example splits at paragraph ends; the parts hold all the text", () => {
		const message = markdownToChatMessage(zoomExample());
		assert.ok(message.text.length > 1024);
		const parts = splitChatMessage(message, 1024);
		assert.ok(parts.length >= 2);
		for (const part of parts) {
			assert.ok(part.text.length <= 1024, `${part.text.length}`);
			assert.equal(part.text, part.text.trim());
			for (const range of [...part.formats, ...part.mentions]) {
				assert.ok(range.start >= 0 && range.end <= part.text.length && range.start < range.end);
			}
		}
		assert.equal(
			parts
				.map((p) => p.text)
				.join('\n')
				.replace(/\n+/g, '\n'),
			message.text.replace(/\n+/g, '\n'),
		);
		// A heading keeps its format in the part it lands in.
		const challenges = parts.find((p) => p.text.includes('Challenges'))!;
		const start = challenges.text.indexOf('Challenges');
		assert.ok(
			challenges.formats.some(
				(f) => f.format === 'Paragraph' && f.start === start && f.end === start + 10,
			),
		);
	});

	test('a range cut in two is kept on both sides; a mention moves whole', () => {
		const text = `${'a'.repeat(8)} ${'b'.repeat(8)}`;
		const bold: ChatMessage = {
			text,
			formats: [{ start: 0, end: 17, format: 'Bold' }],
			mentions: [],
		};
		const parts = splitChatMessage(bold, 10);
		assert.deepEqual(
			parts.map((p) => [p.text, p.formats]),
			[
				['aaaaaaaa', [{ start: 0, end: 8, format: 'Bold' }]],
				['bbbbbbbb', [{ start: 0, end: 8, format: 'Bold' }]],
			],
		);
		const mention: ChatMessage = {
			text: 'xxxxxxx@Jill yes',
			formats: [],
			mentions: [{ start: 7, end: 12, contact: 'j@x.com' }],
		};
		const moved = splitChatMessage(mention, 10);
		assert.deepEqual(moved[1].mentions, [{ start: 0, end: 5, contact: 'j@x.com' }]);
		assert.equal(moved[1].text.slice(0, 5), '@Jill');
	});

	test('without a break the text is cut hard, never inside a surrogate pair', () => {
		const parts = splitChatMessage({ text: `${'x'.repeat(9)}😀yz`, formats: [], mentions: [] }, 10);
		assert.deepEqual(
			parts.map((p) => p.text),
			['xxxxxxxxx', '😀yz'],
		);
	});
});
