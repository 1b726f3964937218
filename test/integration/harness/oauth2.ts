import { randomBytes } from 'crypto';
import { ClientOAuth2 } from '@n8n/client-oauth2';
import type { ClientOAuth2Options } from '@n8n/client-oauth2';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import type { CredentialsStore } from './credentials-store';
import { credentialsHelperFor } from './harness-state';

/** Where n8n's OAuth2 callback lives: `{instanceBaseUrl}/rest/oauth2-credential/callback`. */
export const N8N_OAUTH2_REDIRECT_URI = 'http://localhost:5678/rest/oauth2-credential/callback';

export interface ConnectOAuth2Options {
	store: CredentialsStore;
	/** ID of the saved OAuth2 credential (client ID/secret, cloud and base URLs filled in). */
	id: string;
	redirectUri?: string;
}

export interface ConnectOAuth2Result {
	/** What n8n saves as the credential's `oauthTokenData`. */
	oauthTokenData: IDataObject;
	/** The authorization URL n8n opened in the popup. */
	authorizationUrl: string;
	/** Where the OAuth server redirected the browser (n8n's callback URL with code and state). */
	callbackUrl: string;
}

/**
 * "Connect my account" for an OAuth2 credential, done the way n8n does it, with the browser
 * leg replaced by one GET:
 *
 * 1. like `OauthService.getOAuthCredentials` + `generateAOauth2AuthUri` (n8n-io/n8n
 *    `packages/cli/src/oauth/oauth.service.ts`): the saved data minus `scope` (hidden on
 *    non-generic OAuth2 types) gets `applyDefaultsAndOverwrites`, so `authUrl` and
 *    `accessTokenUrl` come from the credential's `$self` expressions; @n8n/client-oauth2
 *    builds the authorization URL with a CSRF `state` (+ `authQueryParameters`);
 * 2. the "browser" GETs it without following the redirect and takes the `Location`;
 * 3. like `OAuth2CredentialController.handleCallback` (`packages/cli/src/controllers/oauth/
 *    oauth2-credential.controller.ts`): `ClientOAuth2.code.getToken(callbackUrl)` exchanges the
 *    code (client authentication per the credential's `authentication`, Basic by default), and
 *    `{ ...previous oauthTokenData, ...token.data }` is saved as `oauthTokenData`.
 */
export async function connectOAuth2(options: ConnectOAuth2Options): Promise<ConnectOAuth2Result> {
	const { store, id } = options;
	const credentialsHelper = credentialsHelperFor(store);
	const saved = store.get(id);
	const decryptedDataOriginal: ICredentialDataDecryptedObject = { ...saved.data };
	delete decryptedDataOriginal.scope;
	const oauthCredentials = await credentialsHelper.applyDefaultsAndOverwrites(
		buildAdditionalData({ credentialsHelper }),
		decryptedDataOriginal,
		saved.type,
		'internal',
	);

	const scope = typeof oauthCredentials.scope === 'string' ? oauthCredentials.scope : undefined;
	const state = Buffer.from(
		JSON.stringify({
			token: randomBytes(16).toString('hex'),
			createdAt: Date.now(),
			cid: id,
			origin: 'static-credential',
		}),
	).toString('base64');
	const clientOptions: ClientOAuth2Options = {
		clientId: String(oauthCredentials.clientId),
		clientSecret: String(oauthCredentials.clientSecret ?? ''),
		accessTokenUri: String(oauthCredentials.accessTokenUrl ?? ''),
		authorizationUri: String(oauthCredentials.authUrl ?? ''),
		authentication: oauthCredentials.authentication === 'body' ? 'body' : 'header',
		redirectUri: options.redirectUri ?? N8N_OAUTH2_REDIRECT_URI,
		scopes: (scope ?? 'openid').split(','),
		scopesSeparator: scope?.includes(',') ? ',' : ' ',
		ignoreSSLIssues: oauthCredentials.ignoreSSLIssues === true,
		state,
	};

	let authorizationUrl = new ClientOAuth2(clientOptions).code.getUri();
	if (oauthCredentials.authQueryParameters) {
		authorizationUrl += `&${String(oauthCredentials.authQueryParameters)}`;
	}

	const authorizeResponse = await fetch(authorizationUrl, { redirect: 'manual' });
	const location = authorizeResponse.headers.get('location');
	if (authorizeResponse.status < 300 || authorizeResponse.status > 399 || !location) {
		throw new Error(
			`The authorization endpoint answered ${authorizeResponse.status} without a redirect: ${await authorizeResponse.text()}`,
		);
	}
	const callbackUrl = new URL(location, authorizationUrl).toString();

	const exchangeOptions: Partial<ClientOAuth2Options> =
		clientOptions.authentication === 'body'
			? { body: { client_id: clientOptions.clientId, client_secret: clientOptions.clientSecret } }
			: {};
	const tokenClientOptions = { ...clientOptions };
	if (clientOptions.authentication === 'body') delete tokenClientOptions.clientSecret;
	const token = await new ClientOAuth2(tokenClientOptions).code.getToken(
		callbackUrl,
		exchangeOptions,
	);

	const previous = saved.data.oauthTokenData;
	const oauthTokenData = {
		...(typeof previous === 'object' && previous !== null ? (previous as IDataObject) : {}),
		...(token.data as IDataObject),
	};
	store.write('oauthCallback', id, { ...saved.data, oauthTokenData });
	return { oauthTokenData, authorizationUrl, callbackUrl };
}
