import { defineResource } from '../shared/types';
import * as create from './create.operation';
import * as deleteMeeting from './delete.operation';
import * as end from './end.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getInvitation from './getInvitation.operation';
import * as update from './update.operation';

export const meeting = defineResource({
	value: 'meeting',
	displayName: 'Meeting',
	defaultOperation: 'create',
	operations: {
		create,
		delete: deleteMeeting,
		end,
		get,
		getAll,
		getInvitation,
		update,
	},
});
