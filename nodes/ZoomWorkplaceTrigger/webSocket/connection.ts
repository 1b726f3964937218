/**
 * One WebSocket connection per Zoom event subscription in this n8n process, shared by every
 * trigger node that listens to it (another workflow, or the editor's "Execute step" while the
 * workflow is published). Zoom closes the older of two connections to one subscription, so two
 * connections from one process would keep closing each other.
 *
 * The connection lives as long as it has listeners: it reconnects after any close, after silence
 * and after a refused token (with a new token), and closes when its last listener leaves.
 * Timing decisions come from protocol.ts; waits use n8n's sleep() with an AbortSignal.
 */
import { sleep } from 'n8n-workflow';

import {
	CONNECT_TIMEOUT_MS,
	HEARTBEAT_FRAME,
	livenessDecision,
	parseFrame,
	redactUrl,
	retryDelayMs,
	shouldReportOutage,
	withAccessToken,
	type ZoomEventBodyLike,
} from './protocol';

export interface Gap {
	/** last moment the old connection was known alive (its last frame) */
	from: number;
	/** when the new connection was confirmed by Zoom */
	to: number;
}

export interface TokenRequest {
	/** the token Zoom just refused, when it refused one: a new one is needed */
	refused?: string;
}

export interface Logger {
	debug(message: string, meta?: object): void;
	info(message: string, meta?: object): void;
	warn(message: string, meta?: object): void;
}

export interface SubscriptionListener {
	/** a valid OAuth access token for the subscription's app */
	token(request: TokenRequest): Promise<string>;
	event(body: ZoomEventBodyLike): void;
	/** Zoom confirmed the connection; `gap` is set after a reconnect */
	connected(gap: Gap | undefined): void;
	/** the connection dropped; events from now until connected() are lost */
	disconnected(reason: string, at: number): void;
	/** still down after REPORT_OUTAGE_AFTER_MS: worth telling the user */
	outage(reason: string, since: number): void;
	logger: Logger;
}

/** The global WebSocket (Node 22+; Node 21 behind --experimental-websocket). */
export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WebSocketLike {
	readonly readyState: number;
	send(data: string): void;
	close(code?: number, reason?: string): void;
	addEventListener(type: 'open', listener: () => void): void;
	addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
	addEventListener(
		type: 'close',
		listener: (event: { code?: number; reason?: string }) => void,
	): void;
	addEventListener(
		type: 'error',
		listener: (event: { message?: string; error?: unknown }) => void,
	): void;
}

export class WebSocketUnavailableError extends Error {}

export function builtInWebSocket(): WebSocketFactory {
	if (typeof WebSocket !== 'function')
		throw new WebSocketUnavailableError(
			"This n8n runs on a Node.js without the built-in WebSocket (Node.js 22 or newer has it): use Connection 'Webhook', or run n8n on Node.js 22+",
		);
	return (url) => new WebSocket(url) as unknown as WebSocketLike;
}

type AttemptOutcome =
	| { kind: 'closed'; reason: string; wasConnected: boolean; lastFrameAt: number }
	| { kind: 'tokenRefused'; reason: string; wasConnected: boolean; lastFrameAt: number }
	| { kind: 'failed'; reason: string }
	| { kind: 'stopped' };

const OPEN = 1;

function describeError(error: unknown): string {
	if (error instanceof Error) return error.message;
	const e = error as { message?: unknown; error?: unknown } | undefined;
	if (typeof e?.message === 'string' && e.message) return e.message;
	if (e?.error instanceof Error) return e.error.message;
	return String(error);
}

export class SubscriptionConnection {
	private readonly listeners = new Set<SubscriptionListener>();
	private readonly stopping = new AbortController();
	private socket?: WebSocketLike;
	private up = false;
	private everConnected = false;
	private waitingForFirst: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
	private running?: Promise<void>;
	/** for tests and the benchmark: how many sockets this connection opened */
	opened = 0;

	constructor(
		readonly key: string,
		private readonly url: string,
		private readonly openSocket: WebSocketFactory,
		private readonly random: () => number = Math.random,
		private readonly onEmpty: (connection: SubscriptionConnection) => void = () => {},
	) {}

	get isUp(): boolean {
		return this.up;
	}

	get listenerCount(): number {
		return this.listeners.size;
	}

	/**
	 * Adds a listener. Resolves when Zoom has confirmed the connection (at once when it is up or
	 * reconnecting after having been up); rejects with the reason when the very first attempt fails.
	 */
	async attach(listener: SubscriptionListener): Promise<void> {
		this.listeners.add(listener);
		if (this.up || this.everConnected) return;
		const first = new Promise<void>((resolve, reject) =>
			this.waitingForFirst.push({ resolve, reject }),
		);
		this.running ??= this.run().catch((error: unknown) => {
			for (const l of this.listeners)
				l.logger.warn(`Zoom WebSocket loop stopped: ${describeError(error)}`);
		});
		await first;
	}

