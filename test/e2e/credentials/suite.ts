import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { startZoomSimulator, type ZoomSimulator } from '../../simulator';
import {
	createCredential,
	createN8nHome,
	login,
	setupOwner,
	startN8nServer,
	testCredential,
	type CredentialTestResult,
	type N8nHome,
	type N8nServer,
	type Session,
} from '../harness/n8n';

/*
 * One real n8n 2.41.1 (own home folder, owner logged in) and one Zoom simulator per test file,
 * with the credential data builders and checks the credential-test specs share.
 */

export const SCOPE_HINT = /HTTP 400.*4711.*user:read:admin.*"Test Path".*users\/me\/meetings/s;

/** The test is a failure whose message matches `expected` and contains none of `secrets`. */
export function assertFailedWithout(
	result: CredentialTestResult,
	expected: RegExp,
	secrets: string[],
): void {
	assert.equal(result.status, 'Error', `expected a failed test, got: ${result.message}`);
	assert.match(result.message, expected);
	for (const secret of secrets)
		assert.ok(!result.message.includes(secret), `message echoes a secret: ${result.message}`);
}

export interface CredentialsE2eSuite {
	sim: ZoomSimulator;
	server: N8nServer | undefined;
	session: Session;
	s2sData(overrides?: Record<string, unknown>): Record<string, unknown>;
	tokenData(accessToken: string, overrides?: Record<string, unknown>): Record<string, unknown>;
	oauth2Fields(app: { clientId: string; clientSecret: string }): Record<string, unknown>;
	/** Saves a credential and tests it as the editor does right after saving. */
	saveAndTest(
		name: string,
		type: string,
		data: Record<string, unknown>,
	): Promise<CredentialTestResult>;
}

/** Registers the n8n + simulator hooks in the calling `describe`; returns the suite state. */
export function credentialsE2eSuite(): CredentialsE2eSuite {
	const suite = {} as CredentialsE2eSuite;
	let home: N8nHome | undefined;

	before(
		async () => {
			suite.sim = await startZoomSimulator();
			home = await createN8nHome();
			suite.server = await startN8nServer(home);
			await setupOwner(suite.server);
			suite.session = await login(suite.server);
		},
		{ timeout: 25 * 60_000 },
	);

	after(async () => {
		await suite.server?.stop();
		await home?.cleanup();
		await suite.sim?.close();
	});

	suite.s2sData = (overrides = {}) => ({
		accountId: suite.sim.defaultApp.accountId,
		clientId: suite.sim.defaultApp.clientId,
		clientSecret: suite.sim.defaultApp.clientSecret,
		cloud: 'custom',
		apiBaseUrl: suite.sim.apiBaseUrl,
		oauthBaseUrl: suite.sim.oauthBaseUrl,
		...overrides,
	});
	suite.tokenData = (accessToken, overrides = {}) => ({
		accessToken,
		cloud: 'custom',
		apiBaseUrl: suite.sim.apiBaseUrl,
		...overrides,
	});
	suite.oauth2Fields = (app) => ({
		clientId: app.clientId,
		clientSecret: app.clientSecret,
		cloud: 'custom',
		apiBaseUrl: suite.sim.apiBaseUrl,
		oauthBaseUrl: suite.sim.oauthBaseUrl,
	});
	suite.saveAndTest = async (name, type, data) => {
		const saved = await createCredential(suite.session, { name, type, data });
		return await testCredential(suite.session, { id: saved.id, name: saved.name, type, data });
	};
	return suite;
}
