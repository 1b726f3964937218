import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { EVENT_OPTIONS, KNOWN_EVENTS } from '../../nodes/ZoomWorkplaceTrigger/events';
import { buildWorkflowData, type PipelineContext } from '../../nodes/ZoomWorkplaceTrigger/pipeline';
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

describe('Include Full Summary: what the item gets', () => {
	const UUID = '/aDYlohsHRtCd4ii1uC2+hA==';
	const event = (object: Record<string, unknown>, name = 'meeting.summary_completed') => ({
		event: name,
		event_ts: 1764572400000,
		payload: {
			account_id: 'acc',
			object: { meeting_uuid: UUID, meeting_topic: 'Weekly', summary_title: 'Weekly', ...object },
		},
	});
	const settings = (includeSummary: boolean) => ({
		selected: ['*'],
		options: { includeSummary },
	});
	const ctx = {} as PipelineContext;
	async function item(
		body: ReturnType<typeof event>,
		include: boolean,
		fetchSummary?: (uuid: string) => Promise<IDataObject>,
	): Promise<IDataObject> {
		return (await buildWorkflowData(ctx, body, settings(include), { fetchSummary }))[0][0].json;
	}

	test('an event with summary_content: that summary and its plain text, nothing fetched', async () => {
		const fetched: string[] = [];
		const json = await item(
			event({ summary_content: '## Key takeaways\n- **Ship** it' }),
			true,
			async (uuid) => {
				fetched.push(uuid);
				return {};
			},
		);
		assert.deepEqual(fetched, []);
		assert.equal(json.summaryText, 'Key takeaways\n• Ship it');
		assert.equal((json.summary as IDataObject).meeting_uuid, UUID);
	});

	test('an event without it: the summary is fetched by the meeting UUID', async () => {
		const fetched: string[] = [];
		const json = await item(event({}), true, async (uuid) => {
			fetched.push(uuid);
			return { meeting_uuid: uuid, summary_content: '# Notes\nAll [done](https://zoom.us/x)' };
		});
		assert.deepEqual(fetched, [UUID]);
		assert.equal(json.summaryText, 'Notes\nAll done (https://zoom.us/x)');
		assert.equal(
			(json.summary as IDataObject).summary_content,
			'# Notes\nAll [done](https://zoom.us/x)',
		);
		assert.equal(json.summaryFetchError, undefined);
		assert.equal(json.event, 'meeting.summary_completed', 'the event item is still all there');
	});

	test('a fetch that fails: the item still comes, with the error named', async () => {
		const json = await item(event({ summary_overview: 'We met.' }), true, async () => {
			throw Object.assign(new Error('Zoom error 3001: Meeting does not exist'), {
				httpCode: '404',
				description: 'No meeting has this ID',
			});
		});
		assert.deepEqual(json.summaryFetchError, {
			message: 'Zoom error 3001: Meeting does not exist',
			description: 'No meeting has this ID',
			httpCode: '404',
		});
		assert.equal(json.summary, undefined);
		assert.equal(json.summaryText, 'Weekly\n\nWe met.', "what the event's older fields say");
		assert.equal(json.event, 'meeting.summary_completed');
	});

	test('no way to fetch (Connection Webhook): the error says what to do instead', async () => {
		const json = await item(event({}), true);
		assert.match(String((json.summaryFetchError as IDataObject).message), /Meeting Summary → Get/);
	});

	test('option off, or another summary event: nothing added, nothing fetched', async () => {
		const fetch = async (): Promise<IDataObject> => {
			throw new Error('must not fetch');
		};
		for (const json of [
			await item(event({}), false, fetch),
			await item(event({}, 'meeting.summary_trashed'), true, fetch),
		]) {
			assert.equal(json.summary, undefined);
			assert.equal(json.summaryText, undefined);
			assert.equal(json.summaryFetchError, undefined);
		}
	});
});
