import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { OWNER_EMAIL, OWNER_ID, startZoomSimulator, type ZoomSimulator } from '../../simulator';
import { basic, client, tokenRequest, UNLIMITED } from './helpers';

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

	describe('Server-to-Server OAuth token', () => {
		const s2sForm = { grant_type: 'account_credentials', account_id: 'sim-account' };

		test('issues a bearer token that works on the API', async () => {
			const before = { ...sim.counters };
			const res = await tokenRequest(sim, s2sForm, basic('sim-client-id', 'sim-client-secret'));
			assert.equal(res.status, 200);
			assert.equal(res.body.token_type, 'bearer');
			assert.equal(res.body.expires_in, 3600);
			assert.equal(res.body.api_url, sim.url);
			assert.match(res.body.scope, /meeting:write:admin/);
			assert.ok(res.body.access_token.length >= 48);
			assert.equal(res.body.refresh_token, undefined);
			const me = await api('GET', '/users/me', { token: res.body.access_token });
			assert.equal(me.status, 200);
			assert.equal(me.body.email, OWNER_EMAIL);
			assert.equal(sim.counters.tokenMints, before.tokenMints + 1);
			assert.equal(sim.counters.tokenRequests, before.tokenRequests + 1);
		});

		test('accepts grant_type and account_id in the query string; older tokens stay valid', async () => {
			const first = await tokenRequest(
				sim,
				{},
				basic('sim-client-id', 'sim-client-secret'),
				'?grant_type=account_credentials&account_id=sim-account',
			);
			const second = await tokenRequest(sim, s2sForm, basic('sim-client-id', 'sim-client-secret'));
			assert.equal(first.status, 200);
			assert.notEqual(first.body.access_token, second.body.access_token);
			assert.equal((await api('GET', '/users/me', { token: first.body.access_token })).status, 200);
			assert.equal(
				(await api('GET', '/users/me', { token: second.body.access_token })).status,
				200,
			);
		});

		test('rejects a wrong secret, an unknown client and a missing Basic header', async () => {
			const invalidClient = {
				reason: 'Invalid client_id or client_secret',
				error: 'invalid_client',
			};
			const before = sim.counters.tokenMints;
			for (const auth of [
				basic('sim-client-id', 'nope'),
				basic('who', 'sim-client-secret'),
				undefined,
			]) {
				const res = await tokenRequest(sim, s2sForm, auth);
				assert.equal(res.status, 400);
				assert.deepEqual(res.body, invalidClient);
			}
			assert.equal(sim.counters.tokenMints, before);
		});

		test('rejects a wrong or missing account_id', async () => {
			for (const form of [
				{ ...s2sForm, account_id: 'other' },
				{ grant_type: 'account_credentials' },
			]) {
				const res = await tokenRequest(sim, form, basic('sim-client-id', 'sim-client-secret'));
				assert.equal(res.status, 400);
				assert.deepEqual(res.body, { reason: 'Invalid account_id', error: 'invalid_request' });
			}
		});

		test('refuses account_credentials for an OAuth (user) app', async () => {
			const res = await tokenRequest(
				sim,
				s2sForm,
				basic('sim-oauth-client-id', 'sim-oauth-client-secret'),
			);
			assert.equal(res.status, 400);
			assert.deepEqual(res.body, {
				reason: 'unsupported grant type',
				error: 'unsupported_grant_type',
			});
		});

		test('a disabled app gets no token and its tokens stop working', async () => {
			sim.addServerToServerApp({ clientId: 'to-disable', clientSecret: 's3cret' });
			const ok = await tokenRequest(sim, s2sForm, basic('to-disable', 's3cret'));
			assert.equal(ok.status, 200);
			sim.disableApp('to-disable');
			const refused = await tokenRequest(sim, s2sForm, basic('to-disable', 's3cret'));
			assert.equal(refused.status, 400);
			assert.deepEqual(refused.body, {
				reason: 'The app has been disabled',
				error: 'invalid_client',
			});
			const use = await api('GET', '/users/me', { token: ok.body.access_token });
			assert.equal(use.status, 401);
			assert.equal(use.body.code, 124);
		});
	});

	describe('OAuth2 authorization code', () => {
		const oauthBasic = basic('sim-oauth-client-id', 'sim-oauth-client-secret');
		const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';

		async function authorize(extra = ''): Promise<string> {
			const res = await fetch(
				`${sim.oauthBaseUrl}/oauth/authorize?response_type=code&client_id=sim-oauth-client-id&redirect_uri=${encodeURIComponent(redirectUri)}&state=xyz${extra}`,
				{ redirect: 'manual' },
			);
			assert.equal(res.status, 302);
			const location = new URL(res.headers.get('location')!);
			assert.equal(`${location.origin}${location.pathname}`, redirectUri);
			assert.equal(location.searchParams.get('state'), 'xyz');
			return location.searchParams.get('code')!;
		}

		test('unknown client_id gets an error page', async () => {
			const res = await fetch(
				`${sim.oauthBaseUrl}/oauth/authorize?response_type=code&client_id=nobody&redirect_uri=x`,
				{ redirect: 'manual' },
			);
			assert.equal(res.status, 400);
		});

		test('code exchange, single-use codes, refresh rotation', async () => {
			const code = await authorize();
			const form = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
			const first = await tokenRequest(sim, form, oauthBasic);
			assert.equal(first.status, 200);
			assert.equal(first.body.token_type, 'bearer');
			assert.equal(first.body.expires_in, 3600);
			assert.ok(first.body.refresh_token);
			assert.equal(
				(await api('GET', '/users/me', { token: first.body.access_token })).body.id,
				OWNER_ID,
			);

			const reuse = await tokenRequest(sim, form, oauthBasic);
			assert.equal(reuse.status, 400);
			assert.deepEqual(reuse.body, {
				reason: 'Invalid authorization code',
				error: 'invalid_grant',
			});

			const refreshed = await tokenRequest(
				sim,
				{ grant_type: 'refresh_token', refresh_token: first.body.refresh_token },
				oauthBasic,
			);
			assert.equal(refreshed.status, 200);
			assert.notEqual(refreshed.body.refresh_token, first.body.refresh_token);
			assert.notEqual(refreshed.body.access_token, first.body.access_token);

			const stale = await tokenRequest(
				sim,
				{ grant_type: 'refresh_token', refresh_token: first.body.refresh_token },
				oauthBasic,
			);
			assert.equal(stale.status, 400);
			assert.deepEqual(stale.body, { reason: 'Invalid Token!', error: 'invalid_grant' });

			// Client credentials in the body are accepted too.
			const again = await tokenRequest(sim, {
				grant_type: 'refresh_token',
				refresh_token: refreshed.body.refresh_token,
				client_id: 'sim-oauth-client-id',
				client_secret: 'sim-oauth-client-secret',
			});
			assert.equal(again.status, 200);
		});

		test('redirect_uri must match the one used to authorize', async () => {
			const code = await authorize();
			const res = await tokenRequest(
				sim,
				{ grant_type: 'authorization_code', code, redirect_uri: 'http://evil.example/cb' },
				oauthBasic,
			);
			assert.equal(res.status, 400);
			assert.equal(res.body.error, 'invalid_request');
		});

		test('PKCE (S256) is checked when a challenge was sent', async () => {
			const { createHash } = await import('node:crypto');
			const verifier = 'a'.repeat(50);
			const challenge = createHash('sha256').update(verifier).digest('base64url');
			const code = await authorize(`&code_challenge=${challenge}&code_challenge_method=S256`);
			const form = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
			assert.equal(
				(await tokenRequest(sim, { ...form, code_verifier: 'wrong' }, oauthBasic)).status,
				400,
			);
			assert.equal(
				(await tokenRequest(sim, { ...form, code_verifier: verifier }, oauthBasic)).status,
				200,
			);
		});
	});
});
