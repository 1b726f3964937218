import { statusOperation } from './setStatus';

export const { description, execute } = statusOperation('activate');
