import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { cloudProperties, zoomCredentialTest } from './common/cloudFields';
import { classicScopesByArea } from '../nodes/core/zoom/scopes';

export class ZoomWorkplaceAccessTokenApi implements ICredentialType {
	name = 'zoomWorkplaceAccessTokenApi';

	displayName = 'Zoom Workplace Access Token API';

	icon = { light: 'file:icons/zoom.svg', dark: 'file:icons/zoom.dark.svg' } as const;

	documentationUrl = 'https://developers.zoom.us/docs/api/using-zoom-apis/';

	properties: INodeProperties[] = [
		{
			displayName: `Paste an OAuth access token that another system obtained for you (for example a Server-to-Server OAuth token fetched by a script, or a token from Zoom's API playground). Zoom switched JWT apps off in September 2023, so old JWT tokens no longer work. Access tokens expire after one hour and n8n cannot renew them: for unattended workflows use the Server-to-Server OAuth or OAuth2 credential instead. The token needs the scopes of the operations you use (${classicScopesByArea('admin')}; or the user-level or granular equivalents listed in the README).`,
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName:
				'Recordings, past meetings and reports need a token with recording:read (Cloud Recording Get Many, Get, Download, Get Transcript), recording:write (Delete, Recover), meeting:read (Past Meeting) or report:read:admin (Report), or the :admin forms, on a Pro or higher plan.',
			name: 'recordingScopesNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		...cloudProperties({ withOAuthBaseUrl: false }),
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = zoomCredentialTest(
		'Zoom rejected the access token (HTTP 401, code 124): it is expired, revoked or not a Zoom OAuth token (JWT app tokens stopped working in September 2023). Paste a fresh token, or switch to the Server-to-Server OAuth credential so n8n renews tokens itself.',
	);
}
