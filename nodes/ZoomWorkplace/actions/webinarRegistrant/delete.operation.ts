import { WEBINAR_PARENT } from '../registrants/parent';
import { registrantDelete } from '../registrants/simple';

export const { description, execute } = registrantDelete(WEBINAR_PARENT);
