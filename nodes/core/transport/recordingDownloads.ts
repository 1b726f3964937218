import type { IExecuteFunctions } from 'n8n-workflow';

import { n8nDownloadRequester, type DownloadRequester } from './download';

/**
 * The requester Cloud Recording → Download and Get Transcript use: Zoom's own host is asked
 * with the node's API credential (n8n's httpRequestWithAuthentication adds the bearer token and
 * renews it as the credential defines); the signed storage URL Zoom redirects to gets a plain
 * request without it (download.ts decides which is which).
 */
export function credentialDownloadRequester(
	ctx: IExecuteFunctions,
	credentialType: string,
	timeoutMs: number,
): DownloadRequester {
	return n8nDownloadRequester(
		async (options, authenticate) =>
			authenticate
				? await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options)
				: await ctx.helpers.httpRequest(options),
		timeoutMs,
	);
}
