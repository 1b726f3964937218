import { defineResource } from '../shared/types';
import * as get from './get.operation';
import * as getInstances from './getInstances.operation';
import * as getParticipants from './getParticipants.operation';

export const pastMeeting = defineResource({
	value: 'pastMeeting',
	displayName: 'Past Meeting',
	defaultOperation: 'get',
	operations: {
		get,
		getInstances,
		getParticipants,
	},
});
