/**
 * A deterministic simulation of several processes sharing one Zoom account: every process has
 * its own RateLimiter (as n8n workers do), a virtual clock drives them all, and a simulated
 * account admits requests against its per-second limit like Zoom (fixed one-second windows,
 * X-RateLimit-Limit / X-RateLimit-Remaining on answers, 429 when the window is used up).
 * Nothing here waits for real time: a minute of traffic runs in well under a second.
 */
import type { Clock } from '../../nodes/core/transport/rateLimiter';
import type { RateLimitCategory } from '../../nodes/core/zoom/categories';
import { RateLimiter } from '../../nodes/core/transport/rateLimiter';

/** Park–Miller: the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
	let state = seed % 2_147_483_647 || 1;
	return () => (state = (state * 16_807) % 2_147_483_647) / 2_147_483_647;
}

interface Timer {
	at: number;
	seq: number;
	resolve: () => void;
}

/** Virtual time: `wait` resolves when the driver has moved the clock past it. */
export class VirtualTime implements Clock {
	t = 0;

	private seq = 0;

	private readonly timers: Timer[] = [];

	now = (): number => this.t;

	wait = async (ms: number): Promise<void> =>
		await new Promise<void>((resolve) => {
			this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve });
		});

	/** Lets every continuation that is ready run (all of them are promise callbacks). */
	private async settle(): Promise<void> {
		await new Promise<void>((resolve) => setImmediate(resolve));
	}

	/** Runs until `done` resolves, moving the clock to the next timer whenever everything waits. */
	async run(done: Promise<unknown>, maxMs = 600_000): Promise<void> {
		let finished = false;
		void done.then(() => (finished = true));
		for (;;) {
			await this.settle();
			if (finished) return;
			if (this.timers.length === 0) throw new Error('simulation stalled: nothing to wait for');
			let next = 0;
			for (let i = 1; i < this.timers.length; i++) {
				const a = this.timers[i];
				const b = this.timers[next];
				if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) next = i;
			}
			const [timer] = this.timers.splice(next, 1);
			this.t = Math.max(this.t, timer.at);
			if (this.t > maxMs) throw new Error(`simulation ran past ${maxMs} ms`);
			timer.resolve();
		}
	}
}

export interface AccountAnswer {
	admitted: boolean;
	headers: Record<string, string>;
}

/** One Zoom account's per-second limit for one category, in fixed one-second windows. */
export class SimulatedAccount {
	admitted = 0;

	refused = 0;

	/** Admitted requests per window, to check that no window went over the limit. */
	readonly perWindow = new Map<number, number>();

	constructor(
		readonly limit: number,
		/** `false`: answers carry no X-RateLimit-* headers; only 429s tell anything. */
		readonly headers = true,
	) {}

	admit(at: number): AccountAnswer {
		const window = Math.floor(at / 1000);
		const used = this.perWindow.get(window) ?? 0;
		const admitted = used < this.limit;
		if (admitted) {
			this.perWindow.set(window, used + 1);
			this.admitted++;
		} else {
			this.refused++;
		}
		const headers: Record<string, string> = this.headers
			? {
					'X-RateLimit-Category': 'Medium',
					'X-RateLimit-Type': 'QPS',
					'X-RateLimit-Limit': String(this.limit),
					'X-RateLimit-Remaining': String(Math.max(0, this.limit - (admitted ? used + 1 : used))),
				}
			: {};
		return { admitted, headers };
	}
}

export interface ProcessStats {
	items: number;
	requests: number;
	refused: number;
	finishedAt: number;
	/** Admitted requests per window of this process. */
	perWindow: Map<number, number>;
}

export interface ProcessSpec {
	items: number;
	/** Requests in flight at once (the node's "Max Concurrent Requests"). */
	concurrency?: number;
	startAt?: number;
	accountShare?: number;
	seed?: number;
}

const CATEGORY: RateLimitCategory = 'medium';

/**
 * One process: its own limiter, `items` requests sent `concurrency` at a time, each retried after
 * a 429 the way the transport does (observe, pause, acquire again).
 */
export async function runProcess(
	time: VirtualTime,
	account: SimulatedAccount,
	spec: ProcessSpec,
	latencyMs: number,
	initialLimit = 20,
): Promise<ProcessStats> {
	const limiter = new RateLimiter(
		time,
		{ light: initialLimit, medium: initialLimit, heavy: initialLimit },
		{ accountShare: spec.accountShare, random: seededRandom(spec.seed ?? 1) },
	);
	const stats: ProcessStats = {
		items: spec.items,
		requests: 0,
		refused: 0,
		finishedAt: 0,
		perWindow: new Map(),
	};
	if (spec.startAt) await time.wait(spec.startAt);
	let next = 0;
	const worker = async () => {
		while (next < spec.items) {
			next++;
			for (;;) {
				await limiter.acquire(CATEGORY);
				stats.requests++;
				await time.wait(latencyMs / 2);
				const answer = account.admit(time.now());
				if (answer.admitted) {
					const window = Math.floor(time.now() / 1000);
					stats.perWindow.set(window, (stats.perWindow.get(window) ?? 0) + 1);
				}
				await time.wait(latencyMs / 2);
				if (answer.admitted) {
					limiter.observe(CATEGORY, answer.headers, 201);
					break;
				}
				stats.refused++;
				limiter.observe(CATEGORY, answer.headers, 429);
				limiter.pause(CATEGORY, 1000);
			}
		}
	};
	await Promise.all(Array.from({ length: spec.concurrency ?? 10 }, worker));
	stats.finishedAt = time.now();
	return stats;
}

/** A client we know nothing about: steady `perSecond` requests, until `until` ms. */
export async function runOtherClient(
	time: VirtualTime,
	account: SimulatedAccount,
	perSecond: number,
	until: () => boolean,
): Promise<number> {
	let sent = 0;
	while (!until()) {
		account.admit(time.now());
		sent++;
		await time.wait(1000 / perSecond);
	}
	return sent;
}

export interface ScenarioResult {
	processes: ProcessStats[];
	wallMs: number;
	/** Our admitted requests per second of wall time, as a share of the account limit. */
	ratio: number;
	refusedShare: number;
	otherSent: number;
	account: SimulatedAccount;
}

export async function runScenario(options: {
	limit: number;
	latencyMs: number;
	processes: ProcessSpec[];
	headers?: boolean;
	/** An unknown client using this many requests per second while ours run. */
	otherPerSecond?: number;
}): Promise<ScenarioResult> {
	const time = new VirtualTime();
	const account = new SimulatedAccount(options.limit, options.headers ?? true);
	let ours = 0;
	let allDone = false;
	const running = Promise.all(
		options.processes.map((spec, i) =>
			runProcess(time, account, { seed: i + 1, ...spec }, options.latencyMs),
		),
	).then((stats) => {
		allDone = true;
		return stats;
	});
	const other = options.otherPerSecond
		? runOtherClient(time, account, options.otherPerSecond, () => allDone)
		: Promise.resolve(0);
	const both = Promise.all([running, other]);
	await time.run(both);
	const [processes, otherSent] = await both;
	const wallMs = Math.max(...processes.map((p) => p.finishedAt));
	for (const p of processes) ours += p.items;
	const requests = processes.reduce((sum, p) => sum + p.requests, 0);
	const refused = processes.reduce((sum, p) => sum + p.refused, 0);
	return {
		processes,
		wallMs,
		ratio: ours / (wallMs / 1000) / options.limit,
		refusedShare: refused / requests,
		otherSent,
		account,
	};
}
