import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as meeting from './meeting/Meeting.resource';
import { requestSettingsDescription } from './requestSettings';
import * as user from './user/User.resource';

export const versionDescription: INodeTypeDescription = {
	displayName: 'Zoom Workplace',
	name: 'zoomWorkplace',
	icon: { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description: 'Create, read, update and delete Zoom meetings and users',
	defaults: { name: 'Zoom Workplace' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [
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
	],
	properties: [
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
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Meeting', value: 'meeting' },
				{ name: 'User', value: 'user' },
			],
			default: 'meeting',
		},
		...meeting.description,
		...user.description,
		requestSettingsDescription,
	],
};
