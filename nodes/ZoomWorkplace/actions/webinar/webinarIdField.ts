import type { INodeProperties } from 'n8n-workflow';

/** `webinarId` resource locator: pick from a list, type an ID, or paste a join URL. */
export function webinarIdField(
	description = 'The webinar: its ID or its join URL',
): INodeProperties {
	return {
		displayName: 'Webinar',
		name: 'webinarId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchWebinars', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '95204914252',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://zoom.us/w/95204914252?tk=…',
				extractValue: { type: 'regex', regex: 'https?://[^/]+/(?:j|w|s)/(\\d+)' },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: 'https?://[^/]+/(?:j|w|s)/(\\d+).*',
							errorMessage: 'Not a Zoom webinar URL such as https://zoom.us/w/95204914252',
						},
					},
				],
			},
		],
	};
}
