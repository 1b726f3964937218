/** Pure retry decisions, kept apart from I/O so they can be unit-tested. */

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

export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
	maxRetries: 3,
	retryOnStatuses: [500, 502, 503, 504],
	initialBackoffMs: 500,
	backoffMultiplier: 2,
	maxBackoffMs: 30_000,
	maxRateLimitRetries: 10,
	timeoutMs: 60_000,
};

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
