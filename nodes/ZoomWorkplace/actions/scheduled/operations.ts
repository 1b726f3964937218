import type { ZoomOperation } from '../shared/types';
import { scheduledCreate } from './create.operation';
import { scheduledDelete } from './delete.operation';
import type { ScheduledDescriptor } from './descriptor';
import { scheduledEnd } from './end.operation';
import { scheduledGet } from './get.operation';
import { scheduledGetAll } from './getAll.operation';
import { scheduledUpdate } from './update.operation';

export type ScheduledOperation = 'create' | 'delete' | 'end' | 'get' | 'getAll' | 'update';

/** The operations a meeting and a webinar both have, each written once, by their values. */
export function scheduledOperations(
	kind: ScheduledDescriptor,
): Record<ScheduledOperation, ZoomOperation> {
	return {
		create: scheduledCreate(kind),
		delete: scheduledDelete(kind),
		end: scheduledEnd(kind),
		get: scheduledGet(kind),
		getAll: scheduledGetAll(kind),
		update: scheduledUpdate(kind),
	};
}
