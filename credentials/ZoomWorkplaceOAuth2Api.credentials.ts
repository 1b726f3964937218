import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { OAUTH_BASE_URL_SELF_EXPRESSION } from '../nodes/core/zoom/clouds';
import { classicScopesByArea } from '../nodes/core/zoom/scopes';
import { cloudProperties, zoomCredentialTest } from './common/cloudFields';

export class ZoomWorkplaceOAuth2Api implements ICredentialType {
	name = 'zoomWorkplaceOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Zoom Workplace OAuth2 API';

	icon = { light: 'file:icons/zoom.svg', dark: 'file:icons/zoom.dark.svg' } as const;

	documentationUrl = 'https://developers.zoom.us/docs/integrations/oauth/';

	properties: INodeProperties[] = [
		{
			displayName: `Create a General App (OAuth) in the Zoom App Marketplace (Develop → Build App → General App), choose user-managed or admin-managed, paste the OAuth Redirect URL shown below as the app's Redirect URL and add it to the allow list, add the scopes of the operations you use (user-managed: ${classicScopesByArea('user')}. Admin-managed: ${classicScopesByArea('admin')}. Granular equivalents per operation are in the README), then copy the Client ID and Client Secret here and click "Connect my account".`,
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName:
				'Recordings, past meetings and reports need more scopes: recording:read (Cloud Recording Get Many, Get, Download, Get Transcript), recording:write (Delete, Recover), meeting:read (Past Meeting); admin-managed apps: recording:read:admin, recording:write:admin, meeting:read:admin and report:read:admin (Report, admin-managed apps only). All of them need a Pro or higher plan.',
			name: 'recordingScopesNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		...cloudProperties({ withOAuthBaseUrl: true }),
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ (${OAUTH_BASE_URL_SELF_EXPRESSION}) + "/oauth/authorize" }}`,
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ (${OAUTH_BASE_URL_SELF_EXPRESSION}) + "/oauth/token" }}`,
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
	];

	test: ICredentialTestRequest = zoomCredentialTest(
		'Zoom rejected the OAuth2 access token (HTTP 401, code 124) and it could not be refreshed. Click "Reconnect" to authorize the app again; if that fails, check that the app is still installed and activated in the Zoom App Marketplace.',
	);
}
