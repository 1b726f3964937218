/**
 * The credential test as the editor runs it, in a real n8n 2.41.1, against the local Zoom simulator:
 * `POST /rest/credentials/test` with `{credentials: {id, name, type, data}}` for a saved credential.
 * Each credential type: a good one passes; each way it can be wrong (secret, account, deactivated
 * app, revoked/expired token, missing scope for the test path) gets a message that says what to
 * fix and never contains the secret. OAuth2 is also connected through n8n's own OAuth2 flow.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import type { ZoomSimulator } from '../../simulator';
import { authorizeOAuth2App } from '../flows/oauth2';
import {
	createCredential,
	getCredential,
	rest,
	testCredential,
	type Session,
} from '../harness/n8n';
import { credentialsE2eSuite, SCOPE_HINT, assertFailedWithout } from './suite';

describe(
	'credential tests in a real n8n against the Zoom simulator',
	{ timeout: 30 * 60_000 },
	() => {
		const suite = credentialsE2eSuite();
		const { tokenData, oauth2Fields, saveAndTest } = suite;
		let sim: ZoomSimulator;
		let session: Session;
		before(() => ({ sim, session } = suite));

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
