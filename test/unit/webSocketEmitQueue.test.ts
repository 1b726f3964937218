/**
 * The WebSocket intake's emit queue: at most N executions in flight, the rest in order; an
 * execution n8n could not start emitted again after a pause; a started (cancelled) one never.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INodeExecutionData, ITriggerFunctions } from 'n8n-workflow';

import {
	EmitQueue,
	MAX_START_ATTEMPTS,
	startRetryDecision,
} from '../../nodes/ZoomWorkplaceTrigger/webSocket/emitQueue';

interface Emit {
	n: number;
	done: { resolve: (v: unknown) => void; reject: (e: Error) => void };
}

function fakeContext() {
	const emits: Emit[] = [];
	const ctx = {
		emit: (data: INodeExecutionData[][], _r: unknown, done: Emit['done']) =>
			emits.push({ n: data[0][0].json.n as number, done }),
		logger: { warn: () => {}, error: () => {}, info: () => {} },
	} as unknown as ITriggerFunctions;
	return { ctx, emits };
}
const item = (n: number): INodeExecutionData[][] => [[{ json: { n } }]];
const tick = async () => await new Promise((resolve) => setImmediate(resolve));

describe('emit queue', () => {
	test('retry decisions: back-off for a failed start, never for a cancelled execution', () => {
		assert.deepEqual(startRetryDecision(1, new Error('SQLITE_BUSY')), { action: 'retry', waitMs: 1000 });
		assert.deepEqual(startRetryDecision(3, new Error('lock timeout')), { action: 'retry', waitMs: 4000 });
		assert.deepEqual(startRetryDecision(MAX_START_ATTEMPTS, new Error('x')), { action: 'lost' });
		const cancelled = Object.assign(new Error('The execution was cancelled'), {
			name: 'ManualExecutionCancelledError',
		});
		assert.deepEqual(startRetryDecision(1, cancelled), { action: 'started' });
	});

	test('at most `limit` in flight; the rest follow in order as executions finish', async () => {
		const { ctx, emits } = fakeContext();
		const queue = new EmitQueue(ctx, 3);
		for (let n = 0; n < 10; n++) queue.push(item(n), () => assert.fail('lost'));
		assert.deepEqual(emits.map((e) => e.n), [0, 1, 2]);
		emits[1].done.resolve({});
		await tick();
		assert.deepEqual(emits.map((e) => e.n), [0, 1, 2, 3]);
		for (const e of [...emits]) e.done.resolve({});
		await tick();
		assert.deepEqual(emits.map((e) => e.n), [0, 1, 2, 3, 4, 5, 6]);
		assert.equal(queue.pending, 3 + 3);
	});

	test('a start that failed is emitted again; a cancelled one is not; close drops what waits', async () => {
		const { ctx, emits } = fakeContext();
		const lost: number[] = [];
		const queue = new EmitQueue(ctx, 1);
		queue.push(item(1), () => lost.push(1));
		queue.push(item(2), () => lost.push(2));
		emits[0].done.reject(new Error('Timeout waiting for lock SqliteWriteConnectionMutex'));
		await tick();
		// the next one goes meanwhile; the failed one comes back after its pause, ahead of newer ones
		assert.deepEqual(emits.map((e) => e.n), [1, 2]);
		emits[1].done.reject(Object.assign(new Error('cancelled'), { name: 'ExecutionCancelledError' }));
		await new Promise((resolve) => setTimeout(resolve, 1_200));
		assert.deepEqual(emits.map((e) => e.n), [1, 2, 1]);
		assert.equal(lost.length, 0);
		queue.push(item(3), () => lost.push(3));
		assert.equal(queue.close(), 1);
		assert.deepEqual(lost, [3]);
	});
});
