import { defineResource } from '../shared/types';
import { statusOperation } from './setStatus';
import * as create from './create.operation';
import * as deleteUser from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getSettings from './getSettings.operation';
import * as update from './update.operation';
import * as updateSettings from './updateSettings.operation';

export const user = defineResource({
	value: 'user',
	displayName: 'User',
	defaultOperation: 'get',
	operations: {
		activate: statusOperation('activate'),
		create,
		deactivate: statusOperation('deactivate'),
		delete: deleteUser,
		get,
		getAll,
		getSettings,
		update,
		updateSettings,
	},
});
