import { defineResource } from '../shared/types';
import * as create from './create.operation';
import * as deleteWebinar from './delete.operation';
import * as end from './end.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const webinar = defineResource({
	value: 'webinar',
	displayName: 'Webinar',
	defaultOperation: 'create',
	operations: {
		create,
		delete: deleteWebinar,
		end,
		get,
		getAll,
		update,
	},
});
