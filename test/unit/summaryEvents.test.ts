import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';

import { EVENT_OPTIONS, KNOWN_EVENTS } from '../../nodes/ZoomWorkplaceTrigger/events';
import {
	SUMMARY_EVENTS,
	summaryContentMissing,
	summaryMeetingUuid,
} from '../../nodes/ZoomWorkplaceTrigger/summaryEvents';

function webhookEvents(file: string): Set<string> {
	const spec = JSON.parse(readFileSync(resolve(__dirname, '../simulator/spec', file), 'utf8')) as {
		webhooks: Record<string, unknown>;
	};
	return new Set(Object.keys(spec.webhooks));
}

describe('summary and Team Chat events of the trigger', () => {
	test("every summary and Team Chat event offered is one of Zoom's webhook specs", () => {
		const meetings = webhookEvents('zoom-meeting-webhooks-2026-03-10.openapi.json');
		const chat = webhookEvents('zoom-team-chat-webhooks-2026-03-10.openapi.json');
		for (const event of SUMMARY_EVENTS) {
			assert.ok(meetings.has(event), `${event} is not in the Meetings webhook spec`);
			assert.ok(KNOWN_EVENTS.includes(event), `${event} is not offered`);
		}
		const offered = EVENT_OPTIONS.filter((o) => String(o.name).startsWith('Team Chat:'));
		assert.ok(offered.length >= 20);
		for (const option of offered)
			assert.ok(
				chat.has(String(option.value)),
				`${String(option.value)} is not in the Team Chat webhook spec`,
			);
		for (const event of [
			'chat_message.sent',
			'chat_channel.created',
			'team_chat.channel_message_posted',
		])
			assert.ok(KNOWN_EVENTS.includes(event), event);
	});

	test('summaryContentMissing: a completed or updated summary without its Markdown', () => {
		const body = (event: string, object: Record<string, unknown>) => ({
			event,
			event_ts: 1,
			payload: { account_id: 'a', object },
		});
		const uuid = { meeting_uuid: 'aDYlohsHRtCd4ii1uC2+hA==' };
		assert.equal(summaryContentMissing(body('meeting.summary_completed', uuid)), true);
		assert.equal(
			summaryContentMissing(body('meeting.summary_completed', { ...uuid, summary_content: ' ' })),
			true,
		);
		assert.equal(
			summaryContentMissing(
				body('meeting.summary_updated', { ...uuid, summary_content: '## Notes' }),
			),
			false,
		);
		// Other events, and a body with no UUID to fetch by, need nothing.
		assert.equal(summaryContentMissing(body('meeting.summary_trashed', uuid)), false);
		assert.equal(summaryContentMissing(body('meeting.ended', uuid)), false);
		assert.equal(summaryContentMissing(body('meeting.summary_completed', {})), false);
		assert.equal(summaryContentMissing(null), false);
		assert.equal(summaryMeetingUuid(body('meeting.summary_shared', uuid)), uuid.meeting_uuid);
	});
});
