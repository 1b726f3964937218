import { MEETING_PARENT } from '../registrants/parent';
import { registrantUpdateStatus } from '../registrants/updateStatus';

export const { description, execute, executeBatch } = registrantUpdateStatus(MEETING_PARENT);
