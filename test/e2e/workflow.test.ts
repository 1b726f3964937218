/**
 * Workflows run by a real n8n 2.41.1 (`n8n execute`, as from the CLI) with the Zoom Workplace node
 * installed as a community package, against the local Zoom simulator.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { OWNER_EMAIL, OWNER_ID, startZoomSimulator, type ZoomSimulator } from '../simulator';
import {
	createN8nHome,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	nodeOutput,
	type N8nHome,
	type WorkflowNode,
} from './harness/n8n';

describe('Zoom Workplace workflows executed by a real n8n', { timeout: 30 * 60_000 }, () => {
	let sim: ZoomSimulator;
	let home: N8nHome | undefined;
	let s2s: { id: string; name: string };

	before(
		async () => {
			sim = await startZoomSimulator();
			home = await createN8nHome();
			const [cred] = await importCredentials(home, [
				{
					name: 'Zoom S2S (e2e)',
					type: 'zoomWorkplaceServerToServerOAuthApi',
					data: {
						accountId: sim.defaultApp.accountId,
						clientId: sim.defaultApp.clientId,
						clientSecret: sim.defaultApp.clientSecret,
						cloud: 'custom',
						apiBaseUrl: sim.apiBaseUrl,
						oauthBaseUrl: sim.oauthBaseUrl,
					},
				},
			]);
			s2s = { id: cred.id, name: cred.name };
		},
		{ timeout: 25 * 60_000 },
	);

	after(async () => {
		await home?.cleanup();
		await sim?.close();
	});

	const trigger: WorkflowNode = {
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		parameters: {},
	};
	const zoomNode = (parameters: Record<string, unknown>): WorkflowNode => ({
		name: 'Zoom',
		type: 'n8n-nodes-zoom.zoomWorkplace',
		typeVersion: 1,
		parameters: { authentication: 'serverToServerOAuth', ...parameters },
		credentials: { zoomWorkplaceServerToServerOAuthApi: s2s },
	});
	const startToZoom = { Start: { main: [[{ node: 'Zoom', type: 'main', index: 0 }]] } };

	it('gets the user behind a Server-to-Server OAuth credential ("me")', async () => {
		const id = await importWorkflow(home!, {
			name: 'e2e user get me',
			nodes: [
				trigger,
				zoomNode({
					resource: 'user',
					operation: 'get',
					userId: { __rl: true, mode: 'id', value: 'me' },
				}),
			],
			connections: startToZoom,
		});
		const run = await executeWorkflow(home!, id);
		assert.equal(
			run.status,
			'success',
			JSON.stringify(run.data.resultData.error ?? run, null, 2).slice(0, 3000),
		);
		const items = nodeOutput(run, 'Zoom');
		assert.equal(items.length, 1);
		assert.equal(items[0].id, OWNER_ID);
		assert.equal(items[0].email, OWNER_EMAIL);
	});

	it('reports an unknown user as a failed execution, not a crash', async () => {
		const id = await importWorkflow(home!, {
			name: 'e2e user get unknown',
			nodes: [
				trigger,
				zoomNode({
					resource: 'user',
					operation: 'get',
					userId: { __rl: true, mode: 'email', value: 'nobody@sim.example.com' },
				}),
			],
			connections: startToZoom,
		});
		const run = await executeWorkflow(home!, id);
		assert.equal(run.status, 'error');
		const error = run.data.resultData.error;
		assert.ok(error?.message, 'the run carries the node error');
		assert.equal(run.data.resultData.lastNodeExecuted, 'Zoom');
	});
});