	/** Removes a listener; the last one closes the connection (and waits for it to close). */
	async detach(listener: SubscriptionListener): Promise<void> {
		this.listeners.delete(listener);
		if (this.listeners.size > 0) return;
		this.stopping.abort();
		this.onEmpty(this);
		try {
			this.socket?.close(1000, 'n8n trigger stopped');
		} catch {
			// already closed
		}
		for (const waiter of this.waitingForFirst.splice(0))
			waiter.reject(new Error('The trigger was stopped before Zoom confirmed the connection'));
		await this.running;
	}

	private anyListener(): SubscriptionListener | undefined {
		return this.listeners.values().next().value;
	}

	private log(level: 'debug' | 'info' | 'warn', message: string, meta?: object): void {
		this.anyListener()?.logger[level](message, meta);
	}

	private async run(): Promise<void> {
		let failures = 0;
		let refusedToken: string | undefined;
		let downSince: number | undefined;
		let lastAlive: number | undefined;
		let reported = false;
		let lastReason = '';
		while (!this.stopping.signal.aborted) {
			const listener = this.anyListener();
			if (!listener) return;
			let token: string;
			try {
				token = await listener.token({ refused: refusedToken });
			} catch (error) {
				const outcome: AttemptOutcome = {
					kind: 'failed',
					reason: `could not get an access token: ${describeError(error)}`,
				};
				if (this.settleFirst(outcome)) return;
				failures++;
				lastReason = outcome.reason;
				downSince ??= Date.now();
				this.log('warn', `Zoom WebSocket connection attempt failed: ${outcome.reason}`);
				reported = this.maybeReport(downSince, reported, lastReason);
				await this.pause(retryDelayMs(failures, this.random()));
				continue;
			}
			refusedToken = undefined;
			const outcome = await this.attempt(token, lastAlive);
			if (outcome.kind === 'stopped') return;
			if (this.settleFirst(outcome)) return;
			if (outcome.kind === 'failed') {
				failures++;
				lastReason = outcome.reason;
				downSince ??= Date.now();
				this.log('warn', `Zoom WebSocket connection attempt failed: ${outcome.reason}`);
				reported = this.maybeReport(downSince, reported, lastReason);
				await this.pause(retryDelayMs(failures, this.random()));
				continue;
			}
			// the attempt had been confirmed by Zoom, or Zoom refused the token
			lastReason = outcome.reason;
			if (outcome.wasConnected) {
				failures = 0;
				reported = false;
				lastAlive = outcome.lastFrameAt;
				downSince = outcome.lastFrameAt;
				for (const l of this.listeners) l.disconnected(outcome.reason, outcome.lastFrameAt);
			} else {
				failures++;
				downSince ??= Date.now();
				this.log('warn', `Zoom WebSocket connection attempt failed: ${outcome.reason}`);
				reported = this.maybeReport(downSince, reported, lastReason);
			}
			if (outcome.kind === 'tokenRefused') {
				refusedToken = token;
				// a fresh token is worth one immediate try; after that, back off as for any failure
				if (failures <= 1) continue;
			}
			await this.pause(retryDelayMs(Math.max(1, failures), this.random()));
		}
	}

	/** Settles the first attach(): true when that failure ends the connection. */
	private settleFirst(outcome: AttemptOutcome): boolean {
		if (this.everConnected || this.waitingForFirst.length === 0) return false;
		if (outcome.kind === 'failed' || outcome.kind === 'tokenRefused') {
			// this connection is over: a later activation opens a new one
			this.onEmpty(this);
			const error = new Error(outcome.reason);
			for (const waiter of this.waitingForFirst.splice(0)) waiter.reject(error);
			return true;
		}
		return false;
	}

	private maybeReport(downSince: number, reported: boolean, reason: string): boolean {
		if (!this.everConnected) return reported;
		if (!shouldReportOutage(downSince, Date.now(), reported)) return reported;
		for (const l of this.listeners) l.outage(reason, downSince);
		return true;
	}

	private async pause(ms: number): Promise<void> {
		try {
			await sleep(ms, this.stopping.signal);
		} catch {
			// stopped
		}
	}

