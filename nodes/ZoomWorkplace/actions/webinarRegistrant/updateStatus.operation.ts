import { WEBINAR_PARENT } from '../registrants/parent';
import { registrantUpdateStatus } from '../registrants/updateStatus';

export const { description, endpoints, execute, executeBatch } =
	registrantUpdateStatus(WEBINAR_PARENT);
