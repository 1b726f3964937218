import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

/** Node parameter `authentication` → n8n credential type. */
export const CREDENTIAL_TYPES = {
	serverToServerOAuth: 'zoomWorkplaceServerToServerOAuthApi',
	oAuth2: 'zoomWorkplaceOAuth2Api',
	accessToken: 'zoomWorkplaceAccessTokenApi',
} as const;

export type AuthenticationMethod = keyof typeof CREDENTIAL_TYPES;

export function credentialTypeOf(ctx: IExecuteFunctions | ILoadOptionsFunctions): string {
	const authentication = ctx.getNodeParameter('authentication', 0, 'serverToServerOAuth') as string;
	return CREDENTIAL_TYPES[authentication as AuthenticationMethod] ?? CREDENTIAL_TYPES.serverToServerOAuth;
}
