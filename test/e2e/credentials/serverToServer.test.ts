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
import { createCredential, getCredential, testCredential, type Session } from '../harness/n8n';
import { credentialsE2eSuite, SCOPE_HINT, assertFailedWithout } from './suite';

describe(
	'credential tests in a real n8n against the Zoom simulator',
	{ timeout: 30 * 60_000 },
	() => {
		const suite = credentialsE2eSuite();
		const { s2sData, saveAndTest } = suite;
		let sim: ZoomSimulator;
		let session: Session;
		before(() => ({ sim, session } = suite));

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
	},
);
