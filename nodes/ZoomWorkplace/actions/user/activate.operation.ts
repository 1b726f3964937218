import { statusOperation } from './setStatus';

export const { description, execute, endpoints } = statusOperation('activate');
