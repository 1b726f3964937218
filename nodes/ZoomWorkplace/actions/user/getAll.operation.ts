import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readLimit } from '../../helpers/parameters';
import { applyFields, fieldsCollection, type FieldDefinition } from '../../helpers/fields';
import type { ZoomClient } from '../../../core/transport';
import { returnAllAndLimit } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Many',
	description: 'List the users of the account',
	action: 'Get many users',
};

const USER_STATUSES = ['active', 'inactive', 'pending'] as const;

const roleIdSchema = z
	.union([z.string(), z.number()], { invalid_type_error: 'must be text' })
	.transform((v) => String(v).trim())
	.refine((v) => v !== '' && !/[\s/?#&]/.test(v), 'must be a role ID such as 2');

const FILTERS: FieldDefinition[] = [
	{
		property: {
			displayName: 'Role ID',
			name: 'roleId',
			type: 'string',
			default: '',
			placeholder: '2',
			description: 'Only users with this role. Built-in roles: 0 Owner, 1 Admin, 2 Member.',
		},
		zoom: 'role_id',
		in: 'query',
		schema: roleIdSchema,
	},
	{
		property: {
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Active', value: 'active', description: 'Users who joined the account' },
				{ name: 'Inactive', value: 'inactive', description: 'Deactivated users' },
				{
					name: 'Pending',
					value: 'pending',
					description: 'Invited users who have not accepted yet',
				},
			],
			default: 'active',
			description: 'Zoom lists active users when no status is given',
		},
		zoom: 'status',
		in: 'query',
		schema: z.enum(USER_STATUSES, { message: 'must be active, inactive or pending' }),
	},
];

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['listUsers'];

export const description: INodeProperties[] = [
	...returnAllAndLimit(),
	fieldsCollection('filters', 'Filters', FILTERS, 'Add Filter'),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const { qs } = applyFields(this, itemIndex, FILTERS, filters);
	return await client.requestAllItems({
		endpoint: 'listUsers',
		qs,
		arrayKey: 'users',
		limit,
		itemIndex,
	});
}
