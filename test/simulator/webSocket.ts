/**
 * Zoom's WebSocket event subscriptions, on the simulator's HTTP server (`ws` on its `upgrade`):
 * `GET /ws?subscriptionId=<id>&access_token=<token>`.
 *
 * - The token is checked against the simulator's OAuth tokens (not revoked, not expired); a
 *   refused one gets `{"module":"build_connection","success":false,"content":"Invalid Token"}`
 *   and the socket is closed. An unknown subscription ID is refused the same way.
 * - An accepted connection gets `{"module":"build_connection","success":true,…}`; each
 *   `{"module":"heartbeat"}` is answered `{"module":"heartbeat","success":true,…}`.
 * - Events go out as `{"module":"message","content":"<JSON text of the event>"}` to the newest
 *   connection of the subscription (`unwrapped: true` sends the bare event, as some clients see).
 * - One connection per subscription: a second one closes the older (as Zoom does).
 * - Commands for tests: `drop()` (the TCP connection ends without a close frame), `goSilent()`
 *   (no answers, no events, until the client reconnects), `expireTokens()` (every token expires;
 *   open connections are told "Invalid Token" and closed).
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocketServer, type WebSocket } from 'ws';

import type { SimulatorState } from './state';

export const DEFAULT_SUBSCRIPTION_ID = 'simWebSocketSub0001';

export interface SimWebSocketConnection {
	id: number;
	subscriptionId: string;
	token: string;
	openedAt: number;
	closedAt?: number;
	/** who ended it: the client, the simulator (drop/replace/expire), or still open */
	closedBy?: 'client' | 'simulator';
	silent: boolean;
	heartbeats: number;
	eventsSent: number;
	socket: WebSocket;
}

export interface SendOptions {
	subscriptionId?: string;
	/** send the event itself instead of a message frame */
	unwrapped?: boolean;
}

export class WebSocketSubscriptions extends EventEmitter {
	readonly subscriptions = new Set<string>([DEFAULT_SUBSCRIPTION_ID]);
	/** every connection ever accepted or refused, in order */
	readonly connections: SimWebSocketConnection[] = [];
	refused = 0;
	/** the tokens of refused connections, in order */
	readonly refusedTokens: string[] = [];
	private nextId = 1;
	private readonly server = new WebSocketServer({ noServer: true });

	constructor(private readonly state: SimulatorState) {
		super();
	}

	addSubscription(id: string): void {
		this.subscriptions.add(id);
	}

	/** The open connections (of one subscription, or all). */
	open(subscriptionId?: string): SimWebSocketConnection[] {
		return this.connections.filter(
			(c) =>
				c.closedAt === undefined &&
				(subscriptionId === undefined || c.subscriptionId === subscriptionId),
		);
	}

