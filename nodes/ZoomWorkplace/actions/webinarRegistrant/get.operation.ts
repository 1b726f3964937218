import { WEBINAR_PARENT } from '../registrants/parent';
import { registrantGet } from '../registrants/simple';

export const { description, endpoints, execute } = registrantGet(WEBINAR_PARENT);
