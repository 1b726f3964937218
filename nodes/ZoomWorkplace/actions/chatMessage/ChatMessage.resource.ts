import { defineResource } from '../shared/types';
import * as deleteMessage from './delete.operation';
import * as getAll from './getAll.operation';
import * as send from './send.operation';
import * as update from './update.operation';

export const chatMessage = defineResource({
	value: 'chatMessage',
	displayName: 'Chat Message',
	defaultOperation: 'send',
	operations: { delete: deleteMessage, getAll, send, update },
});