	/** One socket, from opening to its close. */
	private async attempt(token: string, lastAlive: number | undefined): Promise<AttemptOutcome> {
		const watchdog = new AbortController();
		const stop = () => watchdog.abort();
		this.stopping.signal.addEventListener('abort', stop, { once: true });
		let settle!: (outcome: AttemptOutcome) => void;
		const done = new Promise<AttemptOutcome>((resolve) => (settle = resolve));
		let finished = false;
		const finish = (outcome: AttemptOutcome) => {
			if (finished) return;
			finished = true;
			this.up = false;
			watchdog.abort();
			try {
				socket?.close(1000);
			} catch {
				// closing anyway
			}
			settle(outcome);
		};
		let connected = false;
		const state = { lastFrameAt: Date.now(), lastHeartbeatAt: Date.now() };
		const ended = (reason: string, tokenProblem = false): AttemptOutcome => {
			if (this.stopping.signal.aborted) return { kind: 'stopped' };
			if (tokenProblem)
				return {
					kind: 'tokenRefused',
					reason,
					wasConnected: connected,
					lastFrameAt: state.lastFrameAt,
				};
			if (!connected) return { kind: 'failed', reason };
			return { kind: 'closed', reason, wasConnected: true, lastFrameAt: state.lastFrameAt };
		};
		let socket: WebSocketLike | undefined;
		try {
			socket = this.openSocket(withAccessToken(this.url, token));
		} catch (error) {
			this.stopping.signal.removeEventListener('abort', stop);
			return {
				kind: 'failed',
				reason: `could not open ${redactUrl(this.url)}: ${describeError(error)}`,
			};
		}
		this.socket = socket;
		this.opened++;
		socket.addEventListener('message', (event) => {
			state.lastFrameAt = Date.now();
			const frame = parseFrame(event.data);
			switch (frame.kind) {
				case 'connected':
					if (!connected) {
						connected = true;
						this.up = true;
						this.markConnected(lastAlive);
					}
					return;
				case 'refused':
					return finish(ended(`Zoom refused the connection: ${frame.reason}`, frame.tokenProblem));
				case 'tokenInvalid':
					return finish(ended(`Zoom refused the access token: ${frame.reason}`, true));
				case 'event':
					if (!connected) {
						// events only flow on an accepted connection
						connected = true;
						this.up = true;
						this.markConnected(lastAlive);
					}
					for (const l of this.listeners) l.event(frame.body);
					return;
				case 'heartbeat':
					return;
				case 'ignored':
					this.log('debug', `Zoom WebSocket frame ignored (${frame.reason})`);
			}
		});
		socket.addEventListener('close', (event) =>
			finish(
				ended(
					`closed by Zoom (code ${event.code ?? 'none'}${event.reason ? `: ${event.reason}` : ''})`,
				),
			),
		);
		socket.addEventListener('error', (event) =>
			finish(ended(`connection error: ${describeError(event.error ?? event)}`)),
		);
		void this.watch(
			socket,
			state,
			() => connected,
			watchdog.signal,
			(reason) => finish(ended(reason)),
		);
		const outcome = await done;
		this.stopping.signal.removeEventListener('abort', stop);
		if (this.socket === socket) this.socket = undefined;
		return outcome;
	}

	private markConnected(lastAlive: number | undefined): void {
		const now = Date.now();
		const first = !this.everConnected;
		this.everConnected = true;
		for (const waiter of this.waitingForFirst.splice(0)) waiter.resolve();
		const gap = first || lastAlive === undefined ? undefined : { from: lastAlive, to: now };
		for (const l of this.listeners) l.connected(gap);
	}

	/** Heartbeats every 30 s; gives up on a connection silent for 45 s or never confirmed. */
	private async watch(
		socket: WebSocketLike,
		state: { lastFrameAt: number; lastHeartbeatAt: number },
		isConnected: () => boolean,
		signal: AbortSignal,
		giveUp: (reason: string) => void,
	): Promise<void> {
		const openedAt = Date.now();
		try {
			while (!signal.aborted) {
				const now = Date.now();
				if (!isConnected()) {
					const left = openedAt + CONNECT_TIMEOUT_MS - now;
					if (left <= 0)
						return giveUp(
							`Zoom did not confirm the connection within ${CONNECT_TIMEOUT_MS / 1000} s`,
						);
					await sleep(Math.min(left, 1_000), signal);
					continue;
				}
				const decision = livenessDecision(state, now);
				if (decision.action === 'silent')
					return giveUp(`no frame from Zoom for ${Math.round(decision.silentForMs / 1000)} s`);
				if (decision.action === 'heartbeat') {
					state.lastHeartbeatAt = now;
					if (socket.readyState === OPEN) socket.send(HEARTBEAT_FRAME);
					continue;
				}
				await sleep(decision.ms, signal);
			}
		} catch {
			// aborted: the attempt is over
		}
	}
}

/** Every open subscription connection of this process, by subscription URL (without token). */
const registry = new Map<string, SubscriptionConnection>();

export function connectionFor(
	url: string,
	openSocket: WebSocketFactory,
	random: () => number = Math.random,
): SubscriptionConnection {
	let connection = registry.get(url);
	if (!connection) {
		connection = new SubscriptionConnection(url, url, openSocket, random, (emptied) => {
			if (registry.get(emptied.key) === emptied) registry.delete(emptied.key);
		});
		registry.set(url, connection);
	}
	return connection;
}

/** For tests: the connection of a subscription URL, if one is open. */
export function openConnection(url: string): SubscriptionConnection | undefined {
	return registry.get(url);
}
