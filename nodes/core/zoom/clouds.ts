import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Zoom's public clouds. A `custom` cloud reaches a proxy, a regional host or a local simulator. */
export const ZOOM_CLOUDS = {
	global: {
		apiBaseUrl: 'https://api.zoom.us/v2',
		oauthBaseUrl: 'https://zoom.us',
		/** where WebSocket event subscriptions connect (the app shows `wss://<host>/ws?subscriptionId=…`) */
		webSocketHosts: ['ws.zoom.us'],
	},
	gov: {
		apiBaseUrl: 'https://api.zoomgov.com/v2',
		oauthBaseUrl: 'https://zoomgov.com',
		webSocketHosts: ['ws.zoomgov.com'],
	},
} as const;

export const DEFAULT_TEST_PATH = 'users/me';

function withoutTrailingSlashes(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

export function resolveApiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.cloud === 'custom')
		return withoutTrailingSlashes(String(credentials.apiBaseUrl ?? ''));
	return credentials.cloud === 'gov' ? ZOOM_CLOUDS.gov.apiBaseUrl : ZOOM_CLOUDS.global.apiBaseUrl;
}

export function resolveOAuthBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.cloud === 'custom') {
		return withoutTrailingSlashes(String(credentials.oauthBaseUrl ?? ''));
	}
	return credentials.cloud === 'gov'
		? ZOOM_CLOUDS.gov.oauthBaseUrl
		: ZOOM_CLOUDS.global.oauthBaseUrl;
}

/**
 * The same choice as resolveApiBaseUrl, as an n8n expression (credential tests are declarative).
 */
export const API_BASE_URL_EXPRESSION = `={{ $credentials.cloud === "custom" ? String($credentials.apiBaseUrl).trim().replace(/\\/+$/, "") : ($credentials.cloud === "gov" ? "${ZOOM_CLOUDS.gov.apiBaseUrl}" : "${ZOOM_CLOUDS.global.apiBaseUrl}") }}`;

export const OAUTH_BASE_URL_SELF_EXPRESSION = `$self.cloud === "custom" ? String($self.oauthBaseUrl).trim().replace(/\\/+$/, "") : ($self.cloud === "gov" ? "${ZOOM_CLOUDS.gov.oauthBaseUrl}" : "${ZOOM_CLOUDS.global.oauthBaseUrl}")`;

/**
 * The test path is always made relative to the API base URL: a scheme and host, or a leading
 * "//", are stripped, so the token can never be sent to another host.
 */
export const TEST_PATH_EXPRESSION = `={{ "/" + String($credentials.testPath || "${DEFAULT_TEST_PATH}").trim().replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\\/\\/[^\\/]*/, "").replace(/^[\\/\\\\]+/, "") }}`;

/** Pure twin of TEST_PATH_EXPRESSION, unit-tested against it. */
export function sanitizeTestPath(testPath: unknown): string {
	const raw = String(testPath || DEFAULT_TEST_PATH).trim();
	return '/' + raw.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/]*/, '').replace(/^[/\\]+/, '');
}
