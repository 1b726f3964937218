import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { monthWindows } from '../../nodes/ZoomWorkplace/helpers/monthWindows';
import { addRecording, OWNER_ID, recordingStore, type StoredRecording } from '../simulator';
import { rl, startSetup, type Setup } from './recordings/setup';

/*
 * Cloud Recording → Get Many, Get, Delete and Recover through real n8n-core against the Zoom
 * simulator, with each credential type. (Download and Get Transcript: cloudRecordingDownload.test.ts.)
 */

const LIST_ROUTE = 'GET /v2/users/{userId}/recordings';

describe('cloud recording operations (n8n-core + Zoom simulator)', () => {
	let setup: Setup;
	let march: StoredRecording;

	before(async () => {
		setup = await startSetup();
		const state = setup.sim.state;
		// One recorded meeting on the 10th of every month of 2025, two in March.
		for (let month = 1; month <= 12; month++) {
			const recording = addRecording(state, {
				hostId: OWNER_ID,
				topic: `Monthly review ${month}`,
				start_time: `2025-${String(month).padStart(2, '0')}-10T15:00:00Z`,
				files: [
					{ file_type: 'MP4', size: 4096 },
					{ file_type: 'M4A', size: 2048 },
					...(month % 2 === 0 ? [{ file_type: 'TRANSCRIPT' as const, content: 'WEBVTT\n' }] : []),
				],
			});
			if (month === 3) march = recording;
		}
		addRecording(state, {
			hostId: OWNER_ID,
			topic: 'March extra',
			start_time: '2025-03-28T08:00:00Z',
			files: [{ file_type: 'MP4', size: 1000 }],
		});
		// Another user's recording never shows up in the owner's list.
		const other = state.addUser({ email: 'other@sim.example.com' });
		addRecording(state, {
			hostId: other.id,
			start_time: '2025-03-11T15:00:00Z',
			files: [{ file_type: 'MP4', size: 10 }],
		});
	});

	after(async () => await setup?.close());
	beforeEach(() => {
		setup.requests.length = 0;
		setup.sim.resetCounters();
	});

	function listCalls() {
		return setup.requests.filter(
			(r) => r.path.endsWith('/recordings') && r.method === 'GET' && r.path.includes('/users/'),
		);
	}

	describe('Get Many', () => {
		for (const index of [0, 1, 2]) {
			test(`a year is asked month by month, newest first (${['Server-to-Server OAuth', 'OAuth2', 'Access Token'][index]})`, async () => {
				const result = await setup.run(
					'cloudRecording',
					'getAll',
					{ userId: rl('me'), from: '2025-01-01', to: '2025-12-31', returnAll: true },
					{ credential: setup.credentials[index] },
				);
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(result.items.length, 13);
				assert.deepEqual(
					result.items.slice(0, 3).map((item) => item.json.topic),
					['Monthly review 12', 'Monthly review 11', 'Monthly review 10'],
				);
				assert.ok(result.items.every((item) => item.json.host_id === OWNER_ID));
				const calls = listCalls();
				assert.equal(calls.length, 12, 'one request per month, one page each');
				assert.deepEqual(
					calls.map((c) => ({ from: c.query.get('from'), to: c.query.get('to') })),
					monthWindows('2025-01-01', '2025-12-31').reverse(),
				);
				for (const call of calls) {
					assert.equal(call.query.get('page_size'), '300');
					assert.equal(call.query.has('trash'), false);
				}
			});
		}

		test('Limit stops at the newest recordings without asking older months', async () => {
			const result = await setup.run('cloudRecording', 'getAll', {
				userId: rl('me'),
				from: '2025-01-01',
				to: '2025-12-31',
				returnAll: false,
				limit: 2,
			});
			assert.deepEqual(
				result.items.map((item) => item.json.topic),
				['Monthly review 12', 'Monthly review 11'],
			);
			assert.equal(listCalls().length, 2);
			assert.deepEqual(
				listCalls().map((c) => c.query.get('page_size')),
				['2', '1'],
			);
		});

		test('pages inside a month window follow next_page_token', async () => {
			for (let i = 0; i < 302; i++) {
				addRecording(setup.sim.state, {
					hostId: OWNER_ID,
					topic: `Busy day ${i}`,
					start_time: `2024-06-15T${String(8 + (i % 10)).padStart(2, '0')}:00:00Z`,
					files: [{ file_type: 'M4A', size: 10 }],
				});
			}
			const result = await setup.run('cloudRecording', 'getAll', {
				userId: rl('me'),
				from: '2024-06-01',
				to: '2024-07-31',
				returnAll: true,
			});
			assert.equal(result.error, undefined, result.error?.message);
			assert.equal(result.items.length, 302);
			// July (one page, empty) and June (two pages): months × pages.
			assert.equal(setup.sim.counters.requests[LIST_ROUTE], 3);
			assert.equal(listCalls().filter((c) => c.query.has('next_page_token')).length, 1);
		});

		test('file types, meeting ID filter and a date picker value with a time', async () => {
			const result = await setup.run('cloudRecording', 'getAll', {
				userId: rl('me'),
				from: '2025-03-01T00:00:00.000+01:00',
				to: '2025-04-30',
				returnAll: true,
				filters: { fileTypes: ['TRANSCRIPT'] },
			});
			assert.deepEqual(
				result.items.map((item) => item.json.topic),
				['Monthly review 4'],
			);
			assert.deepEqual(
				(result.items[0].json.recording_files as Array<{ file_type: string }>).map(
					(f) => f.file_type,
				),
				['TRANSCRIPT'],
			);
			const byMeeting = await setup.run('cloudRecording', 'getAll', {
				userId: rl('me'),
				from: '2025-01-01',
				to: '2025-12-31',
				returnAll: true,
				filters: { meetingId: String(march.id) },
			});
			assert.deepEqual(
				byMeeting.items.map((item) => item.json.uuid),
				[march.uuid],
			);
			assert.ok(
				listCalls().every(
					(c) => !c.query.has('meeting_id') || c.query.get('meeting_id') === String(march.id),
				),
			);
		});

		test('To before From is refused before any request', async () => {
			const result = await setup.run('cloudRecording', 'getAll', {
				userId: rl('me'),
				from: '2025-05-01',
				to: '2025-04-01',
				returnAll: true,
			});
			assert.match(result.error?.message ?? '', /Invalid "To" in item 0: must not be before From/);
			assert.equal(setup.requests.length, 0);
		});
	});

	describe('Get, Delete, Recover', () => {
		for (const index of [0, 1, 2]) {
			test(`Get by meeting ID, with a download access token (${['Server-to-Server OAuth', 'OAuth2', 'Access Token'][index]})`, async () => {
				const result = await setup.run(
					'cloudRecording',
					'get',
					{
						meetingId: rl(march.id),
						options: { includeDownloadAccessToken: true, ttl: 3600 },
					},
					{ credential: setup.credentials[index] },
				);
				assert.equal(result.error, undefined, result.error?.message);
				const body = result.items[0].json;
				assert.equal(body.uuid, march.uuid);
				assert.equal((body.recording_files as unknown[]).length, 2);
				assert.equal(typeof body.download_access_token, 'string');
				const call = setup.requests.find((r) => r.path === `/v2/meetings/${march.id}/recordings`);
				assert.equal(call?.query.get('include_fields'), 'download_access_token');
				assert.equal(call?.query.get('ttl'), '3600');
			});
		}

		test('Get without the token option sends no include_fields or ttl', async () => {
			await setup.run('cloudRecording', 'get', { meetingId: rl(march.uuid), options: { ttl: 60 } });
			const call = setup.requests.find((r) => r.path.endsWith('/recordings'));
			assert.equal(call?.query.toString(), '');
		});

		test('one file to the trash, recovered; then the whole meeting, recovered', async () => {
			const recording = addRecording(setup.sim.state, {
				hostId: OWNER_ID,
				uuid: '/trash//me+uuid==',
				start_time: '2025-09-01T10:00:00Z',
				files: [
					{ file_type: 'MP4', size: 10 },
					{ file_type: 'CHAT', content: 'hi' },
				],
			});
			const [mp4, chat] = recording.files;
			for (const index of [0, 1, 2]) {
				const credential = setup.credentials[index];
				let result = await setup.run(
					'cloudRecording',
					'delete',
					{ meetingId: rl(recording.uuid), target: 'file', recordingId: chat.id },
					{ credential },
				);
				assert.equal(result.error, undefined, result.error?.message);
				assert.deepEqual(result.items[0].json, {
					meetingId: recording.uuid,
					recordingId: chat.id,
					action: 'trash',
					deleted: true,
				});
				assert.equal(chat.trashed?.as, 'file');
				result = await setup.run(
					'cloudRecording',
					'recover',
					{ meetingId: rl(recording.uuid), target: 'file', recordingId: chat.id },
					{ credential },
				);
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(chat.trashed, undefined);
				await setup.run(
					'cloudRecording',
					'delete',
					{ meetingId: rl(recording.uuid) },
					{ credential },
				);
				assert.equal(mp4.trashed?.as, 'meeting');
				const trash = await setup.run(
					'cloudRecording',
					'getAll',
					{ userId: rl('me'), from: '2025-09-01', returnAll: true, filters: { trash: true } },
					{ credential },
				);
				assert.ok(trash.items.some((item) => item.json.uuid === recording.uuid));
				result = await setup.run(
					'cloudRecording',
					'recover',
					{ meetingId: rl(recording.uuid) },
					{ credential },
				);
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(mp4.trashed, undefined);
			}
			const encoded = encodeURIComponent(encodeURIComponent(recording.uuid));
			assert.ok(
				setup.requests.some(
					(r) => r.method === 'PUT' && r.path === `/v2/meetings/${encoded}/recordings/status`,
				),
			);
			const trashListing = setup.requests.find((r) => r.query.get('trash') === 'true');
			assert.equal(trashListing?.query.has('from'), false, 'Zoom cannot filter the trash by date');
		});

		test('Delete Permanently removes the file for good', async () => {
			const recording = addRecording(setup.sim.state, {
				hostId: OWNER_ID,
				start_time: '2025-09-02T10:00:00Z',
				files: [
					{ file_type: 'MP4', size: 10 },
					{ file_type: 'M4A', size: 10 },
				],
			});
			const result = await setup.run('cloudRecording', 'delete', {
				meetingId: rl(recording.id),
				target: 'file',
				recordingId: recording.files[1].id,
				deleteAction: 'delete',
			});
			assert.equal(result.error, undefined, result.error?.message);
			assert.deepEqual(
				recording.files.map((f) => f.file_type),
				['MP4'],
			);
			assert.equal(setup.requests.at(-1)?.query.get('action'), 'delete');
		});

		test('a meeting without recordings: Zoom 3301 with advice', async () => {
			const result = await setup.run('cloudRecording', 'get', { meetingId: rl(85000000009) });
			assert.match(result.error?.message ?? '', /3301/);
			assert.match(String(result.error?.description), /not recorded to the cloud/);
		});

		test('a Basic (free) account: the error names the plan', async () => {
			const store = recordingStore(setup.sim.state);
			store.basicPlanAccounts.add('sim-account');
			try {
				const result = await setup.run('cloudRecording', 'getAll', {
					userId: rl('me'),
					from: '2025-01-01',
					returnAll: true,
				});
				assert.match(String(result.error?.description), /Pro or higher/);
			} finally {
				store.basicPlanAccounts.delete('sim-account');
			}
		});
	});
});
