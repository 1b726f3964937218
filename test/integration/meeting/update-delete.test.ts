import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import type { CredentialsStore } from '../harness';
import { type ZoomSimulator } from '../../simulator';
import { meetingSuite, rl, type Credential, type RecordingProxy } from './suite';

describe('meeting operations (n8n-core + Zoom simulator)', () => {
	const suite = meetingSuite();
	const { run, onlyItem, sent, futureMeeting } = suite;
	let sim: ZoomSimulator;
	let proxy: RecordingProxy;
	let store: CredentialsStore;
	before(() => ({ sim, proxy, store } = suite));

	describe('update', () => {
		test('sends false and 0, then returns the meeting as read back', async () => {
			const m = futureMeeting({
				topic: 'Before',
				settings: {
					waiting_room: true,
					mute_upon_entry: true,
					join_before_host: true,
					jbh_time: 10,
					host_video: true,
				},
			});
			const result = await run('update', {
				meetingId: rl(m.id),
				updateFields: {
					topic: 'After',
					settings: {
						waitingRoom: false,
						muteUponEntry: false,
						joinBeforeHost: false,
						jbhTime: 0,
						hostVideo: false,
					},
				},
			});
			const meeting = onlyItem(result).json;
			assert.deepEqual(sent('PATCH')[0].body, {
				topic: 'After',
				settings: {
					waiting_room: false,
					mute_upon_entry: false,
					join_before_host: false,
					jbh_time: 0,
					host_video: false,
				},
			});
			const stored = sim.state.meetings.get(m.id)!;
			assert.equal(stored.topic, 'After');
			assert.equal(stored.settings.waiting_room, false);
			assert.equal(stored.settings.mute_upon_entry, false);
			assert.equal(stored.settings.join_before_host, false);
			assert.equal(stored.settings.jbh_time, 0);
			assert.equal(stored.settings.host_video, false);
			// The output is the meeting's new state, as Get returns it.
			assert.equal(meeting.id, m.id);
			assert.equal(meeting.topic, 'After');
			assert.equal(meeting.start_time, '2030-02-01T10:00:00Z');
			assert.equal((meeting.settings as IDataObject).waiting_room, false);
			assert.equal((meeting.settings as IDataObject).jbh_time, 0);
			assert.deepEqual(
				proxy.requests.map((r) => `${r.method} ${r.path}`),
				[`PATCH /v2/meetings/${m.id}`, `GET /v2/meetings/${m.id}`],
			);
		});

		test('start time in a chosen time zone is formatted as Create does', async () => {
			const m = futureMeeting();
			const meeting = onlyItem(
				await run('update', {
					meetingId: rl(m.id),
					updateFields: {
						startTime: '2030-07-01T09:30:00',
						timezone: 'America/New_York',
						duration: 90,
					},
				}),
			).json;
			assert.deepEqual(sent('PATCH')[0].body, {
				start_time: '2030-07-01T09:30:00',
				timezone: 'America/New_York',
				duration: 90,
			});
			assert.equal(meeting.start_time, '2030-07-01T13:30:00Z');
			assert.equal(meeting.timezone, 'America/New_York');
			assert.equal(meeting.duration, 90);
		});

		test('one occurrence: occurrence_id on the update and on the read-back', async () => {
			const m = futureMeeting({
				type: 8,
				start_time: '2030-03-01T09:00:00Z',
				recurrence: { type: 1, repeat_interval: 1, end_times: 3 },
			});
			const second = m.occurrences![1];
			const meeting = onlyItem(
				await run('update', {
					meetingId: rl(m.id),
					updateFields: { duration: 75 },
					options: { occurrenceId: second.occurrence_id },
				}),
			).json;
			assert.equal(sim.state.meetings.get(m.id)!.occurrences![1].duration, 75);
			assert.equal(sim.state.meetings.get(m.id)!.occurrences![0].duration, 30);
			assert.equal(meeting.start_time, second.start_time);
			assert.equal(meeting.duration, 75);
			assert.deepEqual(
				proxy.requests.map((r) => `${r.method} ${r.query.get('occurrence_id')}`),
				[`PATCH ${second.occurrence_id}`, `GET ${second.occurrence_id}`],
			);
		});

		test('nothing to update is an error naming the item, and nothing is sent', async () => {
			for (const updateFields of [{}, { settings: {} }]) {
				const result = await run('update', { meetingId: rl('85746065432'), updateFields });
				assert.match(result.error?.message ?? '', /Add at least one field to update \(item 0\)/);
			}
			assert.equal(sim.counters.totalApiRequests, 0);
		});

		test('an app that may write but not read meetings gets { id, updated: true }', async () => {
			sim.addServerToServerApp({
				clientId: 'write-only-app',
				clientSecret: 'write-only-secret',
				scopes: ['meeting:write:admin'],
			});
			const writeOnly: Credential = {
				label: 'write-only S2S',
				authentication: 'serverToServerOAuth',
				type: 'zoomWorkplaceServerToServerOAuthApi',
				ref: store.add({
					type: 'zoomWorkplaceServerToServerOAuthApi',
					data: {
						cloud: 'custom',
						apiBaseUrl: proxy.apiBaseUrl,
						oauthBaseUrl: sim.oauthBaseUrl,
						accountId: sim.defaultApp.accountId,
						clientId: 'write-only-app',
						clientSecret: 'write-only-secret',
					},
				}),
			};
			const m = futureMeeting({ topic: 'Write only' });
			const output = onlyItem(
				await run(
					'update',
					{ meetingId: rl(m.id), updateFields: { topic: 'Written' } },
					{ credential: writeOnly },
				),
			).json;
			assert.equal(sim.state.meetings.get(m.id)!.topic, 'Written');
			assert.equal(output.id, m.id);
			assert.equal(output.updated, true);
			assert.match(String(output.readBackError), /4711|scope/i);
		});
	});

	describe('delete', () => {
		test('a meeting, with notification choices sent as given', async () => {
			const m = futureMeeting({ topic: 'To delete' });
			const output = onlyItem(
				await run('delete', {
					meetingId: rl(m.id),
					options: { notifyHost: false, notifyRegistrants: true },
				}),
			).json;
			assert.deepEqual(output, { id: m.id, deleted: true });
			assert.equal(sim.state.meetings.has(m.id), false);
			assert.equal(sim.state.deletedMeetings.has(m.id), true);
			const [del] = sent('DELETE');
			assert.equal(del.path, `/v2/meetings/${m.id}`);
			assert.equal(del.query.get('schedule_for_reminder'), 'false');
			assert.equal(del.query.get('cancel_meeting_reminder'), 'true');
		});

		test('without options no notification parameter is sent', async () => {
			const m = futureMeeting();
			onlyItem(await run('delete', { meetingId: rl(m.id) }));
			assert.equal(sent('DELETE')[0].query.toString(), '');
		});

		test('one occurrence', async () => {
			const m = futureMeeting({
				type: 8,
				start_time: '2030-03-01T09:00:00Z',
				recurrence: { type: 1, repeat_interval: 1, end_times: 3 },
			});
			const occurrenceId = m.occurrences![2].occurrence_id;
			const output = onlyItem(
				await run('delete', { meetingId: rl(m.id), options: { occurrenceId } }),
			).json;
			assert.deepEqual(output, { id: m.id, occurrenceId, deleted: true });
			const stored = sim.state.meetings.get(m.id)!;
			assert.equal(stored.occurrences![2].status, 'deleted');
			assert.equal(stored.occurrences![1].status, 'available');
			assert.equal(sent('DELETE')[0].query.get('occurrence_id'), occurrenceId);
		});
	});
});
