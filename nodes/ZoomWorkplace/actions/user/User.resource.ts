import type { INodeProperties } from 'n8n-workflow';

import type { ZoomOperation } from '../types';
import * as activate from './activate.operation';
import * as create from './create.operation';
import * as deactivate from './deactivate.operation';
import * as deleteUser from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getSettings from './getSettings.operation';
import * as update from './update.operation';
import * as updateSettings from './updateSettings.operation';

export const operations: Record<string, ZoomOperation> = {
	activate,
	create,
	deactivate,
	delete: deleteUser,
	get,
	getAll,
	getSettings,
	update,
	updateSettings,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Activate',
				value: 'activate',
				description: 'Activate a deactivated user',
				action: 'Activate a user',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a user in the account',
				action: 'Create a user',
			},
			{
				name: 'Deactivate',
				value: 'deactivate',
				description: 'Deactivate a user',
				action: 'Deactivate a user',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Disassociate or delete a user',
				action: 'Delete a user',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a user by ID, email or "me"',
				action: 'Get a user',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the users of the account',
				action: 'Get many users',
			},
			{
				name: 'Get Settings',
				value: 'getSettings',
				description: 'Get the settings of a user',
				action: 'Get user settings',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Update a user's profile",
				action: 'Update a user',
			},
			{
				name: 'Update Settings',
				value: 'updateSettings',
				description: 'Update the settings of a user',
				action: 'Update user settings',
			},
		],
		default: 'get',
	},
	...activate.description,
	...create.description,
	...deactivate.description,
	...deleteUser.description,
	...get.description,
	...getAll.description,
	...getSettings.description,
	...update.description,
	...updateSettings.description,
];
