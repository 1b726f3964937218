import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { locatorValue } from '../../helpers/parameters';
import { validateField } from '../../helpers/validation';

/** `channelId` resource locator: a channel of the user picked from a list, or its ID. */
export function channelIdField(
	description: string,
	displayOptions?: IDisplayOptions,
): INodeProperties {
	return {
		displayName: 'Channel',
		name: 'channelId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		...(displayOptions ? { displayOptions } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchChannels', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '825c9e31f1064c73b394c5e4557d3447',
			},
		],
	};
}

export const channelIdSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'is required: pick a channel or paste its ID')
	.refine((v) => !/[\s/?#]/.test(v), 'must be a channel ID (no spaces, "/", "?" or "#")');

/** The checked `channelId` of an item. */
export function readChannelId(ctx: IExecuteFunctions, itemIndex: number): string {
	return validateField(
		ctx,
		itemIndex,
		'Channel',
		channelIdSchema,
		locatorValue(ctx, 'channelId', itemIndex, 'Channel'),
	);
}
