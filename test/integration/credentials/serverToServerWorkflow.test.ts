import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import type { ZoomSimulator } from '../../simulator';
import { credentialsHelperFor, type CredentialsStore } from '../harness';
import { credentialsSuite, engines, S2S, apiRequests } from './suite';

for (const engine of engines) {
	describe(`Zoom credentials through n8n-core (expression engine: ${engine})`, () => {
		const suite = credentialsSuite(engine);
		const { s2sData, runProbe } = suite;
		let sim: ZoomSimulator;
		let store: CredentialsStore;
		beforeEach(() => ({ sim, store } = suite));

		describe('Server-to-Server token lifecycle in a workflow (WorkflowExecute + httpRequestWithAuthentication)', () => {
			test('one token for many requests, saved in the credential', async () => {
				const ref = store.add({ type: S2S, data: s2sData() });
				const helper = credentialsHelperFor(store);

				const result = await runProbe(S2S, ref, 10);
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(result.items.length, 10);
				result.items.forEach((item, index) => {
					assert.equal(item.json.email, 'owner@sim.example.com');
					assert.deepEqual(item.pairedItem, { item: index });
				});

				assert.equal(sim.counters.tokenMints, 1);
				assert.equal(helper.counters.preAuthenticationRuns, 1);
				assert.equal(helper.counters.preAuthentication, 10);
				assert.equal(apiRequests(sim, 'GET /v2/users/{userId}'), 10);

				const saved = store.data(ref.id);
				assert.ok(sim.state.accessTokens.has(saved.accessToken as string));
				assert.deepEqual(
					store.writes.map((write) => write.kind),
					['updateCredentials'],
				);

				const runJson = JSON.stringify(result.run);
				assert.ok(
					!runJson.includes(sim.defaultApp.clientSecret),
					'client secret in the execution data',
				);
				assert.ok(
					!runJson.includes(saved.accessToken as string),
					'access token in the execution data',
				);

				// a second execution reuses the saved token
				const second = await runProbe(S2S, ref, 3);
				assert.equal(second.items.length, 3);
				assert.equal(sim.counters.tokenMints, 1);
				assert.equal(helper.counters.preAuthenticationRuns, 1);
			});

			test('an expired token is replaced once (401 → preAuthentication → retry)', async () => {
				const ref = store.add({ type: S2S, data: s2sData() });
				const helper = credentialsHelperFor(store);
				await runProbe(S2S, ref, 1);
				const oldToken = store.data(ref.id).accessToken as string;

				sim.expireAllTokens();
				sim.resetCounters();
				helper.resetCounters();

				const result = await runProbe(S2S, ref, 5);
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(result.items.length, 5);
				assert.ok(result.items.every((item) => item.json.email === 'owner@sim.example.com'));

				assert.equal(sim.counters.tokenMints, 1);
				assert.equal(helper.counters.preAuthenticationRuns, 1);
				// 5 answered requests + the one that got 401
				assert.equal(apiRequests(sim, 'GET /v2/users/{userId}'), 6);
				const newToken = store.data(ref.id).accessToken as string;
				assert.notEqual(newToken, oldToken);
				assert.ok(sim.state.accessTokens.has(newToken));
			});

			test("a wrong secret fails the node with Zoom's reason, and continueOnFail keeps going", async () => {
				const secret = 'wrong-secret-in-workflow-91b2';
				const ref = store.add({ type: S2S, data: s2sData({ clientSecret: secret }) });

				const failed = await runProbe(S2S, ref, 2);
				assert.ok(failed.error, 'the node should fail');
				assert.match(failed.error.message, /Invalid client_id or client_secret/);
				assert.ok(!JSON.stringify(failed.run).includes(secret));

				const continued = await runProbe(S2S, ref, 2, true);
				assert.equal(continued.error, undefined);
				assert.equal(continued.items.length, 2);
				continued.items.forEach((item, index) => {
					assert.match(String(item.json.error), /Invalid client_id or client_secret/);
					assert.deepEqual(item.pairedItem, { item: index });
				});
				assert.ok(!JSON.stringify(continued.run).includes(secret));
			});
		});
	});
}
