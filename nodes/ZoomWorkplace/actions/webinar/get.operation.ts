import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldDefinition } from '../../helpers/fields';
import { booleanSchema } from '../../helpers/schemas';
import { readWebinarTarget } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import { occurrenceIdOption } from '../common.descriptions';
import { optionsCollection, readOperationOptions } from '../requestSettings';
import { webinarIdField } from './webinarIdField';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get',
	description: 'Get a webinar',
	action: 'Get a webinar',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['getWebinar'];

const OPTIONS: FieldDefinition[] = [
	occurrenceIdOption('Return the details of this occurrence of a recurring webinar'),
	{
		property: {
			displayName: 'Show Previous Occurrences',
			name: 'showPreviousOccurrences',
			type: 'boolean',
			default: false,
			description: 'Whether to list the past occurrences of a recurring webinar too',
		},
		zoom: 'show_previous_occurrences',
		in: 'query',
		schema: booleanSchema,
	},
];

export const description: INodeProperties[] = [
	webinarIdField(
		'The webinar: its ID, its join URL, or the UUID of one of its past instances',
	),
	optionsCollection(OPTIONS),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = readWebinarTarget(this, itemIndex);
	const { qs } = readOperationOptions(this, itemIndex, OPTIONS);
	const { body } = await client.request<IDataObject>({
		endpoint: 'getWebinar',
		pathParameters: { webinarId: target.pathId },
		qs,
		itemIndex,
	});
	return body;
}
