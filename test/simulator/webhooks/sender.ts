/**
 * A webhook sender that behaves like Zoom's event subscriptions:
 * - `validate()` posts a signed `endpoint.url_validation` and checks the answer (200 within 3 s,
 *   `plainToken` echoed, `encryptedToken` = hex HMAC-SHA256(secret, plainToken)); an endpoint that
 *   is not validated receives no events. `startRevalidation(ms)` re-validates periodically (Zoom:
 *   every 72 hours).
 * - `deliver(event)` signs with the app's Secret Token (`x-zm-signature`, `x-zm-request-timestamp`)
 *   and retries a delivery not answered 200/204 within 3 s, after `retryDelaysMs` (Zoom: 5, 20 and
 *   60 minutes; tests shorten them). Retries resend the same body.
 * - `sendRaw()` sends what a test wants: tampered, stale, unsigned, wrongly signed or oversized.
 */
import { createHmac, randomBytes } from 'node:crypto';

export const ZOOM_RETRY_DELAYS_MS = [5 * 60_000, 20 * 60_000, 60 * 60_000];
export const ZOOM_ANSWER_DEADLINE_MS = 3_000;

export interface ZoomEvent {
	event: string;
	event_ts: number;
	payload: Record<string, unknown>;
	download_token?: string;
	[key: string]: unknown;
}

export interface Attempt {
	status?: number;
	/** the answer's body text (first 2,000 characters) */
	body?: string;
	ms: number;
	/** why the attempt counts as failed: a status other than 200/204, a timeout or a network error */
	failure?: string;
}

export interface Delivery {
	event: ZoomEvent;
	attempts: Attempt[];
	delivered: boolean;
}

export interface RawRequest {
	/** the body text, or an event serialised compactly (as Zoom does) */
	body: string | ZoomEvent;
	/** change the body after signing */
	tamper?: (body: string) => string;
	/** seconds to add to the timestamp (negative: in the past) */
	clockOffsetSeconds?: number;
	/** sign with another secret */
	secretToken?: string;
	/** leave out x-zm-signature and/or x-zm-request-timestamp */
	omit?: Array<'signature' | 'timestamp'>;
	/** pad the JSON body (inside the payload) to at least this many bytes, then sign it */
	padToBytes?: number;
	headers?: Record<string, string>;
	timeoutMs?: number;
}

export interface SenderOptions {
	url: string;
	secretToken: string;
	retryDelaysMs?: number[];
	deadlineMs?: number;
	/**
	 * when to give up waiting for an answer (default: the deadline, as Zoom). Longer values let a
	 * benchmark measure how late a late answer is; it still counts as failed and is retried.
	 */
	abortAfterMs?: number;
	/** for waits between retries; default a timer */
	wait?: (ms: number) => Promise<void>;
}

