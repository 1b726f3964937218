import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { dateOnlySchema } from '../../helpers/schemas';
import { readLimit, readUserId } from '../../helpers/parameters';
import { applyFields, fieldsCollection, type FieldDefinition } from '../../helpers/fields';
import type { ZoomClient } from '../../../core/transport';
import { returnAllAndLimit, userIdField } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Many',
	description: 'List the meetings of a user',
	action: 'Get many meetings',
};

const LIST_TYPES = [
	'scheduled',
	'live',
	'upcoming',
	'upcoming_meetings',
	'previous_meetings',
] as const;

/** A date picker gives a string; an expression may give a Luxon DateTime or a Date. */
function asText(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	return value !== null && typeof value === 'object' ? String(value) : value;
}

const dateFilter = z.preprocess(asText, dateOnlySchema);

const FILTERS: FieldDefinition[] = [
	{
		property: {
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description: 'Only meetings on or after this date (only the date part is used)',
		},
		zoom: 'from',
		in: 'query',
		schema: dateFilter,
		skip: (v) => !v,
	},
	{
		property: {
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description: 'Only meetings on or before this date (only the date part is used)',
		},
		zoom: 'to',
		in: 'query',
		schema: dateFilter,
		skip: (v) => !v,
	},
	{
		property: {
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Live', value: 'live', description: 'Meetings in progress' },
				{
					name: 'Previous Meetings',
					value: 'previous_meetings',
					description: 'Meetings that took place',
				},
				{
					name: 'Scheduled',
					value: 'scheduled',
					description: 'Unexpired previous, live and upcoming scheduled meetings',
				},
				{
					name: 'Upcoming',
					value: 'upcoming',
					description: 'Upcoming meetings, live ones included',
				},
				{
					name: 'Upcoming Meetings',
					value: 'upcoming_meetings',
					description: 'Upcoming meetings only',
				},
			],
			default: 'scheduled',
			description: 'Which meetings to list',
		},
		zoom: 'type',
		in: 'query',
		schema: z.enum(LIST_TYPES, {
			errorMap: () => ({ message: `must be one of ${LIST_TYPES.join(', ')}` }),
		}),
		skip: (v) => v === '',
	},
];

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['listMeetings'];

export const description: INodeProperties[] = [
	userIdField('Whose meetings to list: "me", a user ID or an email'),
	...returnAllAndLimit(),
	fieldsCollection('filters', 'Filters', FILTERS, 'Add Filter'),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject[]> {
	const userId = readUserId(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const { qs } = applyFields(this, itemIndex, FILTERS, filters);
	if (typeof qs.from === 'string' && typeof qs.to === 'string' && qs.to < qs.from) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "To" in item ${itemIndex}: must not be before From (${qs.from})`,
			{ itemIndex, description: `Received: "${qs.to}"` },
		);
	}

	return await client.requestAllItems({
		endpoint: 'listMeetings',
		pathParameters: { userId },
		qs,
		arrayKey: 'meetings',
		limit,
		itemIndex,
	});
}
