import { defineResource } from '../shared/types';
import * as deleteRecording from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getTranscript from './getTranscript.operation';
import * as recover from './recover.operation';

export const cloudRecording = defineResource({
	value: 'cloudRecording',
	displayName: 'Cloud Recording',
	defaultOperation: 'getAll',
	operations: {
		delete: deleteRecording,
		download,
		get,
		getAll,
		getTranscript,
		recover,
	},
});
