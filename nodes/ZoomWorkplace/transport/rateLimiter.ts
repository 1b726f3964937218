import { sleep } from 'n8n-workflow';

/** Zoom's rate-limit categories. */
export type RateLimitCategory = 'light' | 'medium' | 'heavy';

/** Per-second limits of a Pro account: the lowest paid plan, so a safe start before Zoom tells us more. */
export const PRO_PLAN_LIMITS: Record<RateLimitCategory, number> = {
	light: 30,
	medium: 20,
	heavy: 10,
};

/** Pace a little below Zoom's limit so clock skew and jitter do not tip a window over. */
const PACING_HEADROOM = 0.95;

/** After a 429 the category slows to this share of its pace, and never below MIN_PACE. */
const BACKOFF_FACTOR = 0.75;
const MIN_PACE = 0.25;

/** Each answer that is not a 429 wins back this much pace (about one second's worth of answers). */
const PACE_RECOVERY_PER_ANSWER = 0.005;

/** A 429 lowers the pace at most once per window: a burst of 429s is one signal, not many. */
const BACKOFF_COOLDOWN_MS = 1000;

/** The scheduler looks again this often while it waits, so learned limits apply to queued requests. */
const RECHECK_MS = 50;

/**
 * After the event loop was busy, the schedule may catch up on this much lost time, with requests
 * at least half an interval apart and never more than the one-second cap.
 */
const CATCH_UP_MS = 250;
const CATCH_UP_SPACING = 0.5;

export class DailyLimitReachedError extends Error {
	constructor(
		readonly category: RateLimitCategory,
		readonly resetsAt: Date | undefined,
		readonly zoomMessage: string,
	) {
		super(zoomMessage);
	}
}

export class WaitCancelledError extends Error {
	constructor() {
		super('The execution was cancelled');
	}
}

interface Waiter {
	resolve: () => void;
	reject: (error: Error) => void;
	detach: () => void;
}

interface CategoryState {
	limitPerSecond: number;
	/** Share (≤ 1) of the paced rate in use: lowered by 429 answers, restored by the others. */
	pace: number;
	lastBackoffAt: number;
	/** The slot of the last request let through, on the evenly spaced schedule. */
	lastSlotAt: number;
	/** When requests were let through in the last second, oldest first. */
	recent: number[];
	pausedUntil: number;
	/** Requests waiting for a slot, first come first served. */
	queue: Waiter[];
	pumping: boolean;
	dailyBlock?: { resetsAt: Date | undefined; message: string };
}