	/** Handles an HTTP upgrade; false when the request is not for /ws. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
		const url = new URL(req.url ?? '/', 'http://simulator');
		if (url.pathname !== '/ws') return false;
		this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url));
		return true;
	}

	private tokenProblem(token: string): string | undefined {
		const record = this.state.accessTokens.get(token);
		if (!record || record.revoked) return 'Invalid Token';
		if (record.expiresAt <= Date.now()) return 'Invalid Token';
		return undefined;
	}

	private accept(ws: WebSocket, url: URL): void {
		const subscriptionId = url.searchParams.get('subscriptionId') ?? '';
		const token = url.searchParams.get('access_token') ?? '';
		const problem = !this.subscriptions.has(subscriptionId)
			? 'Subscription not found'
			: this.tokenProblem(token);
		if (problem) {
			this.refused++;
			this.refusedTokens.push(token);
			ws.send(JSON.stringify({ module: 'build_connection', success: false, content: problem }));
			ws.close(1008, problem);
			this.emit('refused', { subscriptionId, reason: problem });
			return;
		}
		for (const older of this.open(subscriptionId)) this.end(older, 1000, 'A new connection replaced this one');
		const connection: SimWebSocketConnection = {
			id: this.nextId++,
			subscriptionId,
			token,
			openedAt: Date.now(),
			silent: false,
			heartbeats: 0,
			eventsSent: 0,
			socket: ws,
		};
		this.connections.push(connection);
		ws.on('message', (data) => {
			if (connection.silent) return;
			let frame: { module?: unknown } | undefined;
			try {
				frame = JSON.parse(String(data)) as { module?: unknown };
			} catch {
				return;
			}
			if (frame?.module === 'heartbeat') {
				connection.heartbeats++;
				ws.send(JSON.stringify({ module: 'heartbeat', success: true, content: '' }));
			}
		});
		ws.on('close', () => {
			if (connection.closedAt === undefined) {
				connection.closedAt = Date.now();
				connection.closedBy = 'client';
			}
			this.emit('close', connection);
		});
		ws.on('error', () => {});
		ws.send(
			JSON.stringify({
				module: 'build_connection',
				success: true,
				content: `connection established for subscription ${subscriptionId}`,
			}),
		);
		this.emit('connection', connection);
	}

	private end(connection: SimWebSocketConnection, code?: number, reason?: string): void {
		if (connection.closedAt !== undefined) return;
		connection.closedAt = Date.now();
		connection.closedBy = 'simulator';
		if (code === undefined) connection.socket.terminate();
		else connection.socket.close(code, reason);
	}

	/** Sends an event to the subscription's open connection; how many received it (0 or 1). */
	sendEvent(event: unknown, options: SendOptions = {}): number {
		const subscriptionId = options.subscriptionId ?? DEFAULT_SUBSCRIPTION_ID;
		let sent = 0;
		for (const connection of this.open(subscriptionId)) {
			if (connection.silent) continue;
			const frame = options.unwrapped
				? JSON.stringify(event)
				: JSON.stringify({ module: 'message', content: JSON.stringify(event) });
			connection.socket.send(frame);
			connection.eventsSent++;
			sent++;
		}
		return sent;
	}

	/** Ends the subscription's connections abruptly (no close frame, as a network drop). */
	drop(subscriptionId?: string): number {
		const open = this.open(subscriptionId);
		for (const connection of open) this.end(connection);
		return open.length;
	}

	/** The open connections stop answering and sending; the client must notice by itself. */
	goSilent(subscriptionId?: string): number {
		const open = this.open(subscriptionId);
		for (const connection of open) connection.silent = true;
		return open.length;
	}

	/** Every OAuth token expires; open connections hear "Invalid Token" and are closed. */
	expireTokens(): number {
		const past = Date.now() - 1;
		for (const token of this.state.accessTokens.values())
			token.expiresAt = Math.min(token.expiresAt, past);
		const open = this.open();
		for (const connection of open) {
			connection.socket.send(JSON.stringify({ module: 'message', content: 'Invalid Token' }));
			this.end(connection, 1008, 'Invalid Token');
		}
		return open.length;
	}

	/** Resolves when `predicate` holds, checked on every connection change. */
	async waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
		if (predicate()) return;
		await new Promise<void>((resolve, reject) => {
			const check = () => {
				if (!predicate()) return;
				cleanup();
				resolve();
			};
			const timer = setTimeout(() => {
				cleanup();
				reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
			}, timeoutMs);
			const cleanup = () => {
				clearTimeout(timer);
				this.off('connection', check);
				this.off('close', check);
				this.off('refused', check);
			};
			this.on('connection', check);
			this.on('close', check);
			this.on('refused', check);
		});
	}

	close(): void {
		for (const connection of this.open()) this.end(connection);
		this.server.close();
	}
}

export function attachWebSocketSubscriptions(
	server: Server,
	state: SimulatorState,
): WebSocketSubscriptions {
	const subscriptions = new WebSocketSubscriptions(state);
	server.on('upgrade', (req, socket, head) => {
		if (!subscriptions.handleUpgrade(req, socket, head)) socket.destroy();
	});
	return subscriptions;
}
