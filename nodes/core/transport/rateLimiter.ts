import { sleep } from 'n8n-workflow';

import { PRO_PLAN_LIMITS, type RateLimitCategory } from '../zoom/categories';

/** Pace a little below Zoom's limit so clock skew and jitter do not tip a window over. */
const PACING_HEADROOM = 0.95;

/**
 * Every process of an account (n8n workers, other apps) sees the same X-RateLimit-Remaining:
 * the account's use of the current window. Once per epoch (about a window, jittered so that
 * workers do not adjust in step) each process reads the account's rate from its answers and
 * moves its own pace (requests per second) towards its share of what the account has left:
 * - below the paced limit: take SPARE_TAKEN of the spare room — the same number of requests per
 *   second for every process, so shares that started unequal even out — or less when our part
 *   of the account's use is small (many processes would overshoot together), or all of it when
 *   nearly all the use is ours (ALONE_SHARE);
 * - between the paced limit and the limit: hold; when shared, probe up by PROBE_IN_BAND of the
 *   paced limit and give back EVEN_OUT of the own pace, which moves every process towards the same
 *   pace without changing the total much;
 * - a full window (or more, read from how fast the use grew): every process slows by the same
 *   factor (at most FULL_WINDOW_FACTOR), which keeps the total under the limit and favours no one;
 * - no headers (Zoom does not promise them): probe up by PROBE_PER_EPOCH of the limit while the
 *   category is busy, and rely on 429s to slow down (AIMD, like TCP).
 */
const EPOCH_MS = 1000;
const EPOCH_JITTER = 0.2;
const SPARE_TAKEN = 0.5;
const ALONE_SHARE = 0.9;
const PROBE_IN_BAND = 0.03;
const EVEN_OUT = 0.06;
const FULL_WINDOW_FACTOR = 0.95;
const PROBE_PER_EPOCH = 0.05;

/** The rise of the window's use between answers is trusted once they span this long. */
const MIN_RISE_MS = 150;

/**
 * After a 429 the category slows to BACKOFF_FACTOR of its pace (at most once per cooldown), or as
 * far as the headers show the account went over the limit, but not below MAX_BACKOFF at once.
 */
const BACKOFF_FACTOR = 0.75;
const MAX_BACKOFF = 0.3;
const BACKOFF_COOLDOWN_MS = 1000;

/** Never slower than this share of the limit (nor one request per second). */
const MIN_SHARE = 0.02;

/** A one-window pause after a 429 lasts up to this share longer, so workers resume apart. */
const PAUSE_JITTER = 0.1;

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
	/** Requests per second this process sends: its share of what the account has left. */
	rate: number;
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
	/** What this epoch's answers said (see EPOCH_MS). */
	epoch: {
		startedAt: number;
		lengthMs: number;
		/** The account's busiest moment: the most of the limit any answer said was used, or -1. */
		maxUsed: number;
		/** The previous answer's use of the window, to see how fast the account fills it. */
		last?: { at: number; used: number };
		/** Growth of the window's use between answers, and over how long (the account's rate). */
		rise: number;
		riseMs: number;
		limited: boolean;
		granted: number;
	};
	/** No answer told the account's use yet: the first one decides the starting share. */
	firstUse: boolean;
}

export interface RateLimiterOptions {
	/**
	 * Share (0–1] of the account's per-second limit this process may use at most: an operator who
	 * knows the layout (e.g. 0.5 for two workers) sets it so the processes never compete.
	 */
	accountShare?: number;
	/** Random numbers in [0, 1) for the jitter; tests pass a seeded one. */
	random?: () => number;
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
 * Business account speed up the requests already waiting). Each process of an n8n installation
 * (queue-mode workers) has its own limiter, and other apps may use the account too: the pace
 * follows the account's use that X-RateLimit-Remaining shows (see EPOCH_MS), so the processes
 * converge to shares of what the account has left, slowing down before Zoom refuses. A 429
 * pauses the category and lowers its pace, which grows back as the answers show room. An
 * operator may cap the process at a share of the account's limit (`accountShare`). A reached
 * daily limit fails the queued and all later requests of the category at once instead of
 * sending them.
 */
export class RateLimiter {
	private readonly categories = new Map<RateLimitCategory, CategoryState>();

	private accountShare: number;

	private readonly random: () => number;

	constructor(
		private readonly clock: Clock = realClock,
		private readonly initialLimits: Record<RateLimitCategory, number> = PRO_PLAN_LIMITS,
		options: RateLimiterOptions = {},
	) {
		this.accountShare = clampShare(options.accountShare);
		this.random = options.random ?? Math.random;
	}

	private newEpoch(now: number): CategoryState['epoch'] {
		return {
			startedAt: now,
			lengthMs: EPOCH_MS * (1 + EPOCH_JITTER * this.random()),
			maxUsed: -1,
			rise: 0,
			riseMs: 0,
			limited: false,
			granted: 0,
		};
	}

