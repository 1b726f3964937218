/**
 * Workflows run by a real n8n 2.41.1 (`n8n execute`, as from the CLI) with the Zoom Workplace node
 * installed as a community package, against the local Zoom simulator.
 *
 * Each `n8n execute` is a fresh n8n process (5-9 s), so one workflow holds many Zoom nodes and the
 * tests read every node's output by name (workflow builders: `flows/zoomFlows.ts`).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { OWNER_EMAIL, OWNER_ID } from '../../simulator';
import { executeWorkflow, importWorkflow, nodeOutput, type N8nHome } from '../harness/n8n';
import { workflowSuite, assertSucceeded } from './suite';

describe('Zoom Workplace workflows executed by a real n8n', { timeout: 30 * 60_000 }, () => {
	const suite = workflowSuite();
	const { trigger, zoomNode, startToZoom } = suite;
	let home: N8nHome | undefined;
	before(() => ({ home } = suite));

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
		assertSucceeded(run);
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
		assert.match(String(error.message), /1001|does not exist/);
		assert.equal(run.data.resultData.lastNodeExecuted, 'Zoom');
	});
});
