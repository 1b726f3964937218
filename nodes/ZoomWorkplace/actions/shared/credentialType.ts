import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

/** Node parameter `authentication` → name of the n8n credential type it uses. */
export function credentialTypeFor(authentication: string): string {
	switch (authentication) {
		case 'oAuth2':
			return 'zoomWorkplaceOAuth2Api';
		case 'accessToken':
			return 'zoomWorkplaceAccessTokenApi';
		default:
			return 'zoomWorkplaceServerToServerOAuthApi';
	}
}

export function credentialTypeOf(ctx: IExecuteFunctions | ILoadOptionsFunctions): string {
	return credentialTypeFor(
		ctx.getNodeParameter('authentication', 0, 'serverToServerOAuth') as string,
	);
}
