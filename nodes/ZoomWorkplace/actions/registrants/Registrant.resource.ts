import { defineResource, type ZoomResource } from '../shared/types';
import { registrantCreate } from './create.operation';
import { registrantDelete } from './delete.operation';
import { registrantGet } from './get.operation';
import { registrantGetAll } from './getAll.operation';
import { MEETING_PARENT, WEBINAR_PARENT, type RegistrantParent } from './parent';
import { registrantUpdateStatus } from './updateStatus.operation';

/** A registrant resource: every operation written once, for meetings and webinars alike. */
function registrantResource(parent: RegistrantParent): ZoomResource {
	return defineResource({
		value: parent.resource,
		displayName: `${parent.label} Registrant`,
		defaultOperation: 'create',
		operations: {
			create: registrantCreate(parent),
			delete: registrantDelete(parent),
			get: registrantGet(parent),
			getAll: registrantGetAll(parent),
			updateStatus: registrantUpdateStatus(parent),
		},
	});
}

export const meetingRegistrant = registrantResource(MEETING_PARENT);
export const webinarRegistrant = registrantResource(WEBINAR_PARENT);
