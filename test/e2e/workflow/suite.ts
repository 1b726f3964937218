import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { startZoomSimulator, type ZoomSimulator } from '../../simulator';
import { authorizeOAuth2App } from '../flows/oauth2';
import type { Authentication, ZoomCredentialRef } from '../flows/zoomFlows';
import {
	createN8nHome,
	importCredentials,
	type N8nHome,
	type N8nRun,
	type WorkflowNode,
} from '../harness/n8n';

/*
 * Shared by the workflow specs of this folder: an n8n home folder with the package installed and
 * credentials imported for two simulators (one with ordinary tokens, one whose tokens live 2 s:
 * long enough for one node, shorter than a 3 s Wait), and the checks of a run.
 */

export type Json = Record<string, unknown>;

export const LABEL: Record<Authentication, string> = {
	serverToServerOAuth: 'Server-to-Server OAuth',
	accessToken: 'Access Token',
	oAuth2: 'OAuth2',
};

/** The run succeeded; otherwise fail with n8n's error. */
export function assertSucceeded(run: N8nRun): void {
	assert.equal(
		run.status,
		'success',
		JSON.stringify(run.data.resultData.error ?? run, null, 2).slice(0, 3000),
	);
}

/** `pairedItem` of every item a node output (first run, output 0). */
export function pairing(run: N8nRun, nodeName: string): unknown[] {
	const items = run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
	return items.map((item) => item.pairedItem);
}

/** How many times the node ran (1 for per-item nodes and Execute Once nodes alike). */
export function runCount(run: N8nRun, nodeName: string): number {
	return run.data.resultData.runData[nodeName]?.length ?? 0;
}

export const indexes = (n: number) => Array.from({ length: n }, (_, item) => ({ item }));

export interface WorkflowSuite {
	sim: ZoomSimulator;
	/** tokens live 2 s here: long enough for one node, shorter than a 3 s Wait */
	shortSim: ZoomSimulator;
	home: N8nHome | undefined;
	s2s: { id: string; name: string };
	refs: Record<Authentication, ZoomCredentialRef>;
	shortRefs: Record<'serverToServerOAuth' | 'oAuth2', ZoomCredentialRef>;
	trigger: WorkflowNode;
	/** A Zoom Workplace node named "Zoom" on the Server-to-Server OAuth credential. */
	zoomNode(parameters: Record<string, unknown>): WorkflowNode;
	startToZoom: Record<string, unknown>;
}

/** Registers the set-up in the calling `describe` and returns its (lazily filled) state. */
export function workflowSuite(): WorkflowSuite {
	const suite = {
		refs: {},
		shortRefs: {},
	} as WorkflowSuite;

	before(
		async () => {
			suite.sim = await startZoomSimulator();
			suite.shortSim = await startZoomSimulator({ tokenLifetimeSeconds: 2, seed: false });
			suite.home = await createN8nHome();
			const custom = (s: ZoomSimulator) => ({
				cloud: 'custom',
				apiBaseUrl: s.apiBaseUrl,
				oauthBaseUrl: s.oauthBaseUrl,
			});
			const oauth2Data = async (s: ZoomSimulator) => ({
				clientId: s.defaultOAuthApp.clientId,
				clientSecret: s.defaultOAuthApp.clientSecret,
				...custom(s),
				// what n8n stores after "Connect my account"
				oauthTokenData: await authorizeOAuth2App(s.oauthBaseUrl, s.defaultOAuthApp),
			});
			const [cS2s, cToken, cOAuth2, cShortS2s, cShortOAuth2] = await importCredentials(suite.home, [
				{
					name: 'Zoom S2S (e2e)',
					type: 'zoomWorkplaceServerToServerOAuthApi',
					data: { ...suite.sim.defaultApp, ...custom(suite.sim) },
				},
				{
					name: 'Zoom token (e2e)',
					type: 'zoomWorkplaceAccessTokenApi',
					data: { accessToken: suite.sim.issueAccessToken(), ...custom(suite.sim) },
				},
				{
					name: 'Zoom OAuth2 (e2e)',
					type: 'zoomWorkplaceOAuth2Api',
					data: await oauth2Data(suite.sim),
				},
				{
					name: 'Zoom S2S 2-second tokens (e2e)',
					type: 'zoomWorkplaceServerToServerOAuthApi',
					data: { ...suite.shortSim.defaultApp, ...custom(suite.shortSim) },
				},
				{
					name: 'Zoom OAuth2 2-second tokens (e2e)',
					type: 'zoomWorkplaceOAuth2Api',
					data: await oauth2Data(suite.shortSim),
				},
			]);
			suite.s2s = { id: cS2s.id, name: cS2s.name };
			suite.refs.serverToServerOAuth = { authentication: 'serverToServerOAuth', ...suite.s2s };
			suite.refs.accessToken = { authentication: 'accessToken', id: cToken.id, name: cToken.name };
			suite.refs.oAuth2 = { authentication: 'oAuth2', id: cOAuth2.id, name: cOAuth2.name };
			suite.shortRefs.serverToServerOAuth = {
				authentication: 'serverToServerOAuth',
				id: cShortS2s.id,
				name: cShortS2s.name,
			};
			suite.shortRefs.oAuth2 = {
				authentication: 'oAuth2',
				id: cShortOAuth2.id,
				name: cShortOAuth2.name,
			};
		},
		{ timeout: 25 * 60_000 },
	);

	after(async () => {
		await suite.home?.cleanup();
		await suite.sim?.close();
		await suite.shortSim?.close();
	});

	suite.trigger = {
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		parameters: {},
	};
	suite.zoomNode = (parameters) => ({
		name: 'Zoom',
		type: 'n8n-nodes-zoom.zoomWorkplace',
		typeVersion: 1,
		parameters: { authentication: 'serverToServerOAuth', ...parameters },
		credentials: { zoomWorkplaceServerToServerOAuthApi: suite.s2s },
	});
	suite.startToZoom = { Start: { main: [[{ node: 'Zoom', type: 'main', index: 0 }]] } };
	return suite;
}
