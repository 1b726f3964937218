/**
 * Workflows run by a real n8n 2.41.1 (`n8n execute`, as from the CLI) with the Zoom Workplace node
 * installed as a community package, against the local Zoom simulator.
 *
 * Each `n8n execute` is a fresh n8n process (5-9 s), so one workflow holds many Zoom nodes and the
 * tests read every node's output by name (workflow builders: `flows/zoomFlows.ts`).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { DEFAULT_ACCOUNT_ID, OWNER_ID, type ZoomSimulator } from '../../simulator';
import {
	MEETING_NODES,
	USER_NODES,
	roundTripWorkflow,
	type MeetingInput,
	type UserInput,
	type Authentication,
	type ZoomCredentialRef,
} from '../flows/zoomFlows';
import { executeWorkflow, importWorkflow, nodeOutput, type N8nHome } from '../harness/n8n';
import {
	workflowSuite,
	LABEL,
	assertSucceeded,
	pairing,
	runCount,
	indexes,
	type Json,
} from './suite';

describe('Zoom Workplace workflows executed by a real n8n', { timeout: 30 * 60_000 }, () => {
	const suite = workflowSuite();
	let sim: ZoomSimulator;
	let home: N8nHome | undefined;
	let refs: Record<Authentication, ZoomCredentialRef>;
	before(() => ({ sim, home, refs } = suite));

	for (const auth of ['serverToServerOAuth', 'accessToken', 'oAuth2'] as const) {
		it(`${LABEL[auth]}: meetings created per item, read back, listed, updated, deleted; users created, read, listed, updated, deactivated, deleted`, async () => {
			const tag = auth.toLowerCase();
			const meetings: MeetingInput[] = [1, 2, 3].map((i) => ({
				topic: `${LABEL[auth]} meeting ${i}`,
				startTime: `2031-0${i}-1${i}T0${i}:30:00Z`,
				duration: 20 + i,
				agenda: `Agenda ${i} via ${tag}`,
			}));
			const users: UserInput[] = [1, 2].map((i) => ({
				email: `e2e-${tag}-${i}@example.com`,
				firstName: `First${i}`,
				lastName: `Last${i}`,
			}));
			const jobTitle = `Tester via ${tag}`;
			const id = await importWorkflow(
				home!,
				roundTripWorkflow(refs[auth], { meetings, users, jobTitle }),
			);
			sim.resetCounters();
			const applied = { ...sim.state.applied };
			const run = await executeWorkflow(home!, id);
			assertSucceeded(run);
			const M = MEETING_NODES;
			const U = USER_NODES;

			// ---- meetings ----
			const created = nodeOutput(run, M.create);
			assert.equal(created.length, 3, 'one meeting per input item');
			assert.deepEqual(pairing(run, M.create), indexes(3));
			const ids = created.map((m) => m.id as number);
			assert.equal(new Set(ids).size, 3, 'three distinct meetings');
			created.forEach((meeting, i) => {
				assert.equal(typeof meeting.id, 'number');
				assert.equal(meeting.topic, meetings[i].topic);
				assert.equal(meeting.start_time, meetings[i].startTime);
				assert.equal(meeting.duration, meetings[i].duration);
				assert.equal(meeting.agenda, meetings[i].agenda);
				assert.equal(meeting.host_id, OWNER_ID);
				assert.equal(meeting.type, 2);
				const settings = meeting.settings as Json;
				assert.equal(settings.waiting_room, true);
				assert.equal(settings.join_before_host, false);
				assert.equal(settings.mute_upon_entry, true);
			});
			assert.equal(sim.state.applied.meetingCreates - applied.meetingCreates, 3);

			const fetched = nodeOutput(run, M.get);
			assert.deepEqual(pairing(run, M.get), indexes(3));
			assert.deepEqual(
				fetched.map((m) => m.id),
				ids,
			);
			fetched.forEach((meeting, i) => {
				for (const field of ['uuid', 'topic', 'start_time', 'duration', 'agenda', 'join_url'])
					assert.deepEqual(meeting[field], created[i][field], `Get Meeting ${i}: ${field}`);
				assert.deepEqual(meeting.settings, created[i].settings);
			});

			assert.equal(runCount(run, M.list), 1);
			const listed = nodeOutput(run, M.list);
			const listedIds = listed.map((m) => m.id as number);
			assert.equal(new Set(listedIds).size, listed.length, 'Return All lists each meeting once');
			created.forEach((meeting, i) => {
				const entry = listed.find((m) => m.id === meeting.id);
				assert.ok(entry, `meeting ${meeting.id} is listed`);
				assert.equal(entry.topic, meetings[i].topic);
				assert.equal(entry.start_time, meetings[i].startTime);
				assert.equal(entry.duration, meetings[i].duration);
			});
			// everything else listed is the owner's meeting as stored in Zoom
			const others = listed.filter((m) => !ids.includes(m.id as number));
			assert.ok(others.length > 0, 'the seeded meetings are listed too');
			for (const entry of others) {
				const stored = sim.state.meetings.get(entry.id as number);
				assert.ok(stored, `listed meeting ${String(entry.id)} exists in Zoom`);
				assert.equal(stored.host_id, OWNER_ID);
				assert.equal(entry.topic, stored.topic);
				assert.equal(entry.uuid, stored.uuid);
			}

			const updated = nodeOutput(run, M.update);
			assert.deepEqual(pairing(run, M.update), indexes(3));
			updated.forEach((meeting, i) => {
				assert.equal(meeting.id, ids[i]);
				assert.equal(meeting.topic, `${meetings[i].topic} (moved)`);
				assert.equal(meeting.duration, 90);
				assert.equal(meeting.start_time, meetings[i].startTime, 'start time kept');
				assert.equal(meeting.agenda, meetings[i].agenda, 'agenda kept');
				const settings = meeting.settings as Json;
				assert.equal(settings.waiting_room, false);
				assert.equal(settings.mute_upon_entry, false);
				assert.equal(settings.join_before_host, false, 'settings not sent are kept');
			});

			assert.deepEqual(
				nodeOutput(run, M.delete),
				ids.map((id) => ({ id, deleted: true })),
			);
			assert.deepEqual(pairing(run, M.delete), indexes(3));
			for (const meetingId of ids)
				assert.equal(sim.state.meetings.has(meetingId), false, `meeting ${meetingId} deleted`);

			// ---- users ----
			const newUsers = nodeOutput(run, U.create);
			assert.deepEqual(pairing(run, U.create), indexes(2));
			assert.equal(sim.state.applied.userCreates - applied.userCreates, 2);
			const userIds = newUsers.map((u) => u.id as string);
			newUsers.forEach((user, i) => {
				assert.equal(typeof user.id, 'string');
				assert.equal(user.email, users[i].email);
				assert.equal(user.first_name, users[i].firstName);
				assert.equal(user.last_name, users[i].lastName);
				assert.equal(user.type, 1);
			});

			const readUsers = nodeOutput(run, U.get);
			assert.deepEqual(pairing(run, U.get), indexes(2));
			readUsers.forEach((user, i) => {
				assert.equal(user.id, userIds[i]);
				assert.equal(user.email, users[i].email);
				assert.equal(user.first_name, users[i].firstName);
				assert.equal(user.last_name, users[i].lastName);
				assert.equal(user.type, 1);
				assert.equal(user.status, 'active', '"Customer Create" makes an active user');
				assert.equal(user.account_id, DEFAULT_ACCOUNT_ID);
			});

			assert.equal(runCount(run, U.list), 1);
			const listedUsers = nodeOutput(run, U.list);
			const listedEmails = listedUsers.map((u) => u.email as string).sort();
			const activeInZoom = [...sim.state.users.values()]
				.filter((u) => u.account_id === DEFAULT_ACCOUNT_ID && u.status === 'active')
				.map((u) => u.email);
			assert.deepEqual(
				listedEmails,
				[...activeInZoom, ...users.map((u) => u.email)].sort(),
				'Return All lists every active user of the account, the new ones included',
			);
			for (const entry of listedUsers) {
				const stored = sim.state.users.get(entry.id as string);
				if (userIds.includes(entry.id as string)) continue;
				assert.ok(stored, `listed user ${String(entry.email)} exists in Zoom`);
				assert.equal(entry.email, stored.email);
				assert.equal(entry.first_name, stored.first_name);
			}

			const updatedUsers = nodeOutput(run, U.update);
			assert.deepEqual(pairing(run, U.update), indexes(2));
			updatedUsers.forEach((user, i) => {
				assert.equal(user.id, userIds[i]);
				assert.equal(user.job_title, jobTitle);
				assert.equal(user.last_name, `${users[i].lastName}-Updated`);
				assert.equal(user.first_name, users[i].firstName, 'fields not sent are kept');
			});

			assert.deepEqual(
				nodeOutput(run, U.deactivate),
				userIds.map((id) => ({ id, status: 'inactive' })),
			);
			assert.deepEqual(
				nodeOutput(run, U.delete),
				userIds.map((id) => ({ id, deleted: true, action: 'disassociate' })),
			);
			for (const user of users)
				assert.equal(sim.state.findUser(user.email), undefined, `${user.email} deleted`);

			// every write reached Zoom exactly once per item
			assert.equal(sim.counters.requests['POST /v2/users/{userId}/meetings'], 3);
			assert.equal(sim.counters.requests['PATCH /v2/meetings/{meetingId}'], 3);
			assert.equal(sim.counters.requests['DELETE /v2/meetings/{meetingId}'], 3);
			assert.equal(sim.counters.requests['POST /v2/users'], 2);
			assert.equal(sim.counters.requests['PATCH /v2/users/{userId}'], 2);
			assert.equal(sim.counters.requests['PUT /v2/users/{userId}/status'], 2);
			assert.equal(sim.counters.requests['DELETE /v2/users/{userId}'], 2);
			if (auth !== 'serverToServerOAuth')
				assert.equal(sim.counters.tokenMints, 0, 'a token credential never asks for a token');
		});
	}
});
