import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

import {
	API_BASE_URL_EXPRESSION,
	DEFAULT_TEST_PATH,
	TEST_PATH_EXPRESSION,
} from '../../nodes/core/zoom/clouds';

const cloudField: INodeProperties = {
	displayName: 'Zoom Cloud',
	name: 'cloud',
	type: 'options',
	options: [
		{ name: 'Zoom (Global)', value: 'global', description: 'api.zoom.us and zoom.us' },
		{ name: 'ZoomGov', value: 'gov', description: 'api.zoomgov.com and zoomgov.com' },
		{
			name: 'Custom',
			value: 'custom',
			description: 'Your own base URLs: a proxy, a regional host or a Zoom simulator',
		},
	],
	default: 'global',
};

const apiBaseUrlField: INodeProperties = {
	displayName: 'API Base URL',
	name: 'apiBaseUrl',
	type: 'string',
	default: 'https://api.zoom.us/v2',
	placeholder: 'http://127.0.0.1:8080/v2',
	description:
		'Base URL of the Zoom REST API, ending in /v2. Access tokens are only ever sent here.',
	displayOptions: { show: { cloud: ['custom'] } },
};

const oauthBaseUrlField: INodeProperties = {
	displayName: 'OAuth Base URL',
	name: 'oauthBaseUrl',
	type: 'string',
	default: 'https://zoom.us',
	placeholder: 'http://127.0.0.1:8080',
	description: "Base URL of Zoom's OAuth server (the host that serves /oauth/token)",
	displayOptions: { show: { cloud: ['custom'] } },
};

const testPathField: INodeProperties = {
	displayName: 'Test Path',
	name: 'testPath',
	type: 'string',
	default: DEFAULT_TEST_PATH,
	description:
		'API path (relative to the API base URL) that the credential test calls with GET. Change it if your app has no user scope, e.g. to "users/me/meetings" for an app with only meeting scopes.',
};

/** Cloud choice, base URLs and the test path: the fields every Zoom credential shares. */
export function cloudProperties(options: { withOAuthBaseUrl: boolean }): INodeProperties[] {
	return options.withOAuthBaseUrl
		? [cloudField, apiBaseUrlField, oauthBaseUrlField, testPathField]
		: [cloudField, apiBaseUrlField, testPathField];
}

const SCOPE_HINT =
	'Zoom refused the test request (HTTP 400). Most often the app lacks the scope the test path needs (Zoom code 4711): add user:read:admin (account-level apps) or user:read (user-managed apps) on the app\'s Scopes page in the Zoom App Marketplace and re-activate the app, or set "Test Path" to an endpoint the app may call, e.g. users/me/meetings.';

/**
 * The credential test. n8n reports a failed test request by its HTTP status only, so each
 * status Zoom uses gets a message that says what to fix.
 */
export function zoomCredentialTest(unauthorizedMessage: string): ICredentialTestRequest {
	return {
		request: {
			baseURL: API_BASE_URL_EXPRESSION,
			url: TEST_PATH_EXPRESSION,
			method: 'GET',
		},
		rules: [
			{ type: 'responseCode', properties: { value: 400, message: SCOPE_HINT } },
			{ type: 'responseCode', properties: { value: 401, message: unauthorizedMessage } },
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Zoom answered 403 Forbidden: the app, or the user who authorized it, may not call the test path (plan, role or app type). Set "Test Path" to an endpoint the app may call.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Zoom answered 404 Not Found for the test path. Check "Test Path" and, for a custom cloud, that "API Base URL" ends with /v2.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 429,
					message:
						"Zoom's rate limit was reached while testing the credential. Wait a few seconds (or until the daily limit resets) and test again.",
				},
			},
		],
	};
}
