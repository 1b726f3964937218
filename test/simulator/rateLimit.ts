import { ZoomApiError } from './errors';
import { isoSeconds, nextUtcMidnight, utcDayKey } from './time';
import type { RateCategory } from './types';

/*
 * Rate-limit categories, from Zoom's API reference "Rate Limit Label" of each endpoint:
 *
 *   endpoint                               category
 *   GET    /users                          Medium
 *   POST   /users                          Light
 *   GET    /users/email                    Light
 *   GET    /users/{userId}                 Light
 *   PATCH  /users/{userId}                 Light
 *   DELETE /users/{userId}                 Light
 *   PUT    /users/{userId}/status          Light
 *   GET    /users/{userId}/settings        Light
 *   PATCH  /users/{userId}/settings        Light
 *   GET    /users/{userId}/meetings        Medium
 *   POST   /users/{userId}/meetings        Medium   (+ 100 creates/updates per host user per UTC day)
 *   GET    /meetings/{meetingId}           Light
 *   PATCH  /meetings/{meetingId}           Light    (+ the same per-user daily 100)
 *   DELETE /meetings/{meetingId}           Light
 *   PUT    /meetings/{meetingId}/status    Light
 *   GET    /meetings/{meetingId}/invitation Light
 *
 * Limits are per account and shared by every app of the account. Pro plan: Light 30/s,
 * Medium 20/s, Heavy 10/s (Business+: 80/60/40).
 */

export const PRO_RATE_LIMITS: Record<RateCategory, number> = { light: 30, medium: 20, heavy: 10 };

const LABEL: Record<RateCategory, string> = { light: 'Light', medium: 'Medium', heavy: 'Heavy' };

export const QPS_MESSAGE =
	'You have reached the maximum per-second rate limit for this API. Try again later.';
export const DAILY_MESSAGE =
	'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.';

export type Admission =
	| { ok: true; headers: Record<string, string> }
	| { ok: false; daily: boolean; error: ZoomApiError };

interface Window {
	second: number;
	count: number;
}

export class RateLimiter {
	private limits: Record<RateCategory, number>;
	private daily: Partial<Record<RateCategory, number>>;
	private readonly windows = new Map<string, Window>();
	private readonly dailyUsage = new Map<string, number>();
	private readonly meetingWrites = new Map<string, number>();

	constructor(
		limits: Partial<Record<RateCategory, number>> | undefined,
		daily: Partial<Record<RateCategory, number>> | undefined,
		public enforce: boolean,
		public meetingDailyLimitPerUser: number,
	) {
		this.limits = { ...PRO_RATE_LIMITS, ...limits };
		this.daily = { ...daily };
	}

	/** New limits start from an empty window. */
	setLimits(limits: Partial<Record<RateCategory, number>> | undefined): void {
		this.limits = { ...PRO_RATE_LIMITS, ...limits };
		this.windows.clear();
	}

	/** New daily limits start from zero usage, so a test can say "allow N more today". */
	setDailyLimits(daily: Partial<Record<RateCategory, number>> | undefined): void {
		this.daily = { ...daily };
		this.dailyUsage.clear();
	}

	/** Counts one request of `category` for `accountId`, or refuses it with a 429. */
	admit(accountId: string, category: RateCategory, now = Date.now()): Admission {
		const label = LABEL[category];
		const dayKey = `${accountId}|${category}|${utcDayKey(now)}`;
		const dailyLimit = this.daily[category];
		const usedToday = this.dailyUsage.get(dayKey) ?? 0;
		if (this.enforce && dailyLimit !== undefined && usedToday >= dailyLimit) {
			return {
				ok: false,
				daily: true,
				error: dailyLimitError(DAILY_MESSAGE, label, dailyLimit, now),
			};
		}
		const windowKey = `${accountId}|${category}`;
		const second = Math.floor(now / 1000);
		let window = this.windows.get(windowKey);
		if (!window || window.second !== second) {
			window = { second, count: 0 };
			this.windows.set(windowKey, window);
		}
		const limit = this.limits[category];
		if (this.enforce && window.count >= limit) {
			return {
				ok: false,
				daily: false,
				error: new ZoomApiError(429, 429, QPS_MESSAGE, undefined, {
					'X-RateLimit-Category': label,
					'X-RateLimit-Type': 'QPS',
					'X-RateLimit-Limit': String(limit),
					'X-RateLimit-Remaining': '0',
				}),
			};
		}
		window.count++;
		this.dailyUsage.set(dayKey, usedToday + 1);
		return {
			ok: true,
			headers: {
				'X-RateLimit-Category': label,
				'X-RateLimit-Type': 'QPS',
				'X-RateLimit-Limit': String(limit),
				'X-RateLimit-Remaining': String(Math.max(0, limit - window.count)),
			},
		};
	}

	/** Zoom's per-host-user daily cap on meeting creates + updates. */
	admitMeetingWrite(
		hostId: string,
		category: RateCategory,
		now = Date.now(),
	): ZoomApiError | undefined {
		const key = `${hostId}|${utcDayKey(now)}`;
		const used = this.meetingWrites.get(key) ?? 0;
		const limit = this.meetingDailyLimitPerUser;
		if (this.enforce && used >= limit) {
			return dailyLimitError(
				`You have exceeded the daily rate limit (${limit}) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.`,
				LABEL[category],
				limit,
				now,
			);
		}
		this.meetingWrites.set(key, used + 1);
		return undefined;
	}

	resetMeetingWrites(): void {
		this.meetingWrites.clear();
	}
}

function dailyLimitError(message: string, label: string, limit: number, now: number): ZoomApiError {
	return new ZoomApiError(429, 429, message, undefined, {
		'X-RateLimit-Category': label,
		'X-RateLimit-Type': 'Daily-limit',
		'X-RateLimit-Limit': String(limit),
		'X-RateLimit-Remaining': '0',
		'Retry-After': isoSeconds(nextUtcMidnight(now)),
	});
}
