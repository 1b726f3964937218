/**
 * Workflows run by a real n8n 2.41.1 (`n8n execute`, as from the CLI) with the Zoom Workplace node
 * installed as a community package, against the local Zoom simulator.
 *
 * Each `n8n execute` is a fresh n8n process (5-9 s), so one workflow holds many Zoom nodes and the
 * tests read every node's output by name (workflow builders: `flows/zoomFlows.ts`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
	DEFAULT_ACCOUNT_ID,
	OWNER_EMAIL,
	OWNER_ID,
	startZoomSimulator,
	type ZoomSimulator,
} from '../simulator';
import { authorizeOAuth2App } from './flows/oauth2';
import {
	MEETING_NODES,
	RESILIENCE_NODES,
	USER_NODES,
	resilienceWorkflow,
	roundTripWorkflow,
	type Authentication,
	type MeetingInput,
	type UserInput,
	type ZoomCredentialRef,
} from './flows/zoomFlows';
import {
	createN8nHome,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	nodeOutput,
	type N8nHome,
	type N8nRun,
	type WorkflowNode,
} from './harness/n8n';

type Json = Record<string, unknown>;

const LABEL: Record<Authentication, string> = {
	serverToServerOAuth: 'Server-to-Server OAuth',
	accessToken: 'Access Token',
	oAuth2: 'OAuth2',
};

/** The run succeeded; otherwise fail with n8n's error. */
function assertSucceeded(run: N8nRun): void {
	assert.equal(
		run.status,
		'success',
		JSON.stringify(run.data.resultData.error ?? run, null, 2).slice(0, 3000),
	);
}

/** `pairedItem` of every item a node output (first run, output 0). */
function pairing(run: N8nRun, nodeName: string): unknown[] {
	const items = run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
	return items.map((item) => item.pairedItem);
}

/** How many times the node ran (1 for per-item nodes and Execute Once nodes alike). */
function runCount(run: N8nRun, nodeName: string): number {
	return run.data.resultData.runData[nodeName]?.length ?? 0;
}

const indexes = (n: number) => Array.from({ length: n }, (_, item) => ({ item }));

