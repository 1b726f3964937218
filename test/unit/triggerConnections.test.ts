/**
 * How the one node type serves both connections in n8n: the webhook exists only with Connection
 * Webhook (its HTTP method is computed from the parameters, natively and as an expression), and in
 * a manual run started by a test webhook, trigger() emits what webhook() prepared.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INode, IWebhookDescription, IWebhookFunctions, ITriggerFunctions } from 'n8n-workflow';
import { resolveWebhookDescriptionField } from 'n8n-workflow';

import { ZoomWorkplaceTrigger } from '../../nodes/ZoomWorkplaceTrigger/ZoomWorkplaceTrigger.node';
import { zoomSignature } from '../../nodes/ZoomWorkplaceTrigger/verification';

const trigger = new ZoomWorkplaceTrigger();
const description = trigger.description.webhooks![0] as IWebhookDescription;

function node(parameters: Record<string, unknown>): INode {
	return {
		id: 'n1',
		name: 'Zoom Workplace Trigger',
		type: 'zoomWorkplaceTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
}

describe('the webhook exists only with Connection Webhook', () => {
	test('httpMethod: POST for webhook (and for workflows saved without the parameter), none for WebSocket', () => {
		const method = (parameters: Record<string, unknown>) =>
			resolveWebhookDescriptionField(node(parameters), description, 'httpMethod');
		assert.deepEqual(method({ connection: 'webhook' }), { resolved: true, value: 'POST' });
		assert.deepEqual(method({}), { resolved: true, value: 'POST' });
		assert.deepEqual(method({ connection: 'webSocket' }), { resolved: true, value: '' });
		assert.deepEqual(
			resolveWebhookDescriptionField(node({ connection: 'webSocket' }), description, 'ndvHideUrl'),
			{ resolved: true, value: true },
		);
	});
	test('the expression template says the same (for the editor and expression-valued parameters)', () => {
		const template = String(description.httpMethod);
		assert.match(template, /^=\{\{\(.*\)\(\$parameter\)\}\}$/s);
		const fn = new Function('$parameter', `return ${template.slice(3, -2)}`) as (
			p: Record<string, unknown>,
		) => unknown;
		assert.equal(fn({ connection: 'webhook' }), 'POST');
		assert.equal(fn({ connection: 'webSocket' }), '');
	});
	test('the credential follows the connection', () => {
		const credentials = trigger.description.credentials!;
		assert.deepEqual(
			credentials.map((c) => [c.name, c.displayOptions?.show?.connection]),
			[
				['zoomWorkplaceWebhookApi', ['webhook']],
				['zoomWorkplaceServerToServerOAuthApi', ['webSocket']],
			],
		);
	});
});

describe('Connection Webhook in a manual run', () => {
	const SECRET = 'unitZoomSecretToken_0002';
	function webhookContext(body: object) {
		const raw = Buffer.from(JSON.stringify(body));
		const ts = String(Math.floor(Date.now() / 1000));
		return {
			getRequestObject: () => ({
				headers: { 'x-zm-request-timestamp': ts, 'x-zm-signature': zoomSignature(SECRET, ts, raw) },
				rawBody: raw,
				body,
			}),
			getResponseObject: () => ({ status: () => ({ json: () => undefined }) }),
			getCredentials: async () => ({ secretToken: SECRET }),
			getNodeParameter: (name: string, fallback: unknown) =>
				name === 'events' ? ['meeting.started'] : name === 'options' ? {} : fallback,
			getWorkflow: () => ({ id: 'wf-manual' }),
			getNode: () => ({ id: 'node-manual', name: 'Zoom Workplace Trigger' }),
			getMode: () => 'manual',
			helpers: {},
		} as unknown as IWebhookFunctions;
	}
	function triggerContext(mode: string, emitted: unknown[]) {
		return {
			getNodeParameter: (name: string, fallback: unknown) =>
				name === 'connection' ? 'webhook' : fallback,
			getWorkflow: () => ({ id: 'wf-manual' }),
			getNode: () => ({ id: 'node-manual', name: 'Zoom Workplace Trigger' }),
			getMode: () => mode,
			emit: (data: unknown) => emitted.push(data),
		} as unknown as ITriggerFunctions;
	}

	test('trigger() emits the items the test webhook prepared', async () => {
		const event = { event: 'meeting.started', event_ts: Date.now(), payload: { object: { id: 5 } } };
		const answer = await trigger.webhook.call(webhookContext(event));
		assert.ok(answer.workflowData);
		const emitted: unknown[] = [];
		const response = await trigger.trigger.call(triggerContext('manual', emitted));
		await response!.manualTriggerFunction!();
		assert.deepEqual(emitted, [answer.workflowData]);
		// taken once: a second run without a delivery says why it has nothing
		await assert.rejects(
			trigger.trigger.call(triggerContext('manual', emitted)).then(async (r) => await r!.manualTriggerFunction!()),
			/another n8n process/,
		);
	});
	test('a published webhook-mode workflow has no trigger to run', async () => {
		assert.equal(await trigger.trigger.call(triggerContext('trigger', [])), undefined);
	});
});
