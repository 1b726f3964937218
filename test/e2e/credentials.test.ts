/**
 * The credential test as the editor runs it, in a real n8n 2.41.1, against the local Zoom simulator:
 * `POST /rest/credentials/test` with `{credentials: {id, name, type, data}}` for a saved credential.
 * Each credential type: a good one passes; each way it can be wrong (secret, account, deactivated
 * app, revoked/expired token, missing scope for the test path) gets a message that says what to
 * fix and never contains the secret. OAuth2 is also connected through n8n's own OAuth2 flow.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startZoomSimulator, type ZoomSimulator } from '../simulator';
import { authorizeOAuth2App } from './flows/oauth2';
import {
	createCredential,
	createN8nHome,
	getCredential,
	login,
	rest,
	setupOwner,
	startN8nServer,
	testCredential,
	type CredentialTestResult,
	type N8nHome,
	type N8nServer,
	type Session,
} from './harness/n8n';

describe(
	'credential tests in a real n8n against the Zoom simulator',
	{ timeout: 30 * 60_000 },
	() => {
		let sim: ZoomSimulator;
		let home: N8nHome | undefined;
		let server: N8nServer | undefined;
		let session: Session;

		before(
			async () => {
				sim = await startZoomSimulator();
				home = await createN8nHome();
				server = await startN8nServer(home);
				await setupOwner(server);
				session = await login(server);
			},
			{ timeout: 25 * 60_000 },
		);

		after(async () => {
			await server?.stop();
			await home?.cleanup();
			await sim?.close();
		});

		const s2sData = (overrides: Record<string, unknown> = {}) => ({
			accountId: sim.defaultApp.accountId,
			clientId: sim.defaultApp.clientId,
			clientSecret: sim.defaultApp.clientSecret,
			cloud: 'custom',
			apiBaseUrl: sim.apiBaseUrl,
			oauthBaseUrl: sim.oauthBaseUrl,
			...overrides,
		});

		it('Server-to-Server OAuth: a saved credential tests OK, and the token n8n fetched is stored', async () => {
			const saved = await createCredential(session, {
				name: 'Zoom S2S (e2e)',
				type: 'zoomWorkplaceServerToServerOAuthApi',
				data: s2sData(),
			});
			const mintsBefore = sim.counters.tokenMints;
			const result = await testCredential(session, {
				id: saved.id,
				name: saved.name,
				type: saved.type,
				data: s2sData(),
			});
			assert.deepEqual(result.status, 'OK', `credential test failed: ${result.message}`);
			assert.ok(
				sim.counters.tokenMints > mintsBefore,
				'n8n did not fetch a token from the simulator',
			);

			// n8n runs preAuthentication on every test and writes its result to the saved credential
			const stored = await getCredential(session, saved.id);
			assert.ok(
				stored.data.accessToken,
				'the access token was not persisted on the saved credential',
			);
		});

		it('Server-to-Server OAuth: the editor sends back redacted secrets, n8n restores them', async () => {
			const saved = await createCredential(session, {
				name: 'Zoom S2S redacted (e2e)',
				type: 'zoomWorkplaceServerToServerOAuthApi',
				data: s2sData(),
			});
			// what the credential modal holds: GET ?includeData=true, password fields redacted
			const asShown = await getCredential(session, saved.id);
			assert.notEqual(
				asShown.data.clientSecret,
				sim.defaultApp.clientSecret,
				'client secret is redacted',
			);
			const result = await testCredential(session, {
				id: saved.id,
				name: saved.name,
				type: saved.type,
				data: asShown.data,
			});
			assert.equal(result.status, 'OK', `credential test failed: ${result.message}`);
		});

		it('Server-to-Server OAuth: a wrong client secret fails the test without echoing the secret', async () => {
			const wrongSecret = 'definitely-not-the-secret-1234';
			const saved = await createCredential(session, {
				name: 'Zoom S2S wrong secret (e2e)',
				type: 'zoomWorkplaceServerToServerOAuthApi',
				data: s2sData({ clientSecret: wrongSecret }),
			});
			const result = await testCredential(session, {
				id: saved.id,
				name: saved.name,
				type: saved.type,
				data: s2sData({ clientSecret: wrongSecret }),
			});
			assert.equal(result.status, 'Error');
			assert.ok(result.message.length > 0, 'an error message is shown');
			assert.match(
				result.message,
				/Invalid client_id or client_secret.*Check the Client ID and Client Secret/s,
			);
			assert.ok(
				!result.message.includes(wrongSecret),
				`message echoes the secret: ${result.message}`,
			);
		});

		it('Access Token: a valid token tests OK, an unknown one fails', async () => {
			const data = (accessToken: string) => ({
				accessToken,
				cloud: 'custom',
				apiBaseUrl: sim.apiBaseUrl,
			});
			const good = await createCredential(session, {
				name: 'Zoom token (e2e)',
				type: 'zoomWorkplaceAccessTokenApi',
				data: data(sim.issueAccessToken()),
			});
			const ok = await testCredential(session, { id: good.id, name: good.name, type: good.type });
			assert.equal(ok.status, 'OK', `credential test failed: ${ok.message}`);

			const bad = await createCredential(session, {
				name: 'Zoom bad token (e2e)',
				type: 'zoomWorkplaceAccessTokenApi',
				data: data('not-a-token'),
			});
			const failed = await testCredential(session, { id: bad.id, name: bad.name, type: bad.type });
			assert.equal(failed.status, 'Error');
			assert.match(failed.message, /HTTP 401, code 124/);
			assert.ok(!failed.message.includes('not-a-token'), failed.message);
		});
		// ---- what each failure tells the user; a secret is never echoed ----

		/** Saves a credential and tests it as the editor does right after saving. */
		async function saveAndTest(
			name: string,
			type: string,
			data: Record<string, unknown>,
		): Promise<CredentialTestResult> {
			const saved = await createCredential(session, { name, type, data });
			return await testCredential(session, { id: saved.id, name: saved.name, type, data });
		}

		function assertFailedWithout(
			result: CredentialTestResult,
			expected: RegExp,
			secrets: string[],
		): void {
			assert.equal(result.status, 'Error', `expected a failed test, got: ${result.message}`);
			assert.match(result.message, expected);
			for (const secret of secrets)
				assert.ok(!result.message.includes(secret), `message echoes a secret: ${result.message}`);
		}

		const SCOPE_HINT = /HTTP 400.*4711.*user:read:admin.*"Test Path".*users\/me\/meetings/s;

		it('Server-to-Server OAuth: a wrong Account ID says to check the Account ID', async () => {
			const result = await saveAndTest(
				'Zoom S2S wrong account (e2e)',
				'zoomWorkplaceServerToServerOAuthApi',
				s2sData({ accountId: 'not-my-account' }),
			);
			assertFailedWithout(result, /Invalid account_id.*Check the Account ID/s, [
				sim.defaultApp.clientSecret,
			]);
		});

		it('Server-to-Server OAuth: a deactivated app says to activate it', async () => {
			const app = { clientId: 'disabled-app', clientSecret: 'disabled-app-secret-987' };
			sim.addServerToServerApp(app);
			sim.disableApp(app.clientId);
			const result = await saveAndTest(
				'Zoom S2S disabled app (e2e)',
				'zoomWorkplaceServerToServerOAuthApi',
				s2sData(app),
			);
			assertFailedWithout(result, /has been disabled.*Activate the app/s, [app.clientSecret]);
		});

		it('Server-to-Server OAuth: an app without a user scope gets the scope hint; with "Test Path" users/me/meetings it passes', async () => {
			const appCredentials = {
				clientId: 'meetings-only-app',
				clientSecret: 'meetings-only-secret-456',
			};
			sim.addServerToServerApp({ ...appCredentials, scopes: ['meeting:read:admin'] });
			const result = await saveAndTest(
				'Zoom S2S meetings-only (e2e)',
				'zoomWorkplaceServerToServerOAuthApi',
				s2sData(appCredentials),
			);
			assertFailedWithout(result, SCOPE_HINT, [appCredentials.clientSecret]);

			const withPath = await saveAndTest(
				'Zoom S2S meetings-only, test path (e2e)',
				'zoomWorkplaceServerToServerOAuthApi',
				s2sData({ ...appCredentials, testPath: 'users/me/meetings' }),
			);
			assert.equal(withPath.status, 'OK', withPath.message);
			assert.match(withPath.message, /Connection successful/);
		});

		const tokenData = (accessToken: string, overrides: Record<string, unknown> = {}) => ({
			accessToken,
			cloud: 'custom',
			apiBaseUrl: sim.apiBaseUrl,
			...overrides,
		});

		it('Access Token: a revoked or expired token says what to do, without echoing the token', async () => {
			const revoked = sim.issueAccessToken();
			sim.revokeToken(revoked);
			const expired = sim.issueAccessToken({ lifetimeSeconds: 0 });
			for (const [label, token] of [
				['revoked', revoked],
				['expired', expired],
				['unknown', 'not-a-zoom-token-0123456789'],
			]) {
				const result = await saveAndTest(
					`Zoom ${label} token (e2e)`,
					'zoomWorkplaceAccessTokenApi',
					tokenData(token),
				);
				assertFailedWithout(result, /HTTP 401, code 124.*expired, revoked.*Paste a fresh token/s, [
					token,
				]);
			}
		});

		it('Access Token: a token without a user scope gets the scope hint; with "Test Path" users/me/meetings it passes', async () => {
			const token = sim.issueAccessToken({ scopes: ['meeting:read:admin'] });
			const result = await saveAndTest(
				'Zoom meetings-only token (e2e)',
				'zoomWorkplaceAccessTokenApi',
				tokenData(token),
			);
			assertFailedWithout(result, SCOPE_HINT, [token]);
			const withPath = await saveAndTest(
				'Zoom meetings-only token, test path (e2e)',
				'zoomWorkplaceAccessTokenApi',
				tokenData(token, { testPath: 'users/me/meetings' }),
			);
			assert.equal(withPath.status, 'OK', withPath.message);
		});

		const oauth2Fields = (app: { clientId: string; clientSecret: string }) => ({
			clientId: app.clientId,
			clientSecret: app.clientSecret,
			cloud: 'custom',
			apiBaseUrl: sim.apiBaseUrl,
			oauthBaseUrl: sim.oauthBaseUrl,
		});

		it('OAuth2: "Connect my account" through n8n\'s own OAuth2 flow stores a token, and the connected credential tests OK', async () => {
			const app = sim.defaultOAuthApp;
			const saved = await createCredential(session, {
				name: 'Zoom OAuth2 connected by n8n (e2e)',
				type: 'zoomWorkplaceOAuth2Api',
				data: oauth2Fields(app),
			});
			// the popup: n8n builds the authorization URL from the credential's $self expressions
			const authUrl = await rest<string>(
				session,
				'GET',
				`/rest/oauth2-credential/auth?id=${encodeURIComponent(saved.id)}`,
			);
			assert.ok(
				authUrl.startsWith(`${sim.oauthBaseUrl}/oauth/authorize?`),
				`authorization URL on the simulator: ${authUrl}`,
			);
			assert.equal(new URL(authUrl).searchParams.get('client_id'), app.clientId);
			// Zoom's consent screen (auto-approved) redirects to n8n's callback with a code
			const authorized = await fetch(authUrl, { redirect: 'manual' });
			assert.equal(authorized.status, 302);
			const callback = authorized.headers.get('location')!;
			assert.ok(
				callback.startsWith(`${session.baseUrl}/rest/oauth2-credential/callback?`),
				callback,
			);
			const mintsBefore = sim.counters.tokenMints;
			const callbackPage = await fetch(callback, {
				headers: { cookie: session.cookie },
				redirect: 'manual',
			});
			assert.equal(callbackPage.status, 200, await callbackPage.text());
			assert.equal(sim.counters.tokenMints - mintsBefore, 1, 'n8n exchanged the code for a token');

			const shown = await getCredential(session, saved.id);
			assert.equal(shown.data.oauthTokenData, true, 'the editor sees "account connected"');
			// n8n 2.41 does not restore the `oauthTokenData: true` marker the editor holds (only the
			// blanking value), so the stored token is asked for with that value.
			const result = await testCredential(session, {
				id: saved.id,
				name: saved.name,
				type: saved.type,
				data: { ...shown.data, oauthTokenData: shown.data.clientSecret },
			});
			assert.equal(result.status, 'OK', result.message);
			assert.match(result.message, /Connection successful/);
		});

		it('OAuth2: a revoked access token is refreshed during the test; once every token of the app is revoked, the test fails', async () => {
			const app = { clientId: 'oauth-refresh-app', clientSecret: 'oauth-refresh-secret-654' };
			sim.addOAuthApp(app);
			const tokens = await authorizeOAuth2App(sim.oauthBaseUrl, app);
			const data = { ...oauth2Fields(app), oauthTokenData: tokens };
			const saved = await createCredential(session, {
				name: 'Zoom OAuth2 (e2e)',
				type: 'zoomWorkplaceOAuth2Api',
				data,
			});
			const test = () =>
				testCredential(session, { id: saved.id, name: saved.name, type: saved.type, data });
			const ok = await test();
			assert.equal(ok.status, 'OK', ok.message);

			sim.revokeToken(tokens.access_token);
			const mintsBefore = sim.counters.tokenMints;
			const refreshed = await test();
			assert.equal(refreshed.status, 'OK', refreshed.message);
			assert.equal(sim.counters.tokenMints - mintsBefore, 1, 'n8n refreshed the token');

			// the user removed the app: every access and refresh token of it stops working
			for (const token of [...sim.state.accessTokens.values(), ...sim.state.refreshTokens.values()])
				if (token.clientId === app.clientId) token.revoked = true;
			const failed = await test();
			assertFailedWithout(failed, /HTTP 401, code 124.*could not be refreshed.*"Reconnect"/s, [
				app.clientSecret,
				tokens.refresh_token,
			]);
		});

		it('OAuth2: an app without a user scope gets the scope hint; with "Test Path" users/me/meetings it passes', async () => {
			const app = {
				clientId: 'oauth-meetings-only',
				clientSecret: 'oauth-meetings-only-secret-321',
				scopes: ['meeting:read:admin'],
			};
			sim.addOAuthApp(app);
			const data = {
				...oauth2Fields(app),
				oauthTokenData: await authorizeOAuth2App(sim.oauthBaseUrl, app),
			};
			const result = await saveAndTest(
				'Zoom OAuth2 meetings-only (e2e)',
				'zoomWorkplaceOAuth2Api',
				data,
			);
			assertFailedWithout(result, SCOPE_HINT, [app.clientSecret]);
			const withPath = await saveAndTest(
				'Zoom OAuth2 meetings-only, test path (e2e)',
				'zoomWorkplaceOAuth2Api',
				{ ...data, testPath: 'users/me/meetings' },
			);
			assert.equal(withPath.status, 'OK', withPath.message);
		});

		it('OAuth2: a credential that was never connected fails the test', async () => {
			const app = sim.defaultOAuthApp;
			const result = await saveAndTest(
				'Zoom OAuth2 not connected (e2e)',
				'zoomWorkplaceOAuth2Api',
				oauth2Fields(app),
			);
			assertFailedWithout(result, /access token/i, [app.clientSecret]);
		});
	},
);
