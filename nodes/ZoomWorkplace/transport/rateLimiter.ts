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

export class DailyLimitReachedError extends Error {
	constructor(
		readonly category: RateLimitCategory,
		readonly resetsAt: Date | undefined,
		readonly zoomMessage: string,
	) {
		super(zoomMessage);
	}
}

interface CategoryState {
	limitPerSecond: number;
	nextSlotAt: number;
	pausedUntil: number;
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
		if (signal?.aborted) throw new Error('The execution was cancelled');
		const step = Math.min(remaining, 100);
		await sleep(step);
		remaining -= step;
	}
}

export const realClock: Clock = { now: () => Date.now(), wait: cancellableWait };

/**
 * Paces requests per rate-limit category, evenly spaced at just under the account's per-second
 * limit. It starts from the Pro plan's limits and learns the real ones from Zoom's
 * X-RateLimit-* headers, pauses a category when Zoom says 429, and remembers a reached daily
 * limit so further requests of that category fail at once instead of being sent.
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
			state = { limitPerSecond: this.initialLimits[category], nextSlotAt: 0, pausedUntil: 0 };
			this.categories.set(category, state);
		}
		return state;
	}

	limitOf(category: RateLimitCategory): number {
		return this.state(category).limitPerSecond;
	}

	/** Resolves when a request of this category may be sent. */
	async acquire(category: RateLimitCategory, signal?: AbortSignal): Promise<void> {
		const state = this.state(category);
		const now = this.clock.now();
		if (state.dailyBlock) {
			if (state.dailyBlock.resetsAt === undefined || state.dailyBlock.resetsAt.getTime() > now) {
				throw new DailyLimitReachedError(
					category,
					state.dailyBlock.resetsAt,
					state.dailyBlock.message,
				);
			}
			state.dailyBlock = undefined;
		}
		const interval = 1000 / (state.limitPerSecond * PACING_HEADROOM);
		const slot = Math.max(now, state.nextSlotAt, state.pausedUntil);
		state.nextSlotAt = slot + interval;
		if (slot > now) await this.clock.wait(slot - now, signal);
	}

	/** Learns from the X-RateLimit-* headers of any answer. */
	observe(category: RateLimitCategory, headers: Record<string, unknown>): void {
		const state = this.state(category);
		const limit = Number(headerValue(headers, 'x-ratelimit-limit'));
		const type = String(headerValue(headers, 'x-ratelimit-type') ?? '').toLowerCase();
		if (type !== 'daily-limit' && Number.isFinite(limit) && limit > 0 && limit <= 1000) {
			state.limitPerSecond = limit;
		}
		const remaining = Number(headerValue(headers, 'x-ratelimit-remaining'));
		if (
			type !== 'daily-limit' &&
			headerValue(headers, 'x-ratelimit-remaining') !== undefined &&
			remaining <= 0
		) {
			// The current one-second window is used up: hold the category until the next one.
			state.pausedUntil = Math.max(state.pausedUntil, this.clock.now() + 1000);
		}
	}

	/** Zoom answered 429 per-second: stop the category for `waitMs` (at least one window). */
	pause(category: RateLimitCategory, waitMs: number): void {
		const state = this.state(category);
		state.pausedUntil = Math.max(state.pausedUntil, this.clock.now() + Math.max(waitMs, 1000));
	}

	/** Zoom answered 429 Daily-limit for the whole category. */
	blockForTheDay(category: RateLimitCategory, resetsAt: Date | undefined, message: string): void {
		this.state(category).dailyBlock = { resetsAt, message };
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
