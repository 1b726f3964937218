import { WEBINAR_PARENT } from '../registrants/parent';
import { registrantGet } from '../registrants/simple';

export const { description, execute } = registrantGet(WEBINAR_PARENT);
