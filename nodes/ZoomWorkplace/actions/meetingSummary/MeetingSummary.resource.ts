import { defineResource } from '../shared/types';
import * as deleteSummary from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const meetingSummary = defineResource({
	value: 'meetingSummary',
	displayName: 'Meeting Summary',
	defaultOperation: 'get',
	operations: {
		delete: deleteSummary,
		get,
		getAll,
	},
});
