import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { hintFor } from '../../nodes/core/transport/errors';
import { summaryPlainText } from '../../nodes/core/zoom/summaryText';
import { instantOf } from '../../nodes/ZoomWorkplace/helpers/time';

describe('summaryPlainText', () => {
	test('summary_content (Markdown) is the text, without markup', () => {
		assert.equal(
			summaryPlainText({
				summary_content: '## Key takeaways\n- **Ship** it',
				summary_overview: 'ignored when summary_content is there',
			}),
			'Key takeaways\n• Ship it',
		);
	});

	test('without summary_content: title, overview, details and next steps (edited ones first)', () => {
		assert.equal(
			summaryPlainText({
				summary_title: 'Meeting summary for Sync',
				summary_overview: 'We met.',
				summary_details: [{ label: 'Budget', summary: 'Approved.' }],
				next_steps: ['Book the venue', ' '],
			}),
			'Meeting summary for Sync\n\nWe met.\n\nBudget\nApproved.\n\nNext steps\n• Book the venue',
		);
		assert.equal(
			summaryPlainText({
				summary_overview: 'Original',
				next_steps: ['old'],
				edited_summary: {
					summary_overview: 'Edited',
					summary_details: 'Details',
					next_steps: ['new'],
				},
			}),
			'Edited\n\nDetails\n\nNext steps\n• new',
		);
		assert.equal(summaryPlainText({}), '');
	});
});

describe('instantOf: From/To of date-time ranges', () => {
	test("without an offset: the workflow's time zone (DST aware); with one: as it is", () => {
		assert.equal(
			instantOf('2026-07-01T09:00:00', 'Europe/Berlin'),
			Date.parse('2026-07-01T07:00:00Z'),
		);
		assert.equal(
			instantOf('2026-01-01T09:00:00', 'Europe/Berlin'),
			Date.parse('2026-01-01T08:00:00Z'),
		);
		assert.equal(instantOf('2026-01-01T09:00:00+02:00', 'UTC'), Date.parse('2026-01-01T07:00:00Z'));
		assert.equal(
			instantOf(new Date('2026-01-01T00:00:00Z'), 'UTC'),
			Date.parse('2026-01-01T00:00:00Z'),
		);
	});

	test('a date alone: its start, or for a To its last second', () => {
		assert.equal(instantOf('2026-03-31', 'UTC'), Date.parse('2026-03-31T00:00:00Z'));
		assert.equal(
			instantOf('2026-03-31', 'UTC', { endOfDay: true }),
			Date.parse('2026-03-31T23:59:59Z'),
		);
	});

	test('no date: undefined', () => {
		assert.equal(instantOf('yesterday', 'UTC'), undefined);
		assert.equal(instantOf('2026-02-30', 'UTC'), undefined);
	});
});

describe('hints for summary and chat errors', () => {
	const summary = (status: number, code: number, message: string) =>
		hintFor(status, code, message, 'getMeetingSummary') ?? '';
	test('summaries: plan, setting off, email only, IP, trash, none yet', () => {
		assert.match(summary(400, 200, 'Only available for Paid account.'), /Pro or higher/);
		assert.match(
			summary(400, 3000, 'Meeting summary disabled.'),
			/Meeting Summary with AI Companion/,
		);
		assert.match(
			summary(403, 2305, 'Access to meeting summaries is restricted by account settings.'),
			/Only share meeting summaries by email/,
		);
		assert.match(
			summary(
				403,
				2305,
				'Access to meeting summaries is restricted to specific IP address ranges.',
			),
			/IP address access control/,
		);
		assert.match(summary(403, 2305, 'The meeting summary has been moved to Trash'), /trash/);
		assert.match(summary(404, 3001, 'Meeting does not exist: x.'), /end-to-end encrypted/);
		// The same 3001 elsewhere keeps the meeting hint.
		assert.match(hintFor(404, 3001, 'Meeting does not exist') ?? '', /Meeting field/);
	});

	test('chat: channel, contact, sender, archived, E2E', () => {
		const chat = (status: number, code: number, message: string) =>
			hintFor(status, code, message, 'sendChatMessage') ?? '';
		assert.match(chat(404, 4130, 'Channel does not exist: c1'), /member/);
		assert.match(chat(404, 1001, 'User does not exist: a@b.c'), /contact/);
		assert.match(chat(400, 200, 'Only the sender of this message can make updates.'), /sender/);
		assert.match(chat(400, 5420, 'Can not send message to an archived channel.'), /archived/);
		assert.match(chat(400, 5419, 'Can not send message to an E2E channel.'), /end-to-end/);
		assert.match(
			hintFor(
				400,
				300,
				'Only provide past chat messages in recent 6 months.',
				'listChatMessages',
			) ?? '',
			/six months/,
		);
	});
});