	/**
	 * The account's requests per second in this epoch, from every process and app, or undefined
	 * when no answer said. Two readings of the same headers, whichever is higher: the most of the
	 * window in use (right for a window that slides, or one seen to its end), and how fast the use
	 * grew between answers (right for a fixed window seen only in part, e.g. after a pause).
	 */
	private accountRate(state: CategoryState): number | undefined {
		const { epoch } = state;
		if (epoch.maxUsed < 0) return undefined;
		const rising = epoch.riseMs >= MIN_RISE_MS ? (1000 * epoch.rise) / epoch.riseMs : 0;
		return Math.max(epoch.maxUsed, rising);
	}

	private state(category: RateLimitCategory): CategoryState {
		let state = this.categories.get(category);
		if (!state) {
			const limit = this.initialLimits[category];
			state = {
				limitPerSecond: limit,
				rate: limit * PACING_HEADROOM * this.accountShare,
				lastBackoffAt: -Infinity,
				lastSlotAt: -Infinity,
				recent: [],
				pausedUntil: 0,
				queue: [],
				pumping: false,
				epoch: this.newEpoch(this.clock.now()),
				firstUse: true,
			};
			this.categories.set(category, state);
		}
		return state;
	}

	/**
	 * Limits this process to a share (0–1] of the account's limit, e.g. 0.5 when an operator runs
	 * two workers. Applies at once to every category, queued requests included.
	 */
	setAccountShare(share: number | undefined): void {
		const next = clampShare(share);
		if (next === this.accountShare) return;
		const scale = next / this.accountShare;
		this.accountShare = next;
		for (const state of this.categories.values()) {
			state.rate *= scale;
			this.clampRate(state);
		}
	}

	shareOfAccount(): number {
		return this.accountShare;
	}

	limitOf(category: RateLimitCategory): number {
		return this.state(category).limitPerSecond;
	}

	/** Requests per second the category is paced at now. */
	rateOf(category: RateLimitCategory): number {
		return this.state(category).rate;
	}

	/** Requests of this category waiting for a slot. */
	queuedFor(category: RateLimitCategory): number {
		return this.state(category).queue.length;
	}

	/** The fastest this process may go: the paced limit, times the operator's share. */
	private ceiling(state: CategoryState): number {
		return state.limitPerSecond * PACING_HEADROOM * this.accountShare;
	}

	private clampRate(state: CategoryState): void {
		const floor = Math.max(1, state.limitPerSecond * MIN_SHARE);
		state.rate = Math.min(this.ceiling(state), Math.max(floor, state.rate));
	}

	private interval(state: CategoryState): number {
		return 1000 / state.rate;
	}

	/**
	 * Requests allowed in any one second: one under what the pace rounds up to. The even pace
	 * stays at PACING_HEADROOM of it; the rest is room for a timer to catch up after the event
	 * loop was busy, without ever putting more than the limit into one second.
	 */
	private capOf(state: CategoryState): number {
		return Math.max(
			1,
			Math.min(state.limitPerSecond, Math.floor(state.rate / PACING_HEADROOM)) - 1,
		);
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
		state.epoch.granted++;
		const horizon = now - 1000;
		let stale = 0;
		while (stale < state.recent.length && state.recent[stale] <= horizon) stale++;
		if (stale > 0) state.recent.splice(0, stale);
	}