describe('Zoom Workplace workflows executed by a real n8n', { timeout: 30 * 60_000 }, () => {
	let sim: ZoomSimulator;
	/** tokens live 2 s here: long enough for one node, shorter than a 3 s Wait */
	let shortSim: ZoomSimulator;
	let home: N8nHome | undefined;
	let s2s: { id: string; name: string };
	const refs = {} as Record<Authentication, ZoomCredentialRef>;
	const shortRefs = {} as Record<'serverToServerOAuth' | 'oAuth2', ZoomCredentialRef>;

	before(
		async () => {
			sim = await startZoomSimulator();
			shortSim = await startZoomSimulator({ tokenLifetimeSeconds: 2, seed: false });
			home = await createN8nHome();
			const custom = (s: ZoomSimulator) => ({
				cloud: 'custom',
				apiBaseUrl: s.apiBaseUrl,
				oauthBaseUrl: s.oauthBaseUrl,
			});
			const oauth2Data = async (s: ZoomSimulator) => ({
				clientId: s.defaultOAuthApp.clientId,
				clientSecret: s.defaultOAuthApp.clientSecret,
				...custom(s),
				// what n8n stores after "Connect my account"
				oauthTokenData: await authorizeOAuth2App(s.oauthBaseUrl, s.defaultOAuthApp),
			});
			const [cS2s, cToken, cOAuth2, cShortS2s, cShortOAuth2] = await importCredentials(home, [
				{
					name: 'Zoom S2S (e2e)',
					type: 'zoomWorkplaceServerToServerOAuthApi',
					data: { ...sim.defaultApp, ...custom(sim) },
				},
				{
					name: 'Zoom token (e2e)',
					type: 'zoomWorkplaceAccessTokenApi',
					data: { accessToken: sim.issueAccessToken(), ...custom(sim) },
				},
				{ name: 'Zoom OAuth2 (e2e)', type: 'zoomWorkplaceOAuth2Api', data: await oauth2Data(sim) },
				{
					name: 'Zoom S2S 2-second tokens (e2e)',
					type: 'zoomWorkplaceServerToServerOAuthApi',
					data: { ...shortSim.defaultApp, ...custom(shortSim) },
				},
				{
					name: 'Zoom OAuth2 2-second tokens (e2e)',
					type: 'zoomWorkplaceOAuth2Api',
					data: await oauth2Data(shortSim),
				},
			]);
			s2s = { id: cS2s.id, name: cS2s.name };
			refs.serverToServerOAuth = { authentication: 'serverToServerOAuth', ...s2s };
			refs.accessToken = { authentication: 'accessToken', id: cToken.id, name: cToken.name };
			refs.oAuth2 = { authentication: 'oAuth2', id: cOAuth2.id, name: cOAuth2.name };
			shortRefs.serverToServerOAuth = {
				authentication: 'serverToServerOAuth',
				id: cShortS2s.id,
				name: cShortS2s.name,
			};
			shortRefs.oAuth2 = { authentication: 'oAuth2', id: cShortOAuth2.id, name: cShortOAuth2.name };
		},
		{ timeout: 25 * 60_000 },
	);

	after(async () => {
		await home?.cleanup();
		await sim?.close();
		await shortSim?.close();
	});

	const trigger: WorkflowNode = {
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		parameters: {},
	};
	const zoomNode = (parameters: Record<string, unknown>): WorkflowNode => ({
		name: 'Zoom',
		type: 'n8n-nodes-zoom.zoomWorkplace',
		typeVersion: 1,
		parameters: { authentication: 'serverToServerOAuth', ...parameters },
		credentials: { zoomWorkplaceServerToServerOAuthApi: s2s },
	});
	const startToZoom = { Start: { main: [[{ node: 'Zoom', type: 'main', index: 0 }]] } };

	it('gets the user behind a Server-to-Server OAuth credential ("me")', async () => {
		const id = await importWorkflow(home!, {
			name: 'e2e user get me',
			nodes: [
				trigger,
				zoomNode({
					resource: 'user',
					operation: 'get',
					userId: { __rl: true, mode: 'id', value: 'me' },
				}),
			],
			connections: startToZoom,
		});
		const run = await executeWorkflow(home!, id);
		assertSucceeded(run);
		const items = nodeOutput(run, 'Zoom');
		assert.equal(items.length, 1);
		assert.equal(items[0].id, OWNER_ID);
		assert.equal(items[0].email, OWNER_EMAIL);
	});

	it('reports an unknown user as a failed execution, not a crash', async () => {
		const id = await importWorkflow(home!, {
			name: 'e2e user get unknown',
			nodes: [
				trigger,
				zoomNode({
					resource: 'user',
					operation: 'get',
					userId: { __rl: true, mode: 'email', value: 'nobody@sim.example.com' },
				}),
			],
			connections: startToZoom,
		});
		const run = await executeWorkflow(home!, id);
		assert.equal(run.status, 'error');
		const error = run.data.resultData.error;
		assert.ok(error?.message, 'the run carries the node error');
		assert.match(String(error.message), /1001|does not exist/);
		assert.equal(run.data.resultData.lastNodeExecuted, 'Zoom');
	});

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

	for (const auth of ['serverToServerOAuth', 'oAuth2'] as const) {
		it(`${LABEL[auth]}: continue on fail pairs an error item with the bad item; a token that expires during a Wait is renewed`, async () => {
			const first = shortSim.state.addMeeting(OWNER_ID, {
				topic: `Kept A (${auth})`,
				start_time: '2030-02-01T10:00:00Z',
				duration: 30,
			});
			const last = shortSim.state.addMeeting(OWNER_ID, {
				topic: `Kept B (${auth})`,
				start_time: '2030-03-01T11:00:00Z',
				duration: 45,
			});
			const colleague = shortSim.state.addUser({
				email: `colleague-${auth.toLowerCase()}@example.com`,
				first_name: 'Cole',
			});
			const badMeeting = '99999999999';
			const ghost = 'ghost@example.com';
			const id = await importWorkflow(
				home!,
				resilienceWorkflow(shortRefs[auth], {
					meetingIds: [first.id, badMeeting, last.id],
					userIds: ['me', ghost, colleague.email],
					waitSeconds: 3,
				}),
			);
			const clientId =
				auth === 'oAuth2' ? shortSim.defaultOAuthApp.clientId : shortSim.defaultApp.clientId;
			const runStart = Date.now();
			const run = await executeWorkflow(home!, id);
			assertSucceeded(run);
			const R = RESILIENCE_NODES;

			const got = nodeOutput(run, R.getMeetings);
			assert.equal(got.length, 3, 'one output item per input item');
			assert.deepEqual(pairing(run, R.getMeetings), indexes(3));
			for (const [index, meeting] of [
				[0, first],
				[2, last],
			] as const) {
				assert.equal(got[index].id, meeting.id);
				assert.equal(got[index].uuid, meeting.uuid);
				assert.equal(got[index].topic, meeting.topic);
				assert.equal(got[index].start_time, meeting.start_time);
				assert.equal(got[index].duration, meeting.duration);
				assert.equal(got[index].error, undefined);
			}
			assert.match(String(got[1].error), /3001/);
			assert.match(String(got[1].error), new RegExp(badMeeting));
			assert.equal(got[1].httpCode, '404');
			assert.equal(got[1].id, undefined);

			const gotUsers = nodeOutput(run, R.getUsers);
			assert.equal(gotUsers.length, 3);
			assert.deepEqual(pairing(run, R.getUsers), indexes(3));
			assert.equal(gotUsers[0].id, OWNER_ID);
			assert.equal(gotUsers[0].email, OWNER_EMAIL);
			assert.match(String(gotUsers[1].error), /1001/);
			assert.match(String(gotUsers[1].error), new RegExp(ghost));
			assert.equal(gotUsers[1].httpCode, '404');
			assert.equal(gotUsers[2].id, colleague.id);
			assert.equal(gotUsers[2].email, colleague.email);
			assert.equal(gotUsers[2].first_name, 'Cole');

			// the node after the Wait ran with a renewed token
			assert.equal(run.data.resultData.lastNodeExecuted, R.afterWait);
			const me = nodeOutput(run, R.afterWait);
			assert.equal(me.length, 1);
			assert.equal(me[0].id, OWNER_ID);
			const minted = [...shortSim.state.accessTokens.values()]
				.filter((t) => t.clientId === clientId && t.expiresAt > runStart)
				.map((t) => t.expiresAt)
				.sort((a, b) => a - b);
			assert.ok(
				minted.length >= 2,
				`a second token was minted during the run (minted ${minted.length})`,
			);
			assert.ok(
				minted[minted.length - 1] - minted[0] >= 2_900,
				'the last token was minted after the Wait, when the first one had expired',
			);
			if (auth === 'oAuth2') {
				const refreshed = [...shortSim.state.refreshTokens.values()].filter(
					(t) => t.clientId === clientId && t.revoked,
				);
				assert.ok(refreshed.length >= 2, 'n8n used (and rotated) the refresh token');
			}
		});
	}
});
