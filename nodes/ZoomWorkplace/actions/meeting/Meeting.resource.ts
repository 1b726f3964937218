import { scheduledOperations } from '../scheduled/operations';
import { defineResource } from '../shared/types';
import { MEETING } from './descriptor';
import * as getInvitation from './getInvitation.operation';

const scheduled = scheduledOperations(MEETING);

export const meeting = defineResource({
	value: MEETING.resource,
	displayName: MEETING.label,
	defaultOperation: 'create',
	// In the order the docs table lists them.
	operations: {
		create: scheduled.create,
		delete: scheduled.delete,
		end: scheduled.end,
		get: scheduled.get,
		getAll: scheduled.getAll,
		getInvitation,
		update: scheduled.update,
	},
});
