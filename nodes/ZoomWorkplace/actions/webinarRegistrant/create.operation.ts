import { registrantCreate } from '../registrants/create';
import { WEBINAR_PARENT } from '../registrants/parent';

export const { description, endpoints, execute, executeBatch } = registrantCreate(WEBINAR_PARENT);
