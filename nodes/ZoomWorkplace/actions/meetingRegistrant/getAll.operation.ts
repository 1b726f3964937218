import { MEETING_PARENT } from '../registrants/parent';
import { registrantGetAll } from '../registrants/simple';

export const { description, execute } = registrantGetAll(MEETING_PARENT);
