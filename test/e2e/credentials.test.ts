/**
 * The credential test as the editor runs it, in a real n8n 2.41.1, against the local Zoom simulator:
 * `POST /rest/credentials/test` with `{credentials: {id, name, type, data}}` for a saved credential.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startZoomSimulator, type ZoomSimulator } from '../simulator';
import {
	createCredential,
	createN8nHome,
	getCredential,
	login,
	setupOwner,
	startN8nServer,
	testCredential,
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
		});
	},
);