export function signBody(secretToken: string, timestamp: string, body: string): string {
	return `v0=${createHmac('sha256', secretToken).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export class ZoomWebhookSender {
	url: string;
	readonly secretToken: string;
	validated = false;
	readonly validations: Attempt[] = [];
	readonly deliveries: Delivery[] = [];
	private revalidateTimer?: NodeJS.Timeout;
	private readonly retryDelaysMs: number[];
	private readonly deadlineMs: number;
	private readonly abortAfterMs: number;
	private readonly wait: (ms: number) => Promise<void>;

	constructor(options: SenderOptions) {
		this.url = options.url;
		this.secretToken = options.secretToken;
		this.retryDelaysMs = options.retryDelaysMs ?? ZOOM_RETRY_DELAYS_MS;
		this.deadlineMs = options.deadlineMs ?? ZOOM_ANSWER_DEADLINE_MS;
		this.abortAfterMs = Math.max(this.deadlineMs, options.abortAfterMs ?? this.deadlineMs);
		this.wait = options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
	}

	/** One HTTP attempt: signed (unless told otherwise), with Zoom's deadline. */
	async sendRaw(request: RawRequest): Promise<Attempt> {
		let body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
		if (request.padToBytes && body.length < request.padToBytes) {
			const event = JSON.parse(body) as ZoomEvent;
			event.payload = { ...event.payload, padding: 'x'.repeat(request.padToBytes - body.length) };
			body = JSON.stringify(event);
		}
		const timestamp = String(Math.floor(Date.now() / 1000) + (request.clockOffsetSeconds ?? 0));
		const signature = signBody(request.secretToken ?? this.secretToken, timestamp, body);
		if (request.tamper) body = request.tamper(body);
		const headers: Record<string, string> = {
			'content-type': 'application/json; charset=utf-8',
			'user-agent': 'Zoom Marketplace/1.0a',
			...request.headers,
		};
		if (!request.omit?.includes('signature')) headers['x-zm-signature'] = signature;
		if (!request.omit?.includes('timestamp')) headers['x-zm-request-timestamp'] = timestamp;
		const started = performance.now();
		try {
			const res = await fetch(this.url, {
				method: 'POST',
				headers,
				body,
				signal: AbortSignal.timeout(request.timeoutMs ?? this.abortAfterMs),
			});
			const text = await res.text();
			const ms = performance.now() - started;
			const ok = res.status === 200 || res.status === 204;
			const late = request.timeoutMs === undefined && ms > this.deadlineMs;
			return {
				status: res.status,
				body: text.slice(0, 2_000),
				ms,
				failure: !ok
					? `HTTP ${res.status}`
					: late
						? `answered after ${Math.round(ms)} ms`
						: undefined,
			};
		} catch (error) {
			const ms = performance.now() - started;
			const name = (error as Error).name;
			return {
				ms,
				failure:
					name === 'TimeoutError' || name === 'AbortError'
						? `no answer within ${request.timeoutMs ?? this.abortAfterMs} ms`
						: `network error: ${(error as Error).message}`,
			};
		}
	}

	/** Zoom's URL validation; true when the endpoint answered correctly within the deadline. */
	async validate(): Promise<boolean> {
		const plainToken = randomBytes(16).toString('base64url').slice(0, 22);
		const attempt = await this.sendRaw({
			body: {
				event: 'endpoint.url_validation',
				event_ts: Date.now(),
				payload: { plainToken },
			},
		});
		this.validations.push(attempt);
		let ok = attempt.status === 200;
		if (ok) {
			try {
				const answer = JSON.parse(attempt.body ?? '') as Record<string, unknown>;
				const expected = createHmac('sha256', this.secretToken).update(plainToken).digest('hex');
				ok = answer.plainToken === plainToken && answer.encryptedToken === expected;
				if (!ok) attempt.failure = 'wrong plainToken or encryptedToken';
			} catch {
				ok = false;
				attempt.failure = 'the answer is not JSON';
			}
		}
		this.validated = ok;
		return ok;
	}

	/** Re-validates every `intervalMs` (Zoom: 72 hours); a failure stops deliveries. */
	startRevalidation(intervalMs: number): void {
		this.stopRevalidation();
		this.revalidateTimer = setInterval(() => void this.validate(), intervalMs);
		this.revalidateTimer.unref();
	}

	stopRevalidation(): void {
		if (this.revalidateTimer) clearInterval(this.revalidateTimer);
		this.revalidateTimer = undefined;
	}

	/**
	 * Delivers one event like Zoom: refused when the endpoint is not validated; retried after
	 * each retry delay while the answer is not 200/204 within the deadline.
	 */
	async deliver(event: ZoomEvent): Promise<Delivery> {
		if (!this.validated)
			throw new Error('Zoom sends no events to an endpoint URL that is not validated');
		const delivery: Delivery = { event, attempts: [], delivered: false };
		this.deliveries.push(delivery);
		const body = JSON.stringify(event);
		for (let attempt = 0; ; attempt++) {
			const result = await this.sendRaw({ body });
			delivery.attempts.push(result);
			if (!result.failure) {
				delivery.delivered = true;
				return delivery;
			}
			if (attempt >= this.retryDelaysMs.length) return delivery;
			await this.wait(this.retryDelaysMs[attempt]);
		}
	}
}
