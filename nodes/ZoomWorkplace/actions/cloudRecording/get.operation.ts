import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { applyFields, type FieldDefinition } from '../../helpers/fields';
import { readMeetingTarget } from '../../helpers/parameters';
import { booleanSchema } from '../../helpers/schemas';
import type { ZoomClient } from '../../transport';
import { meetingIdField } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';
import { scopeNotice } from '../scopeNotice';
import { ownValues } from './shared';

const show = { resource: ['cloudRecording'], operation: ['get'] };

export const getFields: FieldDefinition[] = [
	{
		property: {
			displayName: 'Include Download Access Token',
			name: 'includeDownloadAccessToken',
			type: 'boolean',
			default: false,
			description:
				'Whether to return a "download_access_token": anyone with it can download the files (add ?access_token=… to a download_url), without a Zoom credential',
		},
		zoom: 'include_fields',
		in: 'query',
		schema: booleanSchema,
		transform: (value) => (value === true ? 'download_access_token' : undefined),
	},
	{
		property: {
			displayName: 'Download Access Token TTL (Seconds)',
			name: 'ttl',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 604800 },
			default: 86400,
			description:
				'How long the download access token stays valid, up to 604800 (7 days). Only with "Include Download Access Token".',
		},
		zoom: 'ttl',
		in: 'query',
		schema: z.coerce
			.number({ invalid_type_error: 'must be a number of seconds' })
			.int('must be a whole number of seconds')
			.min(0, 'must not be negative')
			.max(604800, 'must be at most 604800 (7 days)'),
		transform: (value, { siblings }) =>
			siblings.includeDownloadAccessToken === true ? value : undefined,
	},
];

export const description: INodeProperties[] = [
	scopeNotice(show, ['getMeetingRecordings']),
	{
		...meetingIdField(show),
		description:
			'The meeting: its ID (the latest instance), an instance UUID (that instance) or its join URL',
	},
	optionsCollection(
		show,
		getFields.map((field) => field.property),
	),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = readMeetingTarget(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { qs } = applyFields(this, itemIndex, getFields, ownValues(options, getFields));
	const { body } = await client.request<IDataObject>({
		endpoint: 'getMeetingRecordings',
		pathParameters: { meetingId: target.meetingId },
		qs,
		itemIndex,
	});
	return body;
}