	/** At the end of an epoch, moves the pace towards this process's share of what is left. */
	private adjust(state: CategoryState, now: number): void {
		const { epoch } = state;
		const elapsed = now - epoch.startedAt;
		if (elapsed < epoch.lengthMs) return;
		const target = state.limitPerSecond * PACING_HEADROOM;
		const accountRate = this.accountRate(state);
		if (epoch.limited) {
			// pause() already slowed down; the next epoch shows whether that was enough.
		} else if (accountRate !== undefined) {
			// Between the paced limit and the limit itself the pace holds: the readings are noisy
			// by a request or two, and processes that are not in step fill a window now and then.
			// A small probe there still moves everyone up until a window fills, then everyone down
			// by the same factor: each such cycle evens out processes that got unequal shares.
			if (accountRate < target) {
				// Many busy processes each take less of the spare room, so together they do not
				// overshoot it: our part of the account's use says roughly how many there are.
				// Alone on the account (nearly all of its use is ours), all of the room is ours.
				const ours = (1000 * epoch.granted) / elapsed;
				const share = ours / Math.max(accountRate, 1);
				const taken =
					share >= ALONE_SHARE ? 1 : SPARE_TAKEN * Math.max(Math.min(1, 2 * share), 0.2);
				state.rate += taken * (target - accountRate);
			} else if (accountRate < state.limitPerSecond) {
				// Shared: probe up a little, and give back a share of the own pace, which takes more
				// from processes above the average than from those below: unequal shares even out.
				const ours = (1000 * epoch.granted) / elapsed;
				if (ours / accountRate < ALONE_SHARE) {
					state.rate += PROBE_IN_BAND * target - EVEN_OUT * state.rate;
				}
			} else state.rate *= Math.min(FULL_WINDOW_FACTOR, target / accountRate);
		} else if (epoch.granted >= (state.rate * elapsed) / 1000 / 2) {
			// Busy, and no answer said how busy the account is: probe up, 429s will say when to stop.
			state.rate += PROBE_PER_EPOCH * state.limitPerSecond;
		}
		this.clampRate(state);
		state.epoch = this.newEpoch(now);
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
		this.adjust(state, now);
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
				this.adjust(state, now);
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

	/**
	 * Learns from the X-RateLimit-* headers of any answer: the account's limit, and from
	 * X-RateLimit-Remaining how much of the current window the account (every process, every
	 * app) has used.
	 */
	observe(
		category: RateLimitCategory,
		headers: Record<string, unknown>,
		statusCode?: number,
	): void {
		const state = this.state(category);
		const type = String(headerValue(headers, 'x-ratelimit-type') ?? '').toLowerCase();
		if (type === 'daily-limit') return;
		const now = this.clock.now();
		const limit = Number(headerValue(headers, 'x-ratelimit-limit'));
		const remainingHeader = headerValue(headers, 'x-ratelimit-remaining');
		const remaining = remainingHeader === undefined ? NaN : Number(remainingHeader);
		if (Number.isFinite(limit) && limit > 0 && limit <= 1000 && limit !== state.limitPerSecond) {
			// A learned limit re-times what waits at once (a Business account speeds up).
			state.rate *= limit / state.limitPerSecond;
			state.limitPerSecond = limit;
		}
		const { epoch } = state;
		// Answers to requests sent before a pause say nothing about the account after it.
		if (statusCode === 429) epoch.limited = true;
		if (Number.isFinite(remaining) && now >= epoch.startedAt) {
			const used = Math.max(0, state.limitPerSecond - remaining);
			epoch.maxUsed = Math.max(epoch.maxUsed, used);
			if (statusCode !== 429) {
				if (epoch.last && used >= epoch.last.used && now > epoch.last.at) {
					epoch.rise += used - epoch.last.used;
					epoch.riseMs += now - epoch.last.at;
				}
				epoch.last = { at: now, used };
			}
			if (state.firstUse) {
				state.firstUse = false;
				// Others already use the account: start from our part of its use, not from all of it.
				const ours = state.recent.length;
				if (used > ours + 1) state.rate *= Math.max(ours, 1) / used;
			}
		}
		this.clampRate(state);
		this.adjust(state, now);
	}

	/**
	 * Zoom answered 429 per-second: stop the category for `waitMs` and slow it down. A wait Zoom
	 * named (Retry-After longer than a window) is kept as it is; the default of one window gets a
	 * little jitter, so workers that were refused together do not come back together.
	 */
	pause(category: RateLimitCategory, waitMs: number): void {
		const state = this.state(category);
		const now = this.clock.now();
		const wait = waitMs > 1000 ? waitMs : 1000 * (1 + PAUSE_JITTER * this.random());
		state.pausedUntil = Math.max(state.pausedUntil, now + wait);
		if (now - state.lastBackoffAt >= BACKOFF_COOLDOWN_MS) {
			// When the headers showed how far over the limit the account went, slow down by as
			// much (every process by the same factor); otherwise by BACKOFF_FACTOR.
			const accountRate = this.accountRate(state);
			const target = state.limitPerSecond * PACING_HEADROOM;
			const factor =
				accountRate !== undefined && accountRate > target
					? Math.max(MAX_BACKOFF, Math.min(BACKOFF_FACTOR, target / accountRate))
					: BACKOFF_FACTOR;
			state.rate *= factor;
			state.lastBackoffAt = now;
			this.clampRate(state);
		}
		// The next epoch measures the account from the end of the pause on.
		state.epoch = { ...this.newEpoch(state.pausedUntil), limited: false };
	}

	/** Zoom answered 429 Daily-limit for the whole category: fail what waits and what comes. */
	blockForTheDay(category: RateLimitCategory, resetsAt: Date | undefined, message: string): void {
		const state = this.state(category);
		state.dailyBlock = { resetsAt, message };
		this.rejectQueued(state, new DailyLimitReachedError(category, resetsAt, message));
	}
}

/** An operator's share (0–1]; anything else means the whole limit. */
function clampShare(share: number | undefined): number {
	if (share === undefined || !Number.isFinite(share) || share <= 0) return 1;
	return Math.min(1, share);
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

/**
 * The limiter of one account in this process. `options.accountShare`, when given, sets the
 * operator's "Share of Account Rate Limit" for it (the latest execution's setting applies;
 * undefined, e.g. from a list search, keeps it).
 */
export function sharedRateLimiter(
	key: string,
	options: Pick<RateLimiterOptions, 'accountShare'> = {},
): RateLimiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new RateLimiter(realClock, PRO_PLAN_LIMITS, options);
		limiters.set(key, limiter);
	} else if (options.accountShare !== undefined) {
		limiter.setAccountShare(options.accountShare);
	}
	return limiter;
}
