import { MEETING_PARENT } from '../registrants/parent';
import { registrantGet } from '../registrants/simple';

export const { description, endpoints, execute } = registrantGet(MEETING_PARENT);
