import { WEBINAR_PARENT } from '../registrants/parent';
import { registrantDelete } from '../registrants/simple';

export const { description, endpoints, execute } = registrantDelete(WEBINAR_PARENT);
