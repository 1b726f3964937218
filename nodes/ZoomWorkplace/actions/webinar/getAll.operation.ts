import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readLimit, readUserId } from '../../helpers/parameters';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../../core/transport';
import { returnAllAndLimit, userIdField } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';
import { listWebinars } from './listWebinars';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Many',
	description: 'List the webinars of a user',
	action: 'Get many webinars',
};
const LIST_TYPES = ['scheduled', 'upcoming'] as const;

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['listWebinars'];

export const description: INodeProperties[] = [
	userIdField('Whose webinars to list: "me", a user ID or an email'),
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{
						name: 'Scheduled',
						value: 'scheduled',
						description: 'All valid previous, live and upcoming webinars',
					},
					{
						name: 'Upcoming',
						value: 'upcoming',
						description: 'Upcoming webinars, live ones included',
					},
				],
				default: 'scheduled',
				description: 'Which webinars to list',
			},
		],
	},
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
	return await listWebinars(client, userId, qs, limit, itemIndex);
}
