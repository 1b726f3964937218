import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { dateOnlySchema } from '../../helpers/schemas';
import { readLimit, readUserId } from '../../helpers/parameters';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../transport';
import { returnAllAndLimit, userIdField } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';
import type { EndpointName } from '../../transport/endpoints';

const show = { resource: ['meeting'], operation: ['getAll'] };

const LIST_TYPES = [
	'scheduled',
	'live',
	'upcoming',
	'upcoming_meetings',
	'previous_meetings',
] as const;

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['listMeetings'];

export const description: INodeProperties[] = [
	userIdField(show, 'Whose meetings to list: "me", a user ID or an email'),
	...returnAllAndLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Only meetings on or after this date (only the date part is used)',
			},
			{
				displayName: 'To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Only meetings on or before this date (only the date part is used)',
			},
			{
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
		],
	},
	optionsCollection(show),
];

/** A date picker gives a string; an expression may give a Luxon DateTime or a Date. */
function asText(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	return value !== null && typeof value === 'object' ? String(value) : value;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject[]> {
	const userId = readUserId(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;

	const qs: IDataObject = {};
	if (filters.type !== undefined && filters.type !== '') {
		qs.type = validateField(
			this,
			itemIndex,
			'Type',
			z.enum(LIST_TYPES, {
				errorMap: () => ({ message: `must be one of ${LIST_TYPES.join(', ')}` }),
			}),
			filters.type,
		);
	}
	if (filters.from)
		qs.from = validateField(this, itemIndex, 'From', dateOnlySchema, asText(filters.from));
	if (filters.to) {
		const from = qs.from as string | undefined;
		qs.to = validateField(
			this,
			itemIndex,
			'To',
			dateOnlySchema.refine(
				(to) => from === undefined || to >= from,
				`must not be before From (${from ?? ''})`,
			),
			asText(filters.to),
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
