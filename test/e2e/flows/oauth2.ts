/**
 * "Connect my account" for the Zoom OAuth2 credential without a browser: the authorization-code
 * flow against the simulator, done by hand. The token response is what n8n stores as the
 * credential's `oauthTokenData` after its OAuth2 callback.
 */

/** n8n's OAuth2 callback URL (the simulator accepts any redirect URI the app did not pin). */
export const N8N_OAUTH2_REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

export interface OAuthTokenData {
	access_token: string;
	refresh_token: string;
	token_type: string;
	expires_in: number;
	scope: string;
	[key: string]: unknown;
}

export async function authorizeOAuth2App(
	oauthBaseUrl: string,
	app: { clientId: string; clientSecret: string },
	redirectUri = N8N_OAUTH2_REDIRECT_URI,
): Promise<OAuthTokenData> {
	const authorizeUrl = new URL(`${oauthBaseUrl}/oauth/authorize`);
	authorizeUrl.searchParams.set('response_type', 'code');
	authorizeUrl.searchParams.set('client_id', app.clientId);
	authorizeUrl.searchParams.set('redirect_uri', redirectUri);
	authorizeUrl.searchParams.set('state', 'e2e');
	const authorized = await fetch(authorizeUrl, { redirect: 'manual' });
	const location = authorized.headers.get('location');
	if (authorized.status !== 302 || !location) {
		throw new Error(
			`authorize answered ${authorized.status} without a redirect: ${await authorized.text()}`,
		);
	}
	const code = new URL(location).searchParams.get('code');
	if (!code) throw new Error(`no code in the redirect ${location}`);

	const tokenResponse = await fetch(`${oauthBaseUrl}/oauth/token`, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
		},
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
		}).toString(),
	});
	const body = (await tokenResponse.json()) as OAuthTokenData;
	if (!tokenResponse.ok || !body.access_token || !body.refresh_token) {
		throw new Error(`token exchange answered ${tokenResponse.status}: ${JSON.stringify(body)}`);
	}
	return body;
}
