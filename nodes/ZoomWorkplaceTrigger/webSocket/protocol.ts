/**
 * Zoom's WebSocket event subscriptions, as pure decisions: which URL to open, what a frame from
 * Zoom means, when to send a heartbeat, when a silent connection is dead, how long to wait before
 * the next attempt. The connection itself (connection.ts) only carries these decisions out.
 *
 * Protocol (Zoom's "Using WebSockets" page and the open-source clients that implement it):
 * - connect to `wss://ws.zoom.us/ws?subscriptionId=<id>&access_token=<OAuth token>`;
 * - Zoom answers `{"module":"build_connection","success":true|false,…}`;
 * - the client sends `{"module":"heartbeat"}` every 30 s; Zoom answers `{"module":"heartbeat",…}`;
 * - each event is `{"module":"message","content":"<JSON text of {event, event_ts, payload}>"}`
 *   (some clients see the event unwrapped: the same body as a webhook);
 * - `success:false`, or a content "Invalid Token" / "Token is invalid": new token, reconnect;
 * - nothing is replayed after a disconnect; a new connection closes the older one.
 */
import { ZOOM_CLOUDS } from '../../core/zoom/clouds';

export const WEBSOCKET_URL_PARAMETER = 'webSocketUrl';
export const HEARTBEAT_INTERVAL_MS = 30_000;
/** No frame at all for this long (heartbeat answers included): the connection is dead. */
export const SILENCE_LIMIT_MS = 45_000;
export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 60_000;
/** How long one attempt may take from opening the socket to Zoom's build_connection. */
export const CONNECT_TIMEOUT_MS = 20_000;
export const HEARTBEAT_FRAME = '{"module":"heartbeat"}';

const SUBSCRIPTION_ID = /^[A-Za-z0-9_-]{6,128}$/;

export interface CredentialCloud {
	cloud?: unknown;
	apiBaseUrl?: unknown;
}

export interface SubscriptionEndpoint {
	/** the URL to open, without the access token */
	url: string;
	subscriptionId: string;
}

function fail(message: string): never {
	throw new RangeError(message);
}

function allowedFor(credentials: CredentialCloud): {
	schemes: string[];
	hosts: string[];
	describe: string;
} {
	if (credentials.cloud === 'custom') {
		let host = '';
		try {
			host = new URL(String(credentials.apiBaseUrl ?? '').trim()).host;
		} catch {
			// left empty: nothing matches, the error names the credential's field
		}
		return {
			schemes: ['ws:', 'wss:'],
			hosts: host ? [host] : [],
			describe: host
				? `ws:// or wss:// on ${host} (the host of the credential's API Base URL)`
				: "ws:// or wss:// on the host of the credential's API Base URL, which is not a valid URL",
		};
	}
	const cloud = credentials.cloud === 'gov' ? ZOOM_CLOUDS.gov : ZOOM_CLOUDS.global;
	return {
		schemes: ['wss:'],
		hosts: [...cloud.webSocketHosts],
		describe: `wss:// on ${cloud.webSocketHosts.join(' or ')}`,
	};
}

/**
 * The subscription's URL from the node parameter: the URL the Zoom app shows, or its bare
 * subscription ID. Only Zoom's WebSocket host of the credential's cloud is accepted (for a
 * `custom` cloud, the API Base URL's host), so the access token is never sent anywhere else.
 * Any `access_token` pasted with the URL is dropped: the node adds a fresh one.
 */
export function resolveSubscriptionUrl(
	input: unknown,
	credentials: CredentialCloud,
): { ok: true; endpoint: SubscriptionEndpoint } | { ok: false; message: string } {
	try {
		return { ok: true, endpoint: subscriptionEndpoint(input, credentials) };
	} catch (error) {
		return { ok: false, message: (error as Error).message };
	}
}

function subscriptionEndpoint(input: unknown, credentials: CredentialCloud): SubscriptionEndpoint {
	const text = typeof input === 'string' ? input.trim() : '';
	const allowed = allowedFor(credentials);
	if (text === '')
		fail(
			`The parameter "WebSocket URL" is empty: paste the endpoint URL shown in the Zoom app's event subscription (e.g. wss://ws.zoom.us/ws?subscriptionId=…) or its subscription ID`,
		);
	if (!text.includes('/') && !text.includes(':')) {
		if (!SUBSCRIPTION_ID.test(text))
			fail(
				`The parameter "WebSocket URL" is neither a URL nor a subscription ID (letters, digits, - and _): "${text}"`,
			);
		if (credentials.cloud === 'custom') {
			const [host] = allowed.hosts;
			if (!host) fail(`The credential's API Base URL is not a valid URL`);
			const base = new URL(String(credentials.apiBaseUrl).trim());
			const scheme = base.protocol === 'https:' ? 'wss:' : 'ws:';
			return {
				url: `${scheme}//${host}/ws?subscriptionId=${encodeURIComponent(text)}`,
				subscriptionId: text,
			};
		}
		return {
			url: `wss://${allowed.hosts[0]}/ws?subscriptionId=${encodeURIComponent(text)}`,
			subscriptionId: text,
		};
	}
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		fail(`The parameter "WebSocket URL" is not a valid URL`);
	}
	if (!allowed.schemes.includes(url.protocol) || !allowed.hosts.includes(url.host))
		fail(
			`The parameter "WebSocket URL" must be Zoom's WebSocket endpoint for the credential's cloud: ${allowed.describe}; got ${url.protocol}//${url.host}`,
		);
	if (url.username || url.password)
		fail(`The parameter "WebSocket URL" must not contain a user or password`);
	const subscriptionId = url.searchParams.get('subscriptionId') ?? '';
	if (!SUBSCRIPTION_ID.test(subscriptionId))
		fail(
			`The parameter "WebSocket URL" has no subscriptionId: copy the whole endpoint URL from the Zoom app's event subscription`,
		);
	url.searchParams.delete('access_token');
	url.hash = '';
	return { url: url.toString(), subscriptionId };
}

