import { scheduledOperations } from '../scheduled/operations';
import { defineResource } from '../shared/types';
import { WEBINAR } from './descriptor';

export const webinar = defineResource({
	value: WEBINAR.resource,
	displayName: WEBINAR.label,
	defaultOperation: 'create',
	operations: scheduledOperations(WEBINAR),
});
