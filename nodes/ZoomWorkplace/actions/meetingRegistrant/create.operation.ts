import { registrantCreate } from '../registrants/create';
import { MEETING_PARENT } from '../registrants/parent';

export const { description, execute, executeBatch } = registrantCreate(MEETING_PARENT);
