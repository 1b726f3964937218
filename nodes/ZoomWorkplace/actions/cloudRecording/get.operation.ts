import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { FieldDefinition } from '../../helpers/fields';
import { booleanSchema } from '../../helpers/schemas';
import type { ZoomClient } from '../../../core/transport';
import { MEETING_KIND } from '../shared/instances';
import { optionsCollection, readOperationOptions } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get',
	description: 'Get the recording files of a meeting',
	action: 'Get a cloud recording',
};

export const getFields: FieldDefinition[] = [
	{
		property: {
			displayName: 'Include Download Access Token',
			name: 'includeDownloadAccessToken',
			type: 'boolean',
			default: false,
			description:
				'Whether to return a "download_access_token": anyone with it can download the files (send it as an Authorization: Bearer header with a download_url), without a Zoom credential',
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

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['getMeetingRecordings'];

export const description: INodeProperties[] = [
	scopeNotice(endpoints),
	MEETING_KIND.locator(
		'The meeting: its ID (the latest instance), an instance UUID (that instance) or its join URL',
	),
	optionsCollection(getFields),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = MEETING_KIND.read(this, itemIndex);
	const { qs } = readOperationOptions(this, itemIndex, getFields);
	const { body } = await client.request<IDataObject>({
		endpoint: 'getMeetingRecordings',
		pathParameters: { meetingId: target.pathId },
		qs,
		itemIndex,
	});
	return body;
}
