import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';

import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { clearServerToServerTokenCache } from '../../credentials/common/serverToServerToken';
import type { ZoomSimulator } from '../simulator';
import { startZoomSimulator } from '../simulator';
import {
	CredentialsStore,
	ZoomProbe,
	activeExpressionEngine,
	buildAdditionalData,
	connectOAuth2,
	credentialsHelperFor,
	disposeExpressionEngine,
	executeNode,
	testCredential,
	useExpressionEngine,
} from './harness';
import type { ExpressionEngine } from './harness';

const S2S = 'zoomWorkplaceServerToServerOAuthApi';
const OAUTH2 = 'zoomWorkplaceOAuth2Api';
const ACCESS_TOKEN = 'zoomWorkplaceAccessTokenApi';

const OK = { status: 'OK', message: 'Connection successful!' };

/** A stand-in for a foreign host: records every connection and request it gets. */
async function startEvilServer() {
	const seen = { connections: 0, requests: [] as string[] };
	const server = createServer((req, res) => {
		seen.requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{"stolen":true}');
	});
	server.on('connection', () => seen.connections++);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		seen,
		host: `127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** Sum of the simulator's API request counters whose key starts with `prefix`. */
function apiRequests(sim: ZoomSimulator, prefix = ''): number {
	return Object.entries(sim.counters.requests)
		.filter(([key]) => key.startsWith(prefix))
		.reduce((sum, [, count]) => sum + count, 0);
}

const engines: ExpressionEngine[] = process.env.N8N_EXPRESSION_ENGINE
	? [process.env.N8N_EXPRESSION_ENGINE as ExpressionEngine]
	: ['vm', 'legacy'];

for (const engine of engines) {
	describe(`Zoom credentials through n8n-core (expression engine: ${engine})`, () => {
		let sim: ZoomSimulator;
		let evil: Awaited<ReturnType<typeof startEvilServer>>;
		let store: CredentialsStore;

		const custom = () => ({
			cloud: 'custom',
			apiBaseUrl: sim.apiBaseUrl,
			oauthBaseUrl: sim.oauthBaseUrl,
		});
		const s2sData = (overrides: ICredentialDataDecryptedObject = {}) => ({
			accountId: sim.defaultApp.accountId,
			clientId: sim.defaultApp.clientId,
			clientSecret: sim.defaultApp.clientSecret,
			...custom(),
			...overrides,
		});
		const oauth2Data = (overrides: ICredentialDataDecryptedObject = {}) => ({
			clientId: sim.defaultOAuthApp.clientId,
			clientSecret: sim.defaultOAuthApp.clientSecret,
			...custom(),
			...overrides,
		});
		const accessTokenData = (
			accessToken: string,
			overrides: ICredentialDataDecryptedObject = {},
		) => ({
			accessToken,
			cloud: 'custom',
			apiBaseUrl: sim.apiBaseUrl,
			...overrides,
		});
		/** Saves an OAuth2 credential and clicks "Connect my account". */
		const connectedOAuth2 = async (overrides: ICredentialDataDecryptedObject = {}) => {
			const ref = store.add({ type: OAUTH2, data: oauth2Data(overrides) });
			const connection = await connectOAuth2({ store, id: ref.id });
			return { ref, connection };
		};
		const runProbe = async (
			credentialType: string,
			ref: { id: string; name: string },
			items: number,
			continueOnFail = false,
		) =>
			await executeNode({
				nodeType: new ZoomProbe(),
				parameters: { credentialType, path: 'users/me' },
				credentials: { [credentialType]: ref },
				inputItems: Array.from({ length: items }, (_, index) => ({ index })),
				continueOnFail,
				credentialsStore: store,
			});

		before(async () => {
			await useExpressionEngine(engine);
			// rate limits are not what these tests are about, and they run many requests per second
			sim = await startZoomSimulator({ seed: true, enforceRateLimits: false });
			evil = await startEvilServer();
		});

		after(async () => {
			await sim.close();
			await evil.close();
			await disposeExpressionEngine();
		});

		beforeEach(() => {
			clearServerToServerTokenCache();
			sim.resetCounters();
			store = new CredentialsStore();
		});

		afterEach(() => {
			assert.equal(
				evil.seen.connections,
				0,
				`a request left the simulator: ${evil.seen.requests.join(', ')}`,
			);
		});

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
					}
					assert.equal(evil.seen.connections, 0);
					assert.deepEqual(evil.seen.requests, []);
				});
			}
		});

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

		describe('OAuth2 (requestOAuth2)', () => {
			test('"Connect my account" stores n8n\'s oauthTokenData', async () => {
				const { ref, connection } = await connectedOAuth2();
				assert.ok(connection.authorizationUrl.startsWith(`${sim.oauthBaseUrl}/oauth/authorize?`));
				const saved = store.data(ref.id).oauthTokenData as IDataObject;
				assert.equal(saved.token_type, 'bearer');
				assert.equal(typeof saved.access_token, 'string');
				assert.equal(typeof saved.refresh_token, 'string');
				assert.equal(saved.expires_in, 3600);
			});

			test('hidden authUrl/accessTokenUrl resolve from $self for every cloud', async () => {
				const helper = credentialsHelperFor(store);
				const additionalData = buildAdditionalData({ credentialsHelper: helper });
				const resolve = async (data: ICredentialDataDecryptedObject) =>
					await helper.applyDefaultsAndOverwrites(additionalData, data, OAUTH2, 'internal');

				const global = await resolve({ clientId: 'a', clientSecret: 'b' });
				assert.equal(global.authUrl, 'https://zoom.us/oauth/authorize');
				assert.equal(global.accessTokenUrl, 'https://zoom.us/oauth/token');
				const gov = await resolve({ clientId: 'a', clientSecret: 'b', cloud: 'gov' });
				assert.equal(gov.accessTokenUrl, 'https://zoomgov.com/oauth/token');
				const custom = await resolve({
					clientId: 'a',
					clientSecret: 'b',
					cloud: 'custom',
					oauthBaseUrl: ` ${sim.oauthBaseUrl}// `,
					// stored values of hidden OAuth fields are ignored, as in n8n
					accessTokenUrl: 'https://evil.example/token',
				});
				assert.equal(custom.authUrl, `${sim.oauthBaseUrl}/oauth/authorize`);
				assert.equal(custom.accessTokenUrl, `${sim.oauthBaseUrl}/oauth/token`);
				assert.equal(custom.grantType, 'authorizationCode');
			});

			test('a connected credential works in a workflow', async () => {
				const { ref } = await connectedOAuth2();
				const result = await runProbe(OAUTH2, ref, 3);
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(result.items.length, 3);
				result.items.forEach((item, index) => {
					assert.equal(item.json.email, 'owner@sim.example.com');
					assert.deepEqual(item.pairedItem, { item: index });
				});
				assert.equal(sim.counters.tokenMints, 1); // the code exchange only
			});

			test('an expired token is refreshed and the rotated refresh token is saved', async () => {
				const { ref, connection } = await connectedOAuth2();
				const helper = credentialsHelperFor(store);
				const original = connection.oauthTokenData;

				sim.expireAllTokens();
				sim.resetCounters();
				const result = await runProbe(OAUTH2, ref, 3);
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(result.items.length, 3);
				assert.equal(sim.counters.tokenRequests, 1);
				assert.equal(sim.counters.tokenMints, 1);
				assert.equal(helper.counters.updateCredentialsOauthTokenData, 1);

				const saved = store.data(ref.id).oauthTokenData as IDataObject;
				assert.notEqual(saved.access_token, original.access_token);
				assert.notEqual(saved.refresh_token, original.refresh_token);
				assert.equal(sim.state.refreshTokens.get(original.refresh_token as string)?.revoked, true);
				assert.equal(sim.state.refreshTokens.get(saved.refresh_token as string)?.revoked, false);
				assert.equal(store.writes.at(-1)?.kind, 'updateCredentialsOauthTokenData');

				// the saved (rotated) refresh token is the one that works next time
				sim.expireAllTokens();
				sim.resetCounters();
				const again = await runProbe(OAUTH2, ref, 1);
				assert.equal(again.error, undefined, again.error?.message);
				assert.equal(sim.counters.tokenMints, 1);
				assert.notEqual(
					(store.data(ref.id).oauthTokenData as IDataObject).refresh_token,
					saved.refresh_token,
				);
			});

			test('a revoked grant asks to reconnect', async () => {
				const { ref, connection } = await connectedOAuth2();
				sim.revokeToken(connection.oauthTokenData.access_token as string);
				sim.revokeToken(connection.oauthTokenData.refresh_token as string);
				const result = await runProbe(OAUTH2, ref, 1);
				assert.ok(result.error);
				assert.match(result.error.message, /needs to be reconnected/);
				assert.ok(!JSON.stringify(result.run).includes(sim.defaultOAuthApp.clientSecret));
			});
		});
	});
}
