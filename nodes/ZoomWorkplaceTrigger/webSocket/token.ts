/**
 * The access token for the WebSocket connection, taken from n8n's credential storage.
 *
 * The Server-to-Server credential keeps its token in the hidden, expirable `accessToken` field;
 * n8n fills and renews it through the credential's preAuthentication (which calls
 * obtainServerToServerToken: one mint per app at a time) whenever a request made with
 * httpRequestWithAuthentication finds it empty or sees a 401, and stores the new token. Going
 * through that path, instead of minting here, means every n8n process (main and queue-mode
 * workers) shares one stored token, and a mint for the WebSocket never replaces, behind n8n's
 * back, the token the workers use.
 */
import type { ITriggerFunctions } from 'n8n-workflow';

import { ZoomClient } from '../../core/transport/client';
import type { TokenRequest } from './connection';
import { inExpressionIsolate } from './isolate';

export const SERVER_TO_SERVER_CREDENTIAL = 'zoomWorkplaceServerToServerOAuthApi';

async function storedToken(ctx: ITriggerFunctions): Promise<string> {
	const credentials = await ctx.getCredentials(SERVER_TO_SERVER_CREDENTIAL);
	return typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
}

/**
 * The stored token, unless it is empty or the one Zoom just refused: then one light API call
 * (Get User `me`) through n8n, which mints and stores a token when the stored one is empty or
 * answered 401, and the stored token read again. Zoom's answer to that call does not matter (an
 * app with only event scopes gets "missing scopes"): the token is stored before it is sent.
 */
export async function accessTokenThroughN8n(
	ctx: ITriggerFunctions,
	request: TokenRequest,
): Promise<string> {
	const stored = await storedToken(ctx);
	if (stored !== '' && stored !== request.refused) return stored;
	const client = new ZoomClient(ctx, {
		credentialType: SERVER_TO_SERVER_CREDENTIAL,
		retry: { maxRetries: 1, maxRateLimitRetries: 2, timeoutMs: 30_000 },
	});
	let failure: unknown;
	try {
		await inExpressionIsolate(
			ctx,
			async () => await client.request({ endpoint: 'getUser', pathParameters: { userId: 'me' } }),
		);
	} catch (error) {
		failure = error;
	}
	const fresh = await storedToken(ctx);
	if (fresh !== '' && fresh !== request.refused) return fresh;
	if (failure !== undefined)
		ctx.logger.warn(
			`Zoom WebSocket: n8n could not renew the Server-to-Server token: ${(failure as Error).message}`,
		);
	if (fresh !== '') return fresh;
	throw failure instanceof Error
		? failure
		: new Error('n8n stored no access token for the Server-to-Server credential');
}
