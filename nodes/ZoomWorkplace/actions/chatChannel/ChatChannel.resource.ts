import { defineResource } from '../shared/types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const chatChannel = defineResource({
	value: 'chatChannel',
	displayName: 'Chat Channel',
	defaultOperation: 'getAll',
	operations: { get, getAll },
});
