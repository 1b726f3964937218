/**
 * Zoom does not resend an event over a WebSocket: an event whose execution n8n fails to start is
 * lost. A burst (a big meeting's joins, a bulk user change) emitted all at once can make n8n fail
 * exactly that: on SQLite, 10,000 executions created at once by n8n 2.41 mostly fail with
 * "Timeout waiting for lock SqliteWriteConnectionMutex". So the
 * WebSocket intake emits through this queue: at most MAX_IN_FLIGHT executions n8n has not yet
 * finished, the rest waiting in memory, and an execution n8n could not start emitted again after
 * a pause (n8n's emit() reports both through its done promise). The webhook intake needs none of
 * this: there Zoom itself waits, and resends what n8n refused.
 */
import type { INodeExecutionData, IRun, ITriggerFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

export const MAX_IN_FLIGHT = 50;
export const MAX_START_ATTEMPTS = 5;

/**
 * After n8n reported `error` for attempt `attempt` (1-based): emit again (and when), or give up
 * — `lost` when the execution never started, `started` when it had (a cancellation).
 */
export function startRetryDecision(
	attempt: number,
	error: unknown,
): { action: 'retry'; waitMs: number } | { action: 'lost' } | { action: 'started' } {
	const name = (error as { name?: unknown } | undefined)?.name;
	const message = (error as { message?: unknown } | undefined)?.message;
	// a cancelled execution had started: emitting it again would run the event twice
	if (/cancel/i.test(String(name ?? '')) || /cancel/i.test(String(message ?? '')))
		return { action: 'started' };
	if (attempt >= MAX_START_ATTEMPTS) return { action: 'lost' };
	return { action: 'retry', waitMs: Math.min(30_000, 1_000 * 2 ** (attempt - 1)) };
}

interface Item {
	data: INodeExecutionData[][];
	attempts: number;
	/** called when the item is given up (never started) */
	lost: (error: Error) => void;
}

export class EmitQueue {
	private readonly waiting: Item[] = [];
	private inFlight = 0;
	private closed = false;

	constructor(
		private readonly ctx: ITriggerFunctions,
		private readonly limit = MAX_IN_FLIGHT,
		private readonly stopSignal?: AbortSignal,
	) {}

	get pending(): number {
		return this.waiting.length + this.inFlight;
	}

	push(data: INodeExecutionData[][], lost: (error: Error) => void): void {
		if (this.closed) return lost(new Error('the trigger was stopped'));
		this.waiting.push({ data, attempts: 0, lost });
		this.pump();
	}

	/** Stops emitting; returns how many events were still waiting (they are lost). */
	close(): number {
		this.closed = true;
		const dropped = this.waiting.splice(0);
		for (const item of dropped) item.lost(new Error('the trigger was stopped'));
		return dropped.length;
	}

	private pump(): void {
		while (!this.closed && this.inFlight < this.limit && this.waiting.length > 0) {
			const item = this.waiting.shift()!;
			this.inFlight++;
			this.emit(item);
		}
	}

	private emit(item: Item): void {
		item.attempts++;
		let settled = false;
		const finish = () => {
			if (settled) return false;
			settled = true;
			this.inFlight--;
			return true;
		};
		const onFailure = (error: Error) => {
			if (!finish()) return;
			const decision = startRetryDecision(item.attempts, error);
			if (decision.action === 'started') {
				this.pump();
				return;
			}
			if (decision.action === 'lost' || this.closed) {
				item.lost(error);
				this.pump();
				return;
			}
			this.ctx.logger.warn(
				`Zoom WebSocket event: n8n could not start the execution (${error.message}); trying again in ${decision.waitMs} ms`,
			);
			sleep(decision.waitMs, this.stopSignal)
				.then(
					() => {
						if (this.closed) return item.lost(error);
						// ahead of newer events, as Zoom sent it
						this.waiting.unshift(item);
					},
					() => item.lost(error),
				)
				.finally(() => this.pump());
			this.pump();
		};
		let resolve!: (run: IRun) => void;
		let reject!: (error: Error) => void;
		const promise = new Promise<IRun>((res, rej) => {
			resolve = res;
			reject = rej;
		});
		promise.then(
			() => {
				if (finish()) this.pump();
			},
			(error: Error) => onFailure(error),
		);
		const done = { promise, resolve, reject } as Parameters<ITriggerFunctions['emit']>[2];
		try {
			this.ctx.emit(item.data, undefined, done);
		} catch (error) {
			onFailure(error as Error);
		}
	}
}
