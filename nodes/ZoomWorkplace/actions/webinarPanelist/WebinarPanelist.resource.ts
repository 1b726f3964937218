import { defineResource } from '../shared/types';
import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';
import * as removeAll from './removeAll.operation';

export const webinarPanelist = defineResource({
	value: 'webinarPanelist',
	displayName: 'Webinar Panelist',
	defaultOperation: 'add',
	operations: {
		add,
		getAll,
		remove,
		removeAll,
	},
});
