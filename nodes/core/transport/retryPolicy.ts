/**
 * Pure retry decisions, kept apart from I/O: the client reports what happened to an attempt and
 * executes the decision this module returns (wait and retry, look an earlier create up, succeed,
 * or fail). Table-driven tests in test/unit/retryPolicy.test.ts.
 */

export interface RetrySettings {
	/** Retries after a 5xx or network failure (429 per-second answers have their own budget). */
	maxRetries: number;
	/** HTTP statuses that are retried (when the request is safe to repeat). */
	retryOnStatuses: number[];
	/** First wait in ms; each further retry waits `backoffMultiplier` times longer. */
	initialBackoffMs: number;
	backoffMultiplier: number;
	/** Upper bound for one wait, so a long Retry-After cannot stall an execution for minutes. */
	maxBackoffMs: number;
	/** Retries allowed after 429 per-second answers before the item fails. */
	maxRateLimitRetries: number;
	/**
	 * A request without an answer after this long is given up like a dropped connection (and
	 * retried the same way). Zoom answers in well under a second; n8n's own default is 5 minutes.
	 */
	timeoutMs: number;
}

/** The one definition of the defaults: the node's Options and the client both read these. */
export const DEFAULT_RETRY_SETTINGS: Readonly<RetrySettings> = Object.freeze({
	maxRetries: 3,
	retryOnStatuses: [500, 502, 503, 504],
	initialBackoffMs: 500,
	backoffMultiplier: 2,
	maxBackoffMs: 30_000,
	maxRateLimitRetries: 10,
	timeoutMs: 60_000,
});

/** Methods Zoom applies idempotently: repeating them cannot create a second object. */
const SAFE_TO_REPEAT = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE']);

export function isSafeToRepeat(method: string): boolean {
	return SAFE_TO_REPEAT.has(method.toUpperCase());
}

/** Network failures after which the request may or may not have reached Zoom. */
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export function isTransientNetworkCode(code: string | undefined): boolean {
	return code !== undefined && TRANSIENT_NETWORK_CODES.has(code);
}

export function backoffDelayMs(settings: RetrySettings, attempt: number): number {
	const delay =
		settings.initialBackoffMs * Math.pow(settings.backoffMultiplier, Math.max(0, attempt));
	return Math.min(settings.maxBackoffMs, Math.round(delay));
}

