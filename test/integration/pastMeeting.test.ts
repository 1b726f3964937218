import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { NO_PARTICIPANTS_NOTICE } from '../../nodes/ZoomWorkplace/actions/pastMeeting/getParticipants.operation';
import { addPastMeeting, OWNER_ID, recordingStore } from '../simulator';
import { rl, startSetup, type Setup } from './recordings/setup';

/* Past Meeting operations through real n8n-core against the Zoom simulator, with each credential. */

describe('past meeting operations (n8n-core + Zoom simulator)', () => {
	let setup: Setup;
	const MEETING = 85746065432;
	// A UUID starting with "/" and containing "//": Zoom needs it encoded twice.
	const AWKWARD_UUID = '/ajXp112QmuoKj4854875//==';

	before(async () => {
		setup = await startSetup();
		addPastMeeting(setup.sim.state, {
			hostId: OWNER_ID,
			id: MEETING,
			uuid: 'older+Instance1234567==',
			topic: 'Weekly sync',
			start_time: '2026-11-02T09:00:00Z',
			participants: ['Sim Owner', 'Ada Admin'],
		});
		addPastMeeting(setup.sim.state, {
			hostId: OWNER_ID,
			id: MEETING,
			uuid: AWKWARD_UUID,
			topic: 'Weekly sync',
			start_time: '2026-11-09T09:00:00Z',
			participants: Array.from({ length: 7 }, (_, i) => `Person ${i + 1}`),
		});
		addPastMeeting(setup.sim.state, {
			hostId: OWNER_ID,
			id: 91234567890,
			topic: 'Host alone',
			start_time: '2026-11-10T09:00:00Z',
			participants: ['Sim Owner'],
		});
	});

	after(async () => await setup?.close());
	beforeEach(() => {
		setup.requests.length = 0;
	});

	for (const index of [0, 1, 2]) {
		describe(`with ${['Server-to-Server OAuth', 'OAuth2', 'Access Token'][index]}`, () => {
			test('Get by ID returns the latest instance', async () => {
				const credential = setup.credentials[index];
				const result = await setup.run(
					'pastMeeting',
					'get',
					{ meetingId: rl(MEETING) },
					{ credential },
				);
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(result.items.length, 1);
				assert.equal(result.items[0].json.uuid, AWKWARD_UUID);
				assert.equal(result.items[0].json.participants_count, 7);
			});

			test('Get Instances lists each time the meeting took place', async () => {
				const credential = setup.credentials[index];
				const result = await setup.run(
					'pastMeeting',
					'getInstances',
					{ meetingId: rl(`https://zoom.us/j/${MEETING}?pwd=abc`, 'url') },
					{ credential },
				);
				assert.equal(result.error, undefined, result.error?.message);
				assert.deepEqual(
					result.items.map((item) => item.json.uuid),
					[AWKWARD_UUID, 'older+Instance1234567=='],
				);
				assert.equal(result.items[0].json.start_time, '2026-11-09T09:00:00Z');
			});

			test('Get Participants of one instance by UUID (double-encoded), Return All', async () => {
				const credential = setup.credentials[index];
				const result = await setup.run(
					'pastMeeting',
					'getParticipants',
					{ meetingId: rl(AWKWARD_UUID), returnAll: true },
					{ credential },
				);
				assert.equal(result.error, undefined, result.error?.message);
				assert.deepEqual(
					result.items.map((item) => item.json.name),
					Array.from({ length: 7 }, (_, i) => `Person ${i + 1}`),
				);
				const paths = setup.requests
					.filter((r) => r.path.includes('/participants'))
					.map((r) => r.path);
				assert.deepEqual(paths, [
					`/v2/past_meetings/${encodeURIComponent(encodeURIComponent(AWKWARD_UUID))}/participants`,
				]);
			});
		});
	}

	test('Get Participants with a Limit asks Zoom for that page size and pages no further', async () => {
		const result = await setup.run('pastMeeting', 'getParticipants', {
			meetingId: rl(AWKWARD_UUID),
			returnAll: false,
			limit: 3,
		});
		assert.equal(result.items.length, 3);
		const calls = setup.requests.filter((r) => r.path.endsWith('/participants'));
		assert.equal(calls.length, 1);
		assert.equal(calls[0].query.get('page_size'), '3');
	});

	test('a meeting with only one participant: the output says why Zoom listed nobody', async () => {
		const result = await setup.run('pastMeeting', 'getParticipants', {
			meetingId: rl(91234567890),
			returnAll: true,
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items.length, 1);
		assert.deepEqual(result.items[0].json, {
			meetingId: 91234567890,
			participants: [],
			notice: NO_PARTICIPANTS_NOTICE,
		});
		assert.match(String(result.items[0].json.notice), /only one participant/);
	});

	test('Get Instances refuses an instance UUID before calling Zoom', async () => {
		const result = await setup.run('pastMeeting', 'getInstances', { meetingId: rl(AWKWARD_UUID) });
		assert.match(result.error?.message ?? '', /Get Instances needs the meeting ID/);
		assert.equal(setup.requests.length, 0);
	});

	test('an unknown meeting fails with Zoom 3001 and names the item', async () => {
		const result = await setup.run('pastMeeting', 'get', { meetingId: rl(99999999999) });
		assert.match(result.error?.message ?? '', /3001/);
	});

	test('a Basic (free) account gets an error that names the plan it needs', async () => {
		const store = recordingStore(setup.sim.state);
		store.basicPlanAccounts.add('sim-account');
		try {
			const result = await setup.run('pastMeeting', 'get', { meetingId: rl(MEETING) });
			assert.match(result.error?.message ?? '', /Only available for paid account/);
			assert.match(String(result.error?.description), /Pro or higher/);
		} finally {
			store.basicPlanAccounts.delete('sim-account');
		}
	});
});
