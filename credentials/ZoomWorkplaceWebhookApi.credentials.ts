import type { ICredentialType, INodeProperties } from 'n8n-workflow';

export class ZoomWorkplaceWebhookApi implements ICredentialType {
	name = 'zoomWorkplaceWebhookApi';

	displayName = 'Zoom Workplace Webhook API';

	icon = { light: 'file:icons/zoom.svg', dark: 'file:icons/zoom.dark.svg' } as const;

	documentationUrl = 'https://developers.zoom.us/docs/api/webhooks/';

	properties: INodeProperties[] = [
		{
			displayName:
				"The Secret Token of the Zoom app that sends the events: Zoom App Marketplace → Manage → your app → Features → Access (General apps), or the app's Feature / Event Subscriptions page (Server-to-Server OAuth and webhook-only apps). Zoom signs every webhook with it; the Zoom Workplace Trigger refuses requests without a valid signature. Zoom has no API to check a Secret Token, so the credential test only checks its shape: validating the endpoint URL in the Zoom app is the real test.",
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Secret Token',
			name: 'secretToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];
}
