import { defineResource } from '../shared/types';
import * as getMeetingParticipants from './getMeetingParticipants.operation';

export const report = defineResource({
	value: 'report',
	displayName: 'Report',
	defaultOperation: 'getMeetingParticipants',
	operations: {
		getMeetingParticipants,
	},
});
