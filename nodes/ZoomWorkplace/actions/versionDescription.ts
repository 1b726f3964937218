import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { registryProperties } from './registry';

/** Credentials the node accepts: one per `authentication` choice. */
export const credentials: INodeCredentialDescription[] = [
	{
		name: 'zoomWorkplaceServerToServerOAuthApi',
		required: true,
		displayOptions: { show: { authentication: ['serverToServerOAuth'] } },
	},
	{
		name: 'zoomWorkplaceOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
	{
		name: 'zoomWorkplaceAccessTokenApi',
		required: true,
		displayOptions: { show: { authentication: ['accessToken'] } },
	},
];

/** Every parameter of the node; each resource brings its operations. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Server-to-Server OAuth', value: 'serverToServerOAuth' },
			{ name: 'OAuth2', value: 'oAuth2' },
			{ name: 'Access Token', value: 'accessToken' },
		],
		default: 'serverToServerOAuth',
	},
	...registryProperties(),
];
