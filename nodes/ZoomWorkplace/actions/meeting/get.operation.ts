import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldDefinition } from '../../helpers/fields';
import { readMeetingTarget } from '../../helpers/parameters';
import { booleanSchema } from '../../helpers/schemas';
import type { ZoomClient } from '../../../core/transport';
import { meetingIdField, occurrenceIdOption } from '../common.descriptions';
import { optionsCollection, readOperationOptions } from '../requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get',
	description: 'Get a meeting',
	action: 'Get a meeting',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['getMeeting'];

const OPTIONS: FieldDefinition[] = [
	occurrenceIdOption(
		'Return the details of this occurrence of a recurring meeting (digits, from the meeting\'s "occurrences" list)',
	),
	{
		property: {
			displayName: 'Show Previous Occurrences',
			name: 'showPreviousOccurrences',
			type: 'boolean',
			default: false,
			description: 'Whether to list the past occurrences of a recurring meeting too',
		},
		zoom: 'show_previous_occurrences',
		in: 'query',
		schema: booleanSchema,
	},
];

export const description: INodeProperties[] = [
	meetingIdField(),
	optionsCollection(OPTIONS),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = readMeetingTarget(this, itemIndex);
	const { qs } = readOperationOptions(this, itemIndex, OPTIONS);
	const { body } = await client.request<IDataObject>({
		endpoint: 'getMeeting',
		pathParameters: { meetingId: target.pathId },
		qs,
		itemIndex,
	});
	return body;
}