/** Parses Retry-After given in seconds or as a date; returns ms to wait, or undefined. */
export function retryAfterMs(header: unknown, now: number = Date.now()): number | undefined {
	if (typeof header !== 'string' || header.trim() === '') return undefined;
	const value = header.trim();
	if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** One failed attempt, as the client saw it. */
export interface AttemptFailure {
	/** HTTP status of Zoom's answer; undefined when no answer came (network failure). */
	statusCode?: number;
	networkCode?: string;
	/** X-RateLimit-Type of a 429, lower-cased (`qps`, `daily-limit`). */
	rateLimitType?: string;
	/** Zoom's message, to tell daily and per-user limits from per-second ones. */
	zoomMessage?: string;
	/** Retry-After in ms, if Zoom sent one. */
	retryAfterMs?: number;
}

/** What the earlier attempts of one request left behind. */
export interface AttemptHistory {
	/** Failed attempts that count against `maxRetries` (5xx and network failures). */
	failures: number;
	/** 429 per-second answers so far. */
	rateLimitRetries: number;
	/** An earlier attempt failed without telling whether Zoom applied it. */
	outcomeUnknown: boolean;
}

export const NO_ATTEMPTS: AttemptHistory = {
	failures: 0,
	rateLimitRetries: 0,
	outcomeUnknown: false,
};

export interface RequestTraits {
	method: string;
	/** A create that can look up what an attempt with a lost answer created. */
	canLookUp: boolean;
}

export type RetryDecision =
	/** Wait, then send again. `pauseCategory`: a 429 pauses the whole category, not only this request. */
	| { action: 'retry'; waitMs: number; pauseCategory: boolean; history: AttemptHistory }
	/**
	 * Wait, then look up the object an attempt may have created; if found it is the result. If not:
	 * send again when `retryAfterLookUp`, else fail saying the outcome is unknown.
	 */
	| {
			action: 'lookUp';
			waitMs: number;
			retryAfterLookUp: boolean;
			history: AttemptHistory;
			attempts: number;
	  }
	/** A DELETE answered 404 after an attempt whose answer was lost: that attempt deleted it. */
	| { action: 'alreadyDone' }
	/** A daily limit: fail; `blockCategory` when it is the account's (not one host user's). */
	| { action: 'dailyLimit'; blockCategory: boolean }
	/** Fail. `outcomeUnknown`: Zoom may have applied the request (say so in the error). */
	| { action: 'fail'; outcomeUnknown: boolean; attempts: number };

function attemptsSoFar(history: AttemptHistory): number {
	return 1 + history.failures + history.rateLimitRetries;
}

/** Whether a failure leaves open if Zoom applied the request (no answer, or a retryable 5xx). */
export function outcomeIsUnknown(failure: AttemptFailure, settings: RetrySettings): boolean {
	return failure.statusCode !== undefined
		? failure.statusCode >= 500 && settings.retryOnStatuses.includes(failure.statusCode)
		: isTransientNetworkCode(failure.networkCode);
}

/** Decides what follows a failed attempt. */
export function decideAfterFailure(
	request: RequestTraits,
	failure: AttemptFailure,
	history: AttemptHistory,
	settings: RetrySettings,
): RetryDecision {
	const method = request.method.toUpperCase();
	if (failure.statusCode === 429) {
		const message = failure.zoomMessage ?? '';
		if (failure.rateLimitType === 'daily-limit' || /daily/i.test(message)) {
			// A per-host-user limit (meeting create/update) must not stop the other users' items.
			return {
				action: 'dailyLimit',
				blockCategory: !/particular user|per user|this user/i.test(message),
			};
		}
		// A 429 means Zoom did not apply the request: repeating it is safe for every method.
		if (history.rateLimitRetries < settings.maxRateLimitRetries) {
			return {
				action: 'retry',
				waitMs: failure.retryAfterMs ?? 1000,
				pauseCategory: true,
				history: { ...history, rateLimitRetries: history.rateLimitRetries + 1 },
			};
		}
		return {
			action: 'fail',
			outcomeUnknown: history.outcomeUnknown,
			attempts: attemptsSoFar(history),
		};
	}

	if (history.outcomeUnknown && method === 'DELETE') {
		// The earlier attempt deleted it: gone (404), or in Zoom's trash (AI Companion summaries
		// answer 403 "The meeting summary has been moved to Trash").
		if (failure.statusCode === 404) return { action: 'alreadyDone' };
		if (failure.statusCode === 403 && /moved to trash/i.test(failure.zoomMessage ?? ''))
			return { action: 'alreadyDone' };
	}

	const retryable =
		failure.statusCode !== undefined
			? settings.retryOnStatuses.includes(failure.statusCode)
			: isTransientNetworkCode(failure.networkCode);
	const unknown = outcomeIsUnknown(failure, settings);
	const attemptsLeft = history.failures < settings.maxRetries;
	const next: AttemptHistory = {
		...history,
		failures: history.failures + 1,
		outcomeUnknown: history.outcomeUnknown || unknown,
	};
	const waitMs = backoffDelayMs(settings, history.failures);

	if (retryable && isSafeToRepeat(method) && attemptsLeft) {
		return { action: 'retry', waitMs, pauseCategory: false, history: next };
	}
	if (!isSafeToRepeat(method) && request.canLookUp && unknown) {
		// Looking up first is what makes repeating a create safe, and after the last attempt it is
		// how a create that Zoom applied but answered with an error is still found.
		return {
			action: 'lookUp',
			waitMs,
			retryAfterLookUp: retryable && attemptsLeft,
			history: next,
			attempts: attemptsSoFar(history),
		};
	}
	return {
		action: 'fail',
		outcomeUnknown: !isSafeToRepeat(method) && (unknown || history.outcomeUnknown),
		attempts: attemptsSoFar(history),
	};
}
