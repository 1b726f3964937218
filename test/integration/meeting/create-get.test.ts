import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { OWNER_ID, type ZoomSimulator } from '../../simulator';
import { meetingSuite, rl, type RecordingProxy } from './suite';

describe('meeting operations (n8n-core + Zoom simulator)', () => {
	const suite = meetingSuite();
	const { run, onlyItem, sent, futureMeeting } = suite;
	let sim: ZoomSimulator;
	let proxy: RecordingProxy;
	before(() => ({ sim, proxy } = suite));

	describe('create', () => {
		test('a weekly recurring meeting with settings, false values included', async () => {
			const result = await run('create', {
				userId: rl('me'),
				topic: 'Weekly sync',
				additionalFields: {
					type: 8,
					startTime: '2030-01-07T10:00:00',
					timezone: 'Europe/Berlin',
					duration: 45,
					agenda: 'Plan the week',
					password: 'abc123',
					settings: {
						hostVideo: false,
						participantVideo: false,
						joinBeforeHost: false,
						jbhTime: 0,
						muteUponEntry: true,
						waitingRoom: false,
						meetingAuthentication: false,
						autoRecording: 'none',
					},
					recurrence: {
						recurrenceValues: { type: 2, repeatInterval: 1, weeklyDays: [4, 2], endTimes: 4 },
					},
				},
			});
			const meeting = onlyItem(result).json;
			assert.equal(meeting.topic, 'Weekly sync');
			assert.equal(meeting.type, 8);
			assert.equal(meeting.timezone, 'Europe/Berlin');
			assert.equal(meeting.duration, 45);
			assert.equal(meeting.agenda, 'Plan the week');
			assert.equal(meeting.password, 'abc123');
			// 10:00 in Berlin in January is 09:00 UTC; 2030-01-07 is a Monday (weekly day 2).
			assert.equal(meeting.start_time, '2030-01-07T09:00:00Z');
			assert.deepEqual(meeting.recurrence, {
				type: 2,
				repeat_interval: 1,
				weekly_days: '2,4',
				end_times: 4,
			});
			assert.equal((meeting.occurrences as IDataObject[]).length, 4);
			const settings = meeting.settings as IDataObject;
			assert.equal(settings.mute_upon_entry, true);
			assert.equal(settings.waiting_room, false);

			const [post] = sent('POST', '/users/me/meetings');
			assert.ok(post, 'POST /users/me/meetings sent');
			const body = post.body as IDataObject;
			assert.equal(body.start_time, '2030-01-07T10:00:00');
			assert.equal(body.timezone, 'Europe/Berlin');
			assert.deepEqual(body.settings, {
				host_video: false,
				participant_video: false,
				join_before_host: false,
				jbh_time: 0,
				mute_upon_entry: true,
				waiting_room: false,
				meeting_authentication: false,
				auto_recording: 'none',
			});
			const stored = sim.state.meetings.get(meeting.id as number);
			assert.ok(stored, 'meeting exists in Zoom');
			assert.equal(stored.host_id, OWNER_ID);
			assert.equal(stored.settings.mute_upon_entry, true);
		});
	});

	describe('get', () => {
		test('by meeting ID', async () => {
			const m = futureMeeting({ topic: 'By ID' });
			const meeting = onlyItem(await run('get', { meetingId: rl(m.id) })).json;
			assert.equal(meeting.id, m.id);
			assert.equal(meeting.uuid, m.uuid);
			assert.equal(meeting.topic, 'By ID');
			assert.equal(meeting.start_time, '2030-02-01T10:00:00Z');
			assert.equal(meeting.join_url, m.join_url);
			assert.deepEqual(
				proxy.requests.map((r) => `${r.method} ${r.path}`),
				[`GET /v2/meetings/${m.id}`],
			);
		});

		test('by join URL (with passcode) and by an ID typed with spaces', async () => {
			const m = futureMeeting({ topic: 'By URL' });
			assert.match(m.join_url, /\/j\/\d+\?pwd=/);
			assert.equal(
				onlyItem(await run('get', { meetingId: rl(m.join_url, 'url') })).json.topic,
				'By URL',
			);
			const spaced = String(m.id).replace(/^(\d{3})(\d{4})/, '$1 $2 ');
			assert.equal(onlyItem(await run('get', { meetingId: rl(spaced) })).json.id, m.id);
			assert.deepEqual(
				proxy.requests.map((r) => r.path),
				[`/v2/meetings/${m.id}`, `/v2/meetings/${m.id}`],
			);
		});

		for (const [label, uuid, encodings] of [
			['beginning with "/"', '/ajXp112QmuoKj4854875==', 2],
			['containing "//"', 'Kq7Hn//Wq3TeMx0eTcA9bNQ==', 2],
			['with "+" and "=" only', 'Kq7Hn+Wq3TeMx0eTcA9bNQ==', 1],
		] as const) {
			test(`by UUID ${label}: refused by name, Zoom's spec takes only numeric IDs here (${encodings} encoding(s) where a UUID is allowed)`, async () => {
				futureMeeting({ topic: `UUID ${label}`, uuid });
				const result = await run('get', { meetingId: rl(uuid) }, { continueOnFail: true });
				const error = String(onlyItem(result).json.error);
				assert.match(
					error,
					/Invalid "Meeting" in item 0: this operation takes a meeting ID \(9 to 11 digits\) or a join URL, not a UUID/,
				);
				assert.equal(proxy.requests.length, 0);
			});
		}

		test('one occurrence, and previous occurrences', async () => {
			const past = sim.state.addMeeting(OWNER_ID, {
				topic: 'Daily (past)',
				type: 8,
				start_time: '2020-03-02T09:00:00Z',
				recurrence: { type: 1, repeat_interval: 1, end_times: 3 },
			});
			const occurrences = past.occurrences ?? [];
			assert.equal(occurrences.length, 3);

			const withoutPrevious = onlyItem(await run('get', { meetingId: rl(past.id) })).json;
			assert.deepEqual(withoutPrevious.occurrences, []);

			const withPrevious = onlyItem(
				await run('get', { meetingId: rl(past.id), options: { showPreviousOccurrences: true } }),
			).json;
			assert.equal((withPrevious.occurrences as IDataObject[]).length, 3);

			const second = occurrences[1];
			const occurrence = onlyItem(
				await run('get', {
					meetingId: rl(past.id),
					options: { occurrenceId: second.occurrence_id },
				}),
			).json;
			assert.equal(occurrence.start_time, second.start_time);

			const queries = proxy.requests.map((r) => r.query.toString());
			assert.deepEqual(queries, [
				'',
				'show_previous_occurrences=true',
				`occurrence_id=${second.occurrence_id}`,
			]);
		});
	});
});
