/**
 * Workflows run by a real n8n 2.41.1 (`n8n execute`, as from the CLI) with the Zoom Workplace node
 * installed as a community package, against the local Zoom simulator.
 *
 * Each `n8n execute` is a fresh n8n process (5-9 s), so one workflow holds many Zoom nodes and the
 * tests read every node's output by name (workflow builders: `flows/zoomFlows.ts`).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { OWNER_EMAIL, OWNER_ID, type ZoomSimulator } from '../../simulator';
import { RESILIENCE_NODES, resilienceWorkflow, type ZoomCredentialRef } from '../flows/zoomFlows';
import { executeWorkflow, importWorkflow, nodeOutput, type N8nHome } from '../harness/n8n';
import { workflowSuite, LABEL, assertSucceeded, pairing, indexes } from './suite';

describe('Zoom Workplace workflows executed by a real n8n', { timeout: 30 * 60_000 }, () => {
	const suite = workflowSuite();
	let shortSim: ZoomSimulator;
	let home: N8nHome | undefined;
	let shortRefs: Record<'serverToServerOAuth' | 'oAuth2', ZoomCredentialRef>;
	before(() => ({ shortSim, home, shortRefs } = suite));

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
