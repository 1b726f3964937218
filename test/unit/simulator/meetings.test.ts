import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { OWNER_EMAIL, OWNER_ID, startZoomSimulator, type ZoomSimulator } from '../../simulator';
import { client, UNLIMITED } from './helpers';

describe('Zoom simulator', () => {
	let sim: ZoomSimulator;
	let token: string;
	const api = client(
		() => sim,
		() => token,
	);

	before(async () => {
		// These tests probe the simulator's own handlers, invalid requests included: spec checks off.
		sim = await startZoomSimulator({ rateLimits: UNLIMITED, validateRequests: false });
		token = sim.issueAccessToken();
	});
	after(() => sim.close());

	describe('meetings', () => {
		test('create returns the full meeting with defaults merged into settings', async () => {
			const before = sim.state.applied.meetingCreates;
			const res = await api('POST', '/users/me/meetings', {
				body: {
					topic: 'Planning',
					type: 2,
					start_time: '2031-05-04T09:30:00',
					timezone: 'Europe/Berlin',
					duration: 45,
					settings: { host_video: true },
				},
			});
			assert.equal(res.status, 201);
			const m = res.body;
			assert.equal(typeof m.id, 'number');
			assert.match(String(m.id), /^\d{11}$/);
			assert.match(m.uuid, /^[A-Za-z0-9+/]{22}==$/);
			assert.equal(m.host_id, OWNER_ID);
			assert.equal(m.host_email, OWNER_EMAIL);
			assert.equal(m.status, 'waiting');
			assert.equal(m.start_time, '2031-05-04T07:30:00Z');
			assert.equal(m.timezone, 'Europe/Berlin');
			assert.ok(m.join_url.startsWith(`${sim.url}/j/${m.id}?pwd=`));
			assert.ok(m.start_url.startsWith(`${sim.url}/s/${m.id}`));
			assert.equal(m.settings.host_video, true);
			assert.equal(m.settings.mute_upon_entry, false);
			assert.equal(m.pre_schedule, false);
			assert.ok(m.password.length > 0 && m.password.length <= 10);
			assert.equal(sim.state.applied.meetingCreates, before + 1);
			assert.equal(sim.state.meetings.get(m.id)!.topic, 'Planning');
		});

		test('recurring type 8 gets recurrence and occurrences', async () => {
			const res = await api('POST', '/users/me/meetings', {
				body: {
					topic: 'Daily',
					type: 8,
					start_time: '2031-01-06T08:00:00Z',
					recurrence: { type: 1, repeat_interval: 1, end_times: 5 },
				},
			});
			assert.equal(res.status, 201);
			assert.equal(res.body.occurrences.length, 5);
			assert.equal(res.body.occurrences[1].start_time, '2031-01-07T08:00:00Z');
			assert.equal(
				res.body.occurrences[0].occurrence_id,
				String(Date.parse('2031-01-06T08:00:00Z')),
			);
			assert.deepEqual(res.body.recurrence, { type: 1, repeat_interval: 1, end_times: 5 });

			const occurrence = res.body.occurrences[2].occurrence_id;
			assert.equal(
				(await api('DELETE', `/meetings/${res.body.id}?occurrence_id=${occurrence}`)).status,
				204,
			);
			const got = await api(
				'GET',
				`/meetings/${res.body.id}?occurrence_id=${res.body.occurrences[1].occurrence_id}`,
			);
			assert.equal(got.body.start_time, '2031-01-07T08:00:00Z');
			assert.equal(
				got.body.occurrences.find((o: any) => o.occurrence_id === occurrence).status,
				'deleted',
			);
		});

		test('validation: 400/300 with errors[]', async () => {
			const res = await api('POST', '/users/me/meetings', {
				body: {
					topic: 'x'.repeat(201),
					type: 5,
					duration: -1,
					start_time: 'tomorrow',
					password: '12345678901',
				},
			});
			assert.equal(res.status, 400);
			assert.equal(res.body.code, 300);
			assert.equal(res.body.message, 'Validation Failed.');
			assert.deepEqual(res.body.errors.map((e: any) => e.field).sort(), [
				'duration',
				'password',
				'start_time',
				'topic',
				'type',
			]);
		});

		test('get, patch (false/0 kept), invitation, end, delete, 404/3001', async () => {
			const created = (
				await api('POST', '/users/me/meetings', {
					body: {
						topic: 'Patch me',
						type: 2,
						start_time: '2031-02-01T10:00:00Z',
						settings: { join_before_host: true, jbh_time: 10 },
					},
				})
			).body;
			const got = await api('GET', `/meetings/${created.id}`);
			assert.equal(got.status, 200);
			assert.equal(got.body.uuid, created.uuid);

			const patched = await api('PATCH', `/meetings/${created.id}`, {
				body: { topic: 'Patched', duration: 0, settings: { join_before_host: false, jbh_time: 0 } },
			});
			assert.equal(patched.status, 204);
			const after = (await api('GET', `/meetings/${created.id}`)).body;
			assert.equal(after.topic, 'Patched');
			assert.equal(after.duration, 0);
			assert.equal(after.settings.join_before_host, false);
			assert.equal(after.settings.jbh_time, 0);
			assert.equal(after.settings.audio, 'voip');
			assert.equal(after.start_time, '2031-02-01T10:00:00Z');

			const invitation = await api('GET', `/meetings/${created.id}/invitation`);
			assert.equal(invitation.status, 200);
			assert.match(invitation.body.invitation, /Topic: Patched/);
			assert.ok(invitation.body.invitation.includes(created.join_url));
			assert.ok(invitation.body.invitation.includes(`Passcode: ${created.password}`));
			const id = String(created.id);
			assert.ok(
				invitation.body.invitation.includes(
					`Meeting ID: ${id.slice(0, 3)} ${id.slice(3, 7)} ${id.slice(7)}`,
				),
			);

			assert.equal(
				(await api('PUT', `/meetings/${created.id}/status`, { body: { action: 'end' } })).status,
				204,
			);
			assert.equal((await api('DELETE', `/meetings/${created.id}`)).status, 204);
			const gone = await api('GET', `/meetings/${created.id}`);
			assert.equal(gone.status, 404);
			assert.deepEqual(gone.body, {
				code: 3001,
				message: `Meeting does not exist: ${created.id}.`,
			});
			assert.equal(
				(await api('PATCH', '/meetings/12345678901', { body: { topic: 'x' } })).body.code,
				3001,
			);
		});

		test('UUIDs: plain ones single-encoded, "/"-prefixed or "//" ones double-encoded', async () => {
			const slashy = sim.state.addMeeting(OWNER_ID, {
				topic: 'Slashy',
				uuid: '/ajHjw//Q6SkJjaRh0AOzw==',
			});
			const double = encodeURIComponent(encodeURIComponent(slashy.uuid));
			const ok = await api('GET', `/meetings/${double}`);
			assert.equal(ok.status, 200);
			assert.equal(ok.body.id, slashy.id);
			const single = await api('GET', `/meetings/${encodeURIComponent(slashy.uuid)}`);
			assert.equal(single.status, 404);
			assert.equal(single.body.code, 3001);

			const plain = sim.state.addMeeting(OWNER_ID, {
				topic: 'Plain',
				uuid: 'aDYlohsHRtCd4ii1uC2+hA==',
			});
			assert.equal(
				(await api('GET', `/meetings/${encodeURIComponent(plain.uuid)}`)).body.id,
				plain.id,
			);
		});

		test('list filters: live, previous, upcoming', async () => {
			const live = await api('GET', '/users/me/meetings?type=live');
			assert.deepEqual(
				live.body.meetings.map((m: any) => m.topic),
				['Quick call'],
			);
			const previous = await api('GET', '/users/me/meetings?type=previous_meetings');
			assert.ok(previous.body.meetings.some((m: any) => m.topic === 'Last quarter retro'));
			const upcoming = await api('GET', '/users/me/meetings?type=upcoming&page_size=300');
			assert.ok(upcoming.body.meetings.some((m: any) => m.topic === 'Weekly planning'));
			assert.ok(!upcoming.body.meetings.some((m: any) => m.topic === 'Last quarter retro'));
			for (const key of ['page_size', 'total_records', 'next_page_token', 'meetings'])
				assert.ok(key in upcoming.body);
			assert.equal((await api('GET', '/users/me/meetings?type=bogus')).status, 400);
		});

		test('bad JSON body and unknown route', async () => {
			const bad = await api('POST', '/users/me/meetings', { rawBody: '{"topic":' });
			assert.deepEqual(
				[bad.status, bad.body],
				[400, { code: 300, message: 'Request Body should be a valid JSON object.' }],
			);
			const missing = await api('GET', '/nothing/here');
			assert.deepEqual([missing.status, missing.body], [404, { code: 404, message: 'Not found' }]);
		});
	});
});
