import type {
	ICredentialTestFunctions,
	IHookFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { CONNECTION_PARAMETER, properties } from './description';
import { handoffKey, takeManualDelivery } from './manualHandoff';
import { handleZoomWebhook } from './webhook';
import { checkSecretTokenFormat } from './secretToken';
import { webhookDescriptionFieldsByConnection } from './webhookFields';
import { webSocketTrigger } from './webSocketTrigger';

export class ZoomWorkplaceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Workplace Trigger',
		name: 'zoomWorkplaceTrigger',
		icon: { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' },
		group: ['trigger'],
		// 1.1: n8n 2.41 evaluates no binaryData expression for a webhook node above version 1
		// (webhook-helpers parseRequestBody) and parses only JSON, XML, form and text bodies
		// (the node reads the raw body itself otherwise); the node itself works the same
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		// n8n's nodes panel merges this node with Zoom Workplace (same name + "Trigger") and shows
		// the trigger's description for the pair, so it names both
		description:
			'Meetings, users, webinars, recordings and reports in Zoom Workplace, and workflows started by Zoom events (webhook, or WebSocket without a public URL)',
		defaults: { name: 'Zoom Workplace Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'zoomWorkplaceWebhookApi',
				required: true,
				testedBy: 'zoomWebhookSecretToken',
				displayOptions: { show: { [CONNECTION_PARAMETER]: ['webhook'] } },
			},
			{
				name: 'zoomWorkplaceServerToServerOAuthApi',
				required: true,
				displayOptions: { show: { [CONNECTION_PARAMETER]: ['webSocket'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				responseMode: 'onReceived',
				// an empty 200 for an event that started the workflow (n8n's default body is "firstEntryJson")
				responseData: 'noData',
				path: 'webhook',
				// POST with Connection "Webhook"; none (no URL, no test webhook) with "WebSocket"
				...webhookDescriptionFieldsByConnection(),
			},
		],
		properties,
	};

	methods = {
		credentialTest: {
			async zoomWebhookSecretToken(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return checkSecretTokenFormat(credential.data?.secretToken);
			},
		},
	};

	/**
	 * Zoom has no API that registers a subscription together with its Secret Token: the user adds
	 * the URL in the Zoom app. These only remember which URL n8n is serving, for the node's static
	 * data, and never call Zoom.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				return data.webhookUrl === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				data.webhookUrl = this.getNodeWebhookUrl('default');
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				delete data.webhookUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleZoomWebhook.call(this);
	}

	/**
	 * Connection "WebSocket": the long-lived connection to Zoom. Connection "Webhook": nothing to
	 * run when the workflow is published (the webhook does the work); in a manual run started by a
	 * test webhook, n8n still calls trigger() for this node (see manualHandoff.ts), which then
	 * emits the items webhook() prepared.
	 */
	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse | undefined> {
		if (this.getNodeParameter(CONNECTION_PARAMETER, 'webhook') === 'webSocket')
			return await webSocketTrigger(this);
		if (this.getMode() !== 'manual') return undefined;
		const key = handoffKey(this.getWorkflow().id, this.getNode().id);
		return {
			manualTriggerFunction: async () => {
				const data = takeManualDelivery(key, Date.now());
				if (!data)
					throw new NodeOperationError(
						this.getNode(),
						'The test event reached another n8n process than the one running this manual execution (manual executions offloaded to workers?). Publish the workflow to receive events, or run manual executions in the main process.',
					);
				this.emit(data);
			},
		};
	}
}
