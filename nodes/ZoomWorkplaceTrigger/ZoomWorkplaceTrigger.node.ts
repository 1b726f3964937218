import type {
	ICredentialTestFunctions,
	IHookFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './description';
import { handleZoomWebhook } from './webhook';
import { checkSecretTokenFormat } from './secretToken';

export class ZoomWorkplaceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Workplace Trigger',
		name: 'zoomWorkplaceTrigger',
		icon: { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			"Starts the workflow when Zoom sends an event (signed webhooks, Zoom's URL validation)",
		defaults: { name: 'Zoom Workplace Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'zoomWorkplaceWebhookApi', required: true, testedBy: 'zoomWebhookSecretToken' },
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// an empty 200 for an event that started the workflow (n8n's default body is "firstEntryJson")
				responseData: 'noData',
				path: 'webhook',
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
}
