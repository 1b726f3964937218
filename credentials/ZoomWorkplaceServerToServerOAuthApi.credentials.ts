import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { obtainServerToServerToken } from '../nodes/core/transport/serverToServerToken';
import { classicScopesByArea } from '../nodes/core/zoom/scopes';
import { cloudProperties, zoomCredentialTest } from './common/cloudFields';

export class ZoomWorkplaceServerToServerOAuthApi implements ICredentialType {
	name = 'zoomWorkplaceServerToServerOAuthApi';

	displayName = 'Zoom Workplace Server-to-Server OAuth API';

	icon = { light: 'file:icons/zoom.svg', dark: 'file:icons/zoom.dark.svg' } as const;

	documentationUrl = 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/';

	properties: INodeProperties[] = [
		{
			displayName: `Create a Server-to-Server OAuth app in the Zoom App Marketplace (Develop → Build App → Server-to-Server OAuth), add the scopes of the operations you use (${classicScopesByArea('admin')}; or their granular equivalents, listed per operation in the README), activate it, then copy Account ID, Client ID and Client Secret from "App Credentials". n8n fetches and renews the access token itself.`,
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName:
				'Recordings, past meetings and reports need more scopes: recording:read:admin (Cloud Recording Get Many, Get, Download, Get Transcript), recording:write:admin (Delete, Recover), meeting:read:admin (Past Meeting), report:read:admin (Report), or their granular equivalents; all of them need a Pro or higher plan.',
			name: 'recordingScopesNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		...cloudProperties({ withOAuthBaseUrl: true }),
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { accessToken: await obtainServerToServerToken(this, credentials) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = zoomCredentialTest(
		'Zoom rejected the access token it had just issued (HTTP 401, code 124). The app may have been deactivated or its token revoked: check the app\'s "Activation" page in the Zoom App Marketplace, and for a custom cloud that the API Base URL belongs to the same Zoom as the OAuth Base URL.',
	);
}
