import { registrantCreate } from '../registrants/create';
import { MEETING_PARENT } from '../registrants/parent';

export const { description, endpoints, execute, executeBatch } = registrantCreate(MEETING_PARENT);
