import { MEETING_PARENT } from '../registrants/parent';
import { registrantGetAll } from '../registrants/simple';

export const { description, endpoints, execute } = registrantGetAll(MEETING_PARENT);
