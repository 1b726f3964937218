import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { clearServerToServerTokenCache } from '../../../nodes/core/transport/serverToServerToken';
import type { ZoomSimulator } from '../../simulator';
import {
	activeExpressionEngine,
	credentialsHelperFor,
	testCredential,
	type CredentialsStore,
} from '../harness';
import {
	credentialsSuite,
	engines,
	OK,
	S2S,
	OAUTH2,
	ACCESS_TOKEN,
	apiRequests,
	type EvilServer,
} from './suite';

for (const engine of engines) {
	describe(`Zoom credentials through n8n-core (expression engine: ${engine})`, () => {
		const suite = credentialsSuite(engine);
		const { s2sData, oauth2Data, accessTokenData, connectedOAuth2 } = suite;
		let sim: ZoomSimulator;
		let evil: EvilServer;
		let store: CredentialsStore;
		beforeEach(() => ({ sim, evil, store } = suite));

		test('runs on the requested expression engine', () => {
			assert.equal(activeExpressionEngine(), engine);
		});

		describe('credential test (the "Test" button, CredentialsTester)', () => {
			test('Server-to-Server: good credentials', async () => {
				const result = await testCredential(S2S, s2sData(), { store });
				assert.deepEqual({ status: result.status, message: result.message }, OK);
				assert.equal(sim.counters.tokenMints, 1);
				assert.equal(apiRequests(sim, 'GET /v2/users/{userId}'), 1);
				// preAuthentication persists the token it fetched for the test
				const saved = store.data(result.id).accessToken as string;
				assert.ok(sim.state.accessTokens.has(saved));
			});

			test('Server-to-Server: a test always fetches a new token (test node detected)', async () => {
				const first = await testCredential(S2S, s2sData(), { store });
				assert.equal(first.status, 'OK');
				clearServerToServerTokenCache();
				const again = await testCredential(S2S, {}, { store, id: first.id });
				assert.equal(again.status, 'OK');
				assert.equal(sim.counters.tokenMints, 2);
				assert.equal(credentialsHelperFor(store).counters.preAuthenticationRuns, 2);
			});

			test('Server-to-Server: wrong client secret', async () => {
				const secret = 'wrong-secret-7f3a9c0d';
				const result = await testCredential(S2S, s2sData({ clientSecret: secret }), { store });
				assert.equal(result.status, 'Error');
				assert.match(result.message, /Invalid client_id or client_secret/);
				assert.match(result.message, /Check the Client ID and Client Secret/);
				assert.ok(!result.message.includes(secret), 'the secret leaked into the message');
				assert.equal(sim.counters.tokenMints, 0);
				assert.equal(sim.counters.totalApiRequests, 0);
			});

			test('Server-to-Server: wrong account ID', async () => {
				const result = await testCredential(S2S, s2sData({ accountId: 'not-my-account' }), {
					store,
				});
				assert.equal(result.status, 'Error');
				assert.match(result.message, /Invalid account_id/);
				assert.match(result.message, /Check the Account ID/);
			});

			test('Server-to-Server: app without user scopes fails on the default test path with the scope hint', async () => {
				const clientId = `meetings-only-${engine}`;
				sim.addServerToServerApp({
					clientId,
					clientSecret: 'meetings-only-secret',
					scopes: ['meeting:read:admin', 'meeting:write:admin'],
				});
				const data = s2sData({ clientId, clientSecret: 'meetings-only-secret' });

				const result = await testCredential(S2S, data, { store });
				assert.equal(result.status, 'Error');
				assert.match(result.message, /HTTP 400/);
				assert.match(result.message, /4711/);
				assert.match(result.message, /users\/me\/meetings/);

				const withMeetingPath = await testCredential(
					S2S,
					{ ...data, testPath: 'users/me/meetings' },
					{ store },
				);
				assert.deepEqual({ status: withMeetingPath.status, message: withMeetingPath.message }, OK);
				assert.equal(apiRequests(sim, 'GET /v2/users/{userId}/meetings'), 1);
			});

			test('Access Token: good, revoked and expired tokens', async () => {
				const token = sim.issueAccessToken();
				const good = await testCredential(ACCESS_TOKEN, accessTokenData(token), { store });
				assert.deepEqual({ status: good.status, message: good.message }, OK);

				sim.revokeToken(token);
				const revoked = await testCredential(ACCESS_TOKEN, {}, { store, id: good.id });
				assert.equal(revoked.status, 'Error');
				assert.match(revoked.message, /HTTP 401, code 124/);
				assert.match(revoked.message, /expired, revoked/);

				const expiring = sim.issueAccessToken();
				sim.expireAllTokens();
				const expired = await testCredential(ACCESS_TOKEN, accessTokenData(expiring), { store });
				assert.equal(expired.status, 'Error');
				assert.equal(expired.message, revoked.message);
				assert.ok(!expired.message.includes(expiring));
			});

			test('OAuth2: connected credential', async () => {
				const { ref } = await connectedOAuth2();
				const result = await testCredential(OAUTH2, {}, { store, id: ref.id });
				assert.deepEqual({ status: result.status, message: result.message }, OK);
			});

			test('OAuth2: a credential that was never connected fails', async () => {
				const ref = store.add({ type: OAUTH2, data: oauth2Data() });
				const result = await testCredential(OAUTH2, {}, { store, id: ref.id });
				assert.equal(result.status, 'Error');
				assert.equal(sim.counters.totalApiRequests, 0);
			});

			const hostileTestPaths = (host: string) => [
				'https://evil.example/x',
				'//evil.example/x',
				`http://${host}/x`,
				`//${host}/x`,
				`HTTP://${host}/x`,
				` //${host}/x`,
				`\\\\${host}\\x`,
				`/\\${host}/x`,
			];

			for (const type of [S2S, ACCESS_TOKEN, OAUTH2]) {
				test(`${type}: a test path naming another host never leaves the API host`, async () => {
					let ref: { id: string } | undefined;
					if (type === OAUTH2) ref = (await connectedOAuth2()).ref;
					if (type === ACCESS_TOKEN)
						ref = store.add({ type, data: accessTokenData(sim.issueAccessToken()) });
					if (type === S2S) ref = store.add({ type, data: s2sData() });

					for (const testPath of hostileTestPaths(evil.host)) {
						sim.resetCounters();
						const result = await testCredential(type, { testPath }, { store, id: ref!.id });
						assert.equal(result.status, 'Error', testPath);
						assert.match(result.message, /404 Not Found for the test path/, testPath);
						assert.equal(sim.counters.totalApiRequests, 1, testPath);
						assert.equal(apiRequests(sim, 'GET /v2/'), 1, testPath);
						// The request went to a path no Zoom operation has: sent on purpose, claimed here.
						assert.deepEqual(
							sim.takeSpecViolations().map((violation) => violation.rule),
							['no such operation in the spec'],
							testPath,
						);
					}
					assert.equal(evil.seen.connections, 0);
					assert.deepEqual(evil.seen.requests, []);
				});
			}
		});
	});
}
