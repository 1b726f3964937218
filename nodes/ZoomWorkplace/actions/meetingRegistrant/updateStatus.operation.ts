import { MEETING_PARENT } from '../registrants/parent';
import { registrantUpdateStatus } from '../registrants/updateStatus';

export const { description, endpoints, execute, executeBatch } =
	registrantUpdateStatus(MEETING_PARENT);
