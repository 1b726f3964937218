import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach } from 'node:test';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { clearServerToServerTokenCache } from '../../../nodes/core/transport/serverToServerToken';
import { customCloud, OAUTH2 } from '../../fixtures/zoom';
import { startZoomSimulator, type ZoomSimulator } from '../../simulator';
import {
	connectOAuth2,
	CredentialsStore,
	disposeExpressionEngine,
	executeNode,
	useExpressionEngine,
	ZoomProbe,
	type ExecuteNodeResult,
	type ExpressionEngine,
} from '../harness';

/*
 * Zoom credentials through n8n-core, once per expression engine: one seeded simulator and a
 * stand-in for a foreign host (no request may ever reach it) per file, a fresh credential store
 * per test.
 */

export { ACCESS_TOKEN, apiRequests, OAUTH2, S2S } from '../../fixtures/zoom';

export const OK = { status: 'OK', message: 'Connection successful!' };

/** A stand-in for a foreign host: records every connection and request it gets. */
export async function startEvilServer() {
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

export type EvilServer = Awaited<ReturnType<typeof startEvilServer>>;

/** The engines to run on: N8N_EXPRESSION_ENGINE, or both. */
export const engines: ExpressionEngine[] = process.env.N8N_EXPRESSION_ENGINE
	? [process.env.N8N_EXPRESSION_ENGINE as ExpressionEngine]
	: ['vm', 'legacy'];

type Overrides = ICredentialDataDecryptedObject;

export interface CredentialsSuite {
	sim: ZoomSimulator;
	evil: EvilServer;
	store: CredentialsStore;
	s2sData(overrides?: Overrides): ICredentialDataDecryptedObject;
	oauth2Data(overrides?: Overrides): ICredentialDataDecryptedObject;
	accessTokenData(accessToken: string, overrides?: Overrides): ICredentialDataDecryptedObject;
	/** Saves an OAuth2 credential and clicks "Connect my account". */
	connectedOAuth2(overrides?: Overrides): Promise<{
		ref: { id: string; name: string };
		connection: Awaited<ReturnType<typeof connectOAuth2>>;
	}>;
	/** Runs the probe node (GET users/me through the credential) over `items` items. */
	runProbe(
		credentialType: string,
		ref: { id: string; name: string },
		items: number,
		continueOnFail?: boolean,
	): Promise<ExecuteNodeResult>;
}

/** Registers the hooks in the calling `describe` (one per engine) and returns the suite state. */
export function credentialsSuite(engine: ExpressionEngine): CredentialsSuite {
	const suite = {} as CredentialsSuite;
	const custom = () => customCloud(suite.sim);

	suite.s2sData = (overrides = {}) => ({
		accountId: suite.sim.defaultApp.accountId,
		clientId: suite.sim.defaultApp.clientId,
		clientSecret: suite.sim.defaultApp.clientSecret,
		...custom(),
		...overrides,
	});
	suite.oauth2Data = (overrides = {}) => ({
		clientId: suite.sim.defaultOAuthApp.clientId,
		clientSecret: suite.sim.defaultOAuthApp.clientSecret,
		...custom(),
		...overrides,
	});
	suite.accessTokenData = (accessToken, overrides = {}) => ({
		accessToken,
		cloud: 'custom',
		apiBaseUrl: suite.sim.apiBaseUrl,
		...overrides,
	});
	suite.connectedOAuth2 = async (overrides = {}) => {
		const ref = suite.store.add({ type: OAUTH2, data: suite.oauth2Data(overrides) });
		const connection = await connectOAuth2({ store: suite.store, id: ref.id });
		return { ref, connection };
	};
	suite.runProbe = async (credentialType, ref, items, continueOnFail = false) =>
		await executeNode({
			nodeType: new ZoomProbe(),
			parameters: { credentialType, path: 'users/me' },
			credentials: { [credentialType]: ref },
			inputItems: Array.from({ length: items }, (_, index) => ({ index })),
			continueOnFail,
			credentialsStore: suite.store,
		});

	before(async () => {
		await useExpressionEngine(engine);
		// rate limits are not what these tests are about, and they run many requests per second
		suite.sim = await startZoomSimulator({ seed: true, enforceRateLimits: false });
		suite.evil = await startEvilServer();
	});

	after(async () => {
		await suite.sim.close();
		await suite.evil.close();
		await disposeExpressionEngine();
	});

	beforeEach(() => {
		clearServerToServerTokenCache();
		suite.sim.resetCounters();
		suite.store = new CredentialsStore();
	});

	afterEach(() => {
		assert.equal(
			suite.evil.seen.connections,
			0,
			`a request left the simulator: ${suite.evil.seen.requests.join(', ')}`,
		);
	});

	return suite;
}
