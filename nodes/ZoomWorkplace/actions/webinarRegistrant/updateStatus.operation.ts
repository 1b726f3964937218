import { WEBINAR_PARENT } from '../registrants/parent';
import { registrantUpdateStatus } from '../registrants/updateStatus';

export const { description, execute, executeBatch } = registrantUpdateStatus(WEBINAR_PARENT);