export interface Clock {
	now(): number;
	wait(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Waits in short steps so an execution that is cancelled stops waiting promptly. */
async function cancellableWait(ms: number, signal?: AbortSignal): Promise<void> {
	let remaining = ms;
	while (remaining > 0) {
		if (signal?.aborted) throw new WaitCancelledError();
		const step = Math.min(remaining, 100);
		await sleep(step);
		remaining -= step;
	}
	if (signal?.aborted) throw new WaitCancelledError();
}

export const realClock: Clock = { now: () => Date.now(), wait: cancellableWait };

/**
 * The scheduler of requests to one Zoom account: one first-come-first-served queue per
 * rate-limit category, released evenly spaced at just under the category's per-second limit.
 *
 * It starts from the Pro plan's limits and learns the real ones from Zoom's X-RateLimit-*
 * headers; queued requests are re-timed at once when a limit is learned (the first answers of a
 * Business account speed up the requests already waiting). It slows down before Zoom refuses:
 * an answer saying the window is used up (`X-RateLimit-Remaining: 0`, e.g. another app of the
 * account is busy) holds the category for a window. A 429 pauses the category and lowers its
 * pace, which recovers as answers succeed. A reached daily limit fails the queued and all later
 * requests of the category at once instead of sending them.
 */
export class RateLimiter {
	private readonly categories = new Map<RateLimitCategory, CategoryState>();

	constructor(
		private readonly clock: Clock = realClock,
		private readonly initialLimits: Record<RateLimitCategory, number> = PRO_PLAN_LIMITS,
	) {}

	private state(category: RateLimitCategory): CategoryState {
		let state = this.categories.get(category);
		if (!state) {
			state = {
				limitPerSecond: this.initialLimits[category],
				pace: 1,
				lastBackoffAt: -Infinity,
				lastSlotAt: -Infinity,
				recent: [],
				pausedUntil: 0,
				queue: [],
				pumping: false,
			};
			this.categories.set(category, state);
		}
		return state;
	}

	limitOf(category: RateLimitCategory): number {
		return this.state(category).limitPerSecond;
	}

	/** Requests per second the category is paced at now. */
	rateOf(category: RateLimitCategory): number {
		const state = this.state(category);
		return state.limitPerSecond * PACING_HEADROOM * state.pace;
	}

	/** Requests of this category waiting for a slot. */
	queuedFor(category: RateLimitCategory): number {
		return this.state(category).queue.length;
	}

	private interval(state: CategoryState): number {
		return 1000 / (state.limitPerSecond * PACING_HEADROOM * state.pace);
	}

	/**
	 * Requests allowed in any one second: one under the limit. The even pace stays at
	 * PACING_HEADROOM of the limit; the rest is room for a timer to catch up after the event loop
	 * was busy, without ever putting more than the limit into one second.
	 */
	private capOf(state: CategoryState): number {
		return Math.max(1, Math.floor(state.limitPerSecond * state.pace) - 1);
	}

	/** The next slot on the evenly spaced schedule (which may lag behind the clock). */
	private scheduledSlot(state: CategoryState): number {
		return Math.max(state.lastSlotAt + this.interval(state), state.pausedUntil);
	}

	/** When the next request may go: its slot, but not too close to the last one nor over the cap. */
	private nextSlot(state: CategoryState): number {
		const interval = this.interval(state);
		let slot = this.scheduledSlot(state);
		const lastGrant = state.recent[state.recent.length - 1];
		if (lastGrant !== undefined) slot = Math.max(slot, lastGrant + interval * CATCH_UP_SPACING);
		const cap = this.capOf(state);
		if (state.recent.length >= cap) {
			// The request `cap` back must have left the one-second window first.
			slot = Math.max(slot, state.recent[state.recent.length - cap] + 1000);
		}
		return slot;
	}

	/**
	 * Lets one request through at `now`. When requests were waiting, a timer that fired late (a
	 * busy event loop) must not cost throughput: the schedule keeps its slots for up to
	 * CATCH_UP_MS, and the one-second cap in nextSlot() keeps the catching up within the limit.
	 * Time nobody waited is not made up for.
	 */
	private grant(state: CategoryState, now: number, waited: boolean): void {
		const keep = waited ? now - CATCH_UP_MS : now;
		state.lastSlotAt = Math.min(now, Math.max(this.scheduledSlot(state), keep));
		state.recent.push(now);
		const horizon = now - 1000;
		let stale = 0;
		while (stale < state.recent.length && state.recent[stale] <= horizon) stale++;
		if (stale > 0) state.recent.splice(0, stale);
	}

	private throwIfBlocked(category: RateLimitCategory, state: CategoryState): void {
		if (!state.dailyBlock) return;
		const { resetsAt, message } = state.dailyBlock;
		if (resetsAt === undefined || resetsAt.getTime() > this.clock.now()) {
			throw new DailyLimitReachedError(category, resetsAt, message);
		}
		state.dailyBlock = undefined;
	}

	/** Resolves when a request of this category may be sent. */
	async acquire(category: RateLimitCategory, signal?: AbortSignal): Promise<void> {
		const state = this.state(category);
		this.throwIfBlocked(category, state);
		if (signal?.aborted) throw new WaitCancelledError();
		const now = this.clock.now();
		if (state.queue.length === 0 && this.nextSlot(state) <= now) {
			this.grant(state, now, false);
			return;
		}
		await new Promise<void>((resolve, reject) => {
			const onAbort = () => {
				const index = state.queue.indexOf(waiter);
				if (index >= 0) state.queue.splice(index, 1);
				reject(new WaitCancelledError());
			};
			const waiter: Waiter = {
				resolve,
				reject,
				detach: () => signal?.removeEventListener('abort', onAbort),
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			state.queue.push(waiter);
			if (!state.pumping) void this.pump(category, state);
		});
	}

	/** Releases queued requests one slot at a time while any wait. */
	private async pump(category: RateLimitCategory, state: CategoryState): Promise<void> {
		state.pumping = true;
		try {
			while (state.queue.length > 0) {
				const now = this.clock.now();
				const slot = this.nextSlot(state);
				if (slot > now) {
					await this.clock.wait(Math.min(slot - now, RECHECK_MS));
					continue;
				}
				this.grant(state, now, true);
				const waiter = state.queue.shift()!;
				waiter.detach();
				waiter.resolve();
			}
		} catch (error) {
			this.rejectQueued(state, error as Error);
		} finally {
			state.pumping = false;
		}
	}

	private rejectQueued(state: CategoryState, error: Error): void {
		for (const waiter of state.queue.splice(0)) {
			waiter.detach();
			waiter.reject(error);
		}
	}

	/** Learns from the X-RateLimit-* headers of any answer. */
	observe(
		category: RateLimitCategory,
		headers: Record<string, unknown>,
		statusCode?: number,
	): void {
		const state = this.state(category);
		const type = String(headerValue(headers, 'x-ratelimit-type') ?? '').toLowerCase();
		if (type === 'daily-limit') return;
		const limit = Number(headerValue(headers, 'x-ratelimit-limit'));
		if (Number.isFinite(limit) && limit > 0 && limit <= 1000) state.limitPerSecond = limit;
		if (statusCode !== 429) state.pace = Math.min(1, state.pace + PACE_RECOVERY_PER_ANSWER);
		const remainingHeader = headerValue(headers, 'x-ratelimit-remaining');
		if (remainingHeader !== undefined && Number(remainingHeader) <= 0) {
			// The current one-second window is used up: hold the category until the next one.
			state.pausedUntil = Math.max(state.pausedUntil, this.clock.now() + 1000);
		}
	}

	/** Zoom answered 429 per-second: stop the category for `waitMs` (at least one window), slow it down. */
	pause(category: RateLimitCategory, waitMs: number): void {
		const state = this.state(category);
		const now = this.clock.now();
		state.pausedUntil = Math.max(state.pausedUntil, now + Math.max(waitMs, 1000));
		if (now - state.lastBackoffAt >= BACKOFF_COOLDOWN_MS) {
			state.pace = Math.max(MIN_PACE, state.pace * BACKOFF_FACTOR);
			state.lastBackoffAt = now;
		}
	}

	/** Zoom answered 429 Daily-limit for the whole category: fail what waits and what comes. */
	blockForTheDay(category: RateLimitCategory, resetsAt: Date | undefined, message: string): void {
		const state = this.state(category);
		state.dailyBlock = { resetsAt, message };
		this.rejectQueued(state, new DailyLimitReachedError(category, resetsAt, message));
	}
}

export function headerValue(
	headers: Record<string, unknown> | undefined,
	name: string,
): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === wanted)
			return Array.isArray(value) ? String(value[0]) : String(value);
	}
	return undefined;
}

/** One limiter per Zoom account and API host, shared by every execution in this n8n process. */
const limiters = new Map<string, RateLimiter>();

export function sharedRateLimiter(key: string): RateLimiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new RateLimiter();
		limiters.set(key, limiter);
	}
	return limiter;
}
