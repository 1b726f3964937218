import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resolveApiBaseUrl } from '../../../nodes/core/zoom/clouds';

export const PROBE_NODE_TYPE = 'n8n-nodes-zoom-test.zoomProbe';

const CREDENTIAL_TYPES = [
	'zoomWorkplaceServerToServerOAuthApi',
	'zoomWorkplaceOAuth2Api',
	'zoomWorkplaceAccessTokenApi',
] as const;

/**
 * Test-only node: for every input item, one request through
 * `this.helpers.httpRequestWithAuthentication` with the selected Zoom credential (the path n8n
 * community nodes use), to the credential's own API base URL. Output: the response body,
 * paired with the input item. Parameters: `credentialType`, `method` (GET), `path`
 * (users/me), `returnFullResponse` (false).
 */
export class ZoomProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Probe (test)',
		name: PROBE_NODE_TYPE,
		group: ['transform'],
		version: 1,
		description: 'Calls the Zoom API once per item with a Zoom credential',
		defaults: { name: 'Zoom Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: CREDENTIAL_TYPES.map((name) => ({
			name,
			required: true,
			displayOptions: { show: { credentialType: [name] } },
		})),
		properties: [
			{
				displayName: 'Credential Type',
				name: 'credentialType',
				type: 'options',
				options: CREDENTIAL_TYPES.map((name) => ({ name, value: name })),
				default: 'zoomWorkplaceServerToServerOAuthApi',
			},
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: 'users/me' },
			{
				displayName: 'Return Full Response',
				name: 'returnFullResponse',
				type: 'boolean',
				default: false,
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const credentialType = this.getNodeParameter('credentialType', itemIndex) as string;
				const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
				const path = String(this.getNodeParameter('path', itemIndex)).replace(/^\/+/, '');
				const returnFullResponse = this.getNodeParameter(
					'returnFullResponse',
					itemIndex,
				) as boolean;
				const credentials = await this.getCredentials(credentialType, itemIndex);
				const response = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					credentialType,
					{
						method,
						url: `${resolveApiBaseUrl(credentials)}/${path}`,
						json: true,
						returnFullResponse,
					},
				)) as IDataObject;
				const json = returnFullResponse
					? { statusCode: response.statusCode, body: response.body as IDataObject }
					: response;
				returnData.push({ json, pairedItem: { item: itemIndex } });
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push({
						json: { error: (error as Error).message },
						pairedItem: { item: itemIndex },
					});
					continue;
				}
				throw error;
			}
		}
		return [returnData];
	}
}