/** The URL to open: the subscription's URL with the token appended (never log it). */
export function withAccessToken(url: string, token: string): string {
	return `${url}${url.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}`;
}

/** A URL safe to log: any access_token replaced. */
export function redactUrl(url: string): string {
	return url.replace(/([?&]access_token=)[^&#]*/gi, '$1[redacted]');
}

export interface ZoomEventBodyLike {
	event: string;
	event_ts?: unknown;
	payload?: unknown;
	[key: string]: unknown;
}

export type Frame =
	| { kind: 'connected' }
	| { kind: 'refused'; reason: string; tokenProblem: boolean }
	| { kind: 'heartbeat' }
	| { kind: 'event'; body: ZoomEventBodyLike }
	| { kind: 'tokenInvalid'; reason: string }
	| { kind: 'ignored'; reason: string };

const TOKEN_PROBLEM =
	/invalid token|token is invalid|token.*expired|expired.*token|unauthori[sz]ed/i;

function asObject(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function isEventBody(value: unknown): value is ZoomEventBodyLike {
	const body = asObject(value);
	return body !== undefined && typeof body.event === 'string' && body.event !== '';
}

function describeRefusal(frame: Record<string, unknown>): string {
	for (const key of ['content', 'message', 'reason', 'error']) {
		const value = frame[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200);
	}
	return 'Zoom refused the connection (build_connection success:false)';
}

/** What one text frame from Zoom means. Junk is `ignored`, never thrown. */
export function parseFrame(data: unknown): Frame {
	const text =
		typeof data === 'string'
			? data
			: data instanceof Uint8Array
				? Buffer.from(data).toString('utf8')
				: undefined;
	if (text === undefined) return { kind: 'ignored', reason: 'not a text frame' };
	const parsed = asObject(parseJson(text));
	if (!parsed) {
		if (TOKEN_PROBLEM.test(text))
			return { kind: 'tokenInvalid', reason: text.trim().slice(0, 200) };
		return { kind: 'ignored', reason: 'not a JSON object' };
	}
	const module = typeof parsed.module === 'string' ? parsed.module : undefined;
	if (module === 'build_connection') {
		if (parsed.success === false || parsed.success === 'false') {
			const reason = describeRefusal(parsed);
			return { kind: 'refused', reason, tokenProblem: TOKEN_PROBLEM.test(reason) };
		}
		return { kind: 'connected' };
	}
	if (module === 'heartbeat') return { kind: 'heartbeat' };
	if (module === 'message' || module === undefined) {
		const content = parsed.content;
		if (typeof content === 'string') {
			const inner = parseJson(content);
			if (isEventBody(inner)) return { kind: 'event', body: inner };
			if (TOKEN_PROBLEM.test(content))
				return { kind: 'tokenInvalid', reason: content.trim().slice(0, 200) };
			return { kind: 'ignored', reason: 'message content is not an event' };
		}
		if (isEventBody(content)) return { kind: 'event', body: content };
		// some clients receive the event itself, not wrapped in a message frame
		if (isEventBody(parsed)) return { kind: 'event', body: parsed };
		return { kind: 'ignored', reason: 'message without an event' };
	}
	if (parsed.success === false) {
		const reason = describeRefusal(parsed);
		if (TOKEN_PROBLEM.test(reason)) return { kind: 'tokenInvalid', reason };
	}
	return { kind: 'ignored', reason: `module ${module}` };
}

/**
 * Wait before attempt `attempt` (1 = the first retry after a failure): exponential from
 * FIRST_RETRY_MS, capped at MAX_RETRY_MS, with "equal jitter" (half fixed, half random) so many
 * n8n instances dropped at once do not reconnect in step. `random` is in [0, 1).
 */
export function retryDelayMs(attempt: number, random: number): number {
	const exponent = Math.max(0, Math.min(attempt - 1, 30));
	const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** exponent);
	const r = Math.min(Math.max(random, 0), 0.999999);
	return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

export interface LivenessState {
	lastFrameAt: number;
	lastHeartbeatAt: number;
}

export type LivenessDecision =
	| { action: 'wait'; ms: number }
	| { action: 'heartbeat' }
	| { action: 'silent'; silentForMs: number };

/** What the connection's watchdog does now: send a heartbeat, give up on silence, or wait. */
export function livenessDecision(state: LivenessState, now: number): LivenessDecision {
	const silentFor = now - state.lastFrameAt;
	if (silentFor >= SILENCE_LIMIT_MS) return { action: 'silent', silentForMs: silentFor };
	const heartbeatDue = state.lastHeartbeatAt + HEARTBEAT_INTERVAL_MS;
	if (now >= heartbeatDue) return { action: 'heartbeat' };
	const silenceDue = state.lastFrameAt + SILENCE_LIMIT_MS;
	return { action: 'wait', ms: Math.max(1, Math.min(heartbeatDue, silenceDue) - now) };
}

/**
 * After a connection is lost: report it in the editor (a failed execution) when it stays down
 * this long. Zoom's hourly token renewal and a quick reconnect stay silent in the logs only.
 */
export const REPORT_OUTAGE_AFTER_MS = 60_000;

export function shouldReportOutage(downSince: number, now: number, reported: boolean): boolean {
	return !reported && now - downSince >= REPORT_OUTAGE_AFTER_MS;
}
