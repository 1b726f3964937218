import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { apiErrors, ZoomApiError } from './errors';
import { Faults, faultBody } from './faults';
import { handleOAuth } from './oauth';
import { PageTokens } from './pagination';
import { RateLimiter } from './rateLimit';
import { Router, type ApiResult } from './router';
import { meetingRoutes } from './routes/meetings';
import { panelistRoutes } from './routes/panelists';
import { registrantRoutes } from './routes/registrants';
import { webinarRoutes } from './routes/webinars';
import { pastMeetingRoutes } from './routes/pastMeetings';
import {
	handleRecordingDownload,
	recordingRoutes,
	startRecordingStorage,
} from './routes/recordings';
import { chatRoutes } from './routes/chat';
import { reportRoutes } from './routes/reports';
import { summaryRoutes } from './routes/summaries';
import { userRoutes } from './routes/users';
import { hasAnyScope, ALL_SCOPES } from './scopes';
import { seedSampleData } from './seed';
import {
	recordViolations,
	takePendingViolations,
	validateRequest,
	type SpecViolation,
} from './spec';
import { DEFAULT_ACCOUNT_ID, SimulatorState } from './state';
import { sampleEvent } from './webhooks/events';
import { attachWebSocketSubscriptions, type WebSocketSubscriptions } from './webSocket';
import type {
	FaultSpec,
	IssueTokenOptions,
	OAuthAppInput,
	ServerToServerAppInput,
	SimulatorCounters,
	SimulatorOptions,
} from './types';

export interface ZoomSimulator {
	url: string;
	apiBaseUrl: string;
	oauthBaseUrl: string;
	defaultApp: { accountId: string; clientId: string; clientSecret: string };
	defaultOAuthApp: { accountId: string; clientId: string; clientSecret: string };
	addServerToServerApp(app: ServerToServerAppInput): void;
	addOAuthApp(app: OAuthAppInput): void;
	issueAccessToken(opts?: IssueTokenOptions): string;
	revokeToken(token: string): void;
	expireAllTokens(): void;
	disableApp(clientId: string): void;
	setLatency(ms: number): void;
	setRateLimits(l: SimulatorOptions['rateLimits']): void;
	setDailyLimits(l: SimulatorOptions['dailyLimits']): void;
	injectFault(f: FaultSpec): void;
	clearFaults(): void;
	expirePageTokens(): void;
	counters: SimulatorCounters;
	resetCounters(): void;
	state: SimulatorState;
	/**
	 * Claims the spec violations this simulator recorded that no test has claimed yet (a test that
	 * sends an invalid request on purpose calls this, or the harness fails it after the test).
	 */
	takeSpecViolations(): SpecViolation[];
	/** Zoom's WebSocket event subscriptions at `ws://<host>/ws?subscriptionId=…` (webSocket.ts) */
	webSockets: WebSocketSubscriptions;
	/** `ws://…/ws?subscriptionId=<default subscription>`: what the Zoom app would show */
	webSocketUrl: string;
	close(): Promise<void>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const JSON_TYPE = 'application/json;charset=UTF-8';

function emptyCounters(): SimulatorCounters {
	return {
		tokenMints: 0,
		tokenRequests: 0,
		requests: {},
		totalApiRequests: 0,
		rateLimited: 0,
		dailyLimited: 0,
		faultsInjected: 0,
		maxConcurrent: 0,
	};
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('body too large'));
				req.destroy();
			} else chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export async function startZoomSimulator(options: SimulatorOptions = {}): Promise<ZoomSimulator> {
	const host = options.host ?? '127.0.0.1';
	const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
	let latencyMs = options.latencyMs ?? 0;
	const validateRequests = options.validateRequests ?? true;
	const state = new SimulatorState('');
	const pages = new PageTokens();
	const limiter = new RateLimiter(
		options.rateLimits,
		options.dailyLimits,
		options.enforceRateLimits ?? true,
		options.meetingDailyLimitPerUser ?? 100,
	);
	const faults = new Faults();
	const router = new Router([
		...userRoutes,
		...meetingRoutes,
		...registrantRoutes,
		...webinarRoutes,
		...panelistRoutes,
		...recordingRoutes,
		...pastMeetingRoutes,
		...reportRoutes,
		...summaryRoutes,
		...chatRoutes,
	]);
	const counters = emptyCounters();
	const timers = new Set<NodeJS.Timeout>();
	const sockets = new Set<Socket>();
	let inFlight = 0;
	let closed = false;
	let baseUrl = '';

	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			if (ms <= 0) return resolve();
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});

	function bearer(req: IncomingMessage) {
		const header = req.headers.authorization ?? '';
		const match = /^bearer\s+(\S+)\s*$/i.exec(header);
		if (!match) throw apiErrors.invalidToken();
		const token = state.accessTokens.get(match[1]);
		if (!token || token.revoked) throw apiErrors.invalidToken();
		if (token.expiresAt <= Date.now()) throw apiErrors.expiredToken();
		return token;
	}

	/** The API pipeline: bearer → route → rate limit → scopes → body → handler. */
	async function api(
		req: IncomingMessage,
		method: string,
		pathname: string,
		query: URLSearchParams,
		bodyText: string,
		violations: SpecViolation[],
	): Promise<ApiResult> {
		let rateHeaders: Record<string, string> = {};
		try {
			// Rejected tokens do not count against the rate limit.
			const token = bearer(req);
			const match = router.match(method, pathname.slice('/v2'.length));
			if (!match) throw apiErrors.notFound();
			const { route } = match;
			const admission = limiter.admit(token.accountId, route.category);
			if (!admission.ok) throw admission.error;
			rateHeaders = admission.headers;
			if (!hasAnyScope(token.scopes, route.scopes))
				throw apiErrors.missingScopes(route.scopes.macro);
			if (violations.length > 0) throw apiErrors.specViolation(violations);
			let body: Record<string, unknown> = {};
			if (bodyText.trim() !== '' && method !== 'GET' && method !== 'DELETE') {
				let parsed: unknown;
				try {
					parsed = JSON.parse(bodyText);
				} catch {
					throw apiErrors.invalidJson();
				}
				if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
					throw apiErrors.invalidJson();
				body = parsed as Record<string, unknown>;
			}
			const result = await route.handler({
				state,
				pages,
				limiter,
				token,
				rawParams: match.rawParams,
				query,
				body,
				category: route.category,
			});
			return { ...result, headers: { ...rateHeaders, ...result.headers } };
		} catch (error) {
			if (error instanceof ZoomApiError)
				return {
					status: error.status,
					body: error.toBody(),
					headers: { ...rateHeaders, ...error.headers },
				};
			return { status: 500, body: { code: 500, message: 'Internal Error' }, headers: rateHeaders };
		}
	}

	function writeApi(res: ServerResponse, result: ApiResult): void {
		const headers: Record<string, string> = {
			'x-zm-trackingid': `v=2.0;clid=us06;rid=WEB_${randomBytes(16).toString('hex')}`,
			...result.headers,
		};
		if (result.status === 429) {
			counters.rateLimited++;
			if (headers['X-RateLimit-Type'] === 'Daily-limit') counters.dailyLimited++;
		}
		if (result.body === undefined || result.status === 204) {
			res.writeHead(result.status, headers);
			res.end();
			return;
		}
		const payload = JSON.stringify(result.body);
		res.writeHead(result.status, {
			...headers,
			'Content-Type': JSON_TYPE,
			'Content-Length': Buffer.byteLength(payload),
		});
		res.end(payload);
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const method = (req.method ?? 'GET').toUpperCase();
		const rawUrl = req.url ?? '/';
		const q = rawUrl.indexOf('?');
		const receivedPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
		let pathname = receivedPath;
		if (pathname.length > 1 && pathname.endsWith('/')) pathname = pathname.slice(0, -1);
		const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));
		const isApi = pathname === '/v2' || pathname.startsWith('/v2/');
		if (isApi) {
			inFlight++;
			counters.maxConcurrent = Math.max(counters.maxConcurrent, inFlight);
			res.once('close', () => inFlight--);
			counters.totalApiRequests++;
			const match = router.match(method, pathname.slice(3));
			const key = `${method} ${match ? `/v2${match.route.template}` : pathname}`;
			counters.requests[key] = (counters.requests[key] ?? 0) + 1;
		}
		const bodyText = await readBody(req);
		// Checked against Zoom's OpenAPI spec as received, before faults: what the client sent.
		const violations =
			isApi && validateRequests
				? validateRequest({ method, path: receivedPath.slice(3), query, bodyText })
				: [];
		if (violations.length > 0) {
			state.specViolations.push(...violations);
			recordViolations(violations);
		}
		const fault = faults.take(method, pathname);
		await sleep(latencyMs);
		if (closed) return void req.socket.destroy();
		if (fault) {
			counters.faultsInjected++;
			if (fault.kind === 'delay') await sleep(fault.delayMs ?? 1000);
			if (closed) return void req.socket.destroy();
			if (fault.kind === 'reset-before') return void req.socket.destroy();
			if (fault.kind === 'status') {
				const status = fault.status ?? 503;
				const payload = JSON.stringify(faultBody(status));
				res.writeHead(status, {
					'Content-Type': JSON_TYPE,
					'Content-Length': Buffer.byteLength(payload),
				});
				return void res.end(payload);
			}
		}
		const resetAfter = fault?.kind === 'reset-after';
		if (isApi) {
			const result = await api(req, method, pathname, query, bodyText, violations);
			if (resetAfter) return void req.socket.destroy();
			return writeApi(res, result);
		}
		if (pathname.startsWith('/oauth/')) {
			const out = handleOAuth(
				{ method, pathname, query, headers: req.headers, bodyText },
				{
					state,
					tokenLifetimeSeconds,
					apiUrl: baseUrl,
					onTokenRequest: () => counters.tokenRequests++,
					onTokenMint: () => counters.tokenMints++,
				},
			);
			if (resetAfter) return void req.socket.destroy();
			res.writeHead(out.status, { ...out.headers, 'Content-Length': Buffer.byteLength(out.body) });
			return void res.end(out.body);
		}
		if (resetAfter) return void req.socket.destroy();
		if (
			pathname.startsWith('/rec/download/') &&
			(await handleRecordingDownload(state, req, res, method, pathname, query))
		)
			return;
		if (method === 'POST' && pathname.startsWith('/_sim/ws/')) return controlWebSocket(pathname, bodyText, res);
		const joinPage = /^\/[js]\/(\d+)$/.exec(pathname);
		if (method === 'GET' && joinPage) {
			res.writeHead(200, { 'Content-Type': 'text/html;charset=UTF-8' });
			return void res.end(`<html><body>Simulated Zoom meeting ${joinPage[1]}</body></html>`);
		}
		const payload = JSON.stringify({ code: 404, message: 'Not found' });
		res.writeHead(404, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(payload) });
		res.end(payload);
	}

	/**
	 * Control endpoints for a simulator started from the command line (`npm run simulator:event`):
	 * POST /_sim/ws/event {"event":"meeting.started","subscriptionId"?,"body"?}, /_sim/ws/drop,
	 * /_sim/ws/silent, /_sim/ws/expire-tokens. Answers {"delivered"|"affected": n}.
	 */
	function controlWebSocket(pathname: string, bodyText: string, res: ServerResponse): void {
		let input: { event?: string; subscriptionId?: string; body?: unknown; unwrapped?: boolean } = {};
		try {
			input = bodyText.trim() ? (JSON.parse(bodyText) as typeof input) : {};
		} catch {
			input = {};
		}
		let answer: Record<string, unknown>;
		switch (pathname) {
			case '/_sim/ws/event': {
				const event = input.body ?? sampleEvent(input.event ?? 'meeting.started');
				answer = {
					delivered: webSockets.sendEvent(event, {
						subscriptionId: input.subscriptionId,
						unwrapped: input.unwrapped,
					}),
					event,
				};
				break;
			}
			case '/_sim/ws/drop':
				answer = { affected: webSockets.drop(input.subscriptionId) };
				break;
			case '/_sim/ws/silent':
				answer = { affected: webSockets.goSilent(input.subscriptionId) };
				break;
			case '/_sim/ws/expire-tokens':
				answer = { affected: webSockets.expireTokens() };
				break;
			default:
				answer = { error: `unknown control ${pathname}` };
		}
		const payload = JSON.stringify(answer);
		res.writeHead(answer.error ? 404 : 200, { 'Content-Type': JSON_TYPE });
		res.end(payload);
	}

	const server = createServer((req, res) => {
		handle(req, res).catch(() => {
			if (!res.headersSent) {
				res.writeHead(500, { 'Content-Type': JSON_TYPE });
				res.end(JSON.stringify({ code: 500, message: 'Internal Error' }));
			} else res.destroy();
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const webSockets = attachWebSocketSubscriptions(server, state);
	const { port } = server.address() as AddressInfo;
	baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	state.baseUrl = baseUrl;
	const recordingStorage = await startRecordingStorage(state, host);

	const defaultApp = {
		accountId: DEFAULT_ACCOUNT_ID,
		clientId: 'sim-client-id',
		clientSecret: 'sim-client-secret',
	};
	const defaultOAuthApp = {
		accountId: DEFAULT_ACCOUNT_ID,
		clientId: 'sim-oauth-client-id',
		clientSecret: 'sim-oauth-client-secret',
	};
	state.addApp({ kind: 's2s', ...defaultApp });
	state.addApp({ kind: 'oauth', ...defaultOAuthApp });
	if (options.seed ?? true) seedSampleData(state);

	const simulator: ZoomSimulator = {
		url: baseUrl,
		apiBaseUrl: `${baseUrl}/v2`,
		oauthBaseUrl: baseUrl,
		defaultApp,
		defaultOAuthApp,
		addServerToServerApp(app) {
			state.addApp({
				kind: 's2s',
				clientId: app.clientId,
				clientSecret: app.clientSecret,
				accountId: app.accountId ?? DEFAULT_ACCOUNT_ID,
				scopes: app.scopes,
			});
		},
		addOAuthApp(app) {
			state.addApp({
				kind: 'oauth',
				clientId: app.clientId,
				clientSecret: app.clientSecret,
				accountId: app.accountId ?? DEFAULT_ACCOUNT_ID,
				scopes: app.scopes,
				redirectUri: app.redirectUri,
			});
		},
		issueAccessToken(opts = {}) {
			const accountId = opts.accountId ?? DEFAULT_ACCOUNT_ID;
			state.ensureAccount(accountId);
			const user = opts.userId ? state.findUser(opts.userId, accountId) : state.owner(accountId);
			if (!user)
				throw new Error(`issueAccessToken: no user ${opts.userId} in account ${accountId}`);
			return state.mintAccessToken({
				accountId,
				userId: user.id,
				scopes: opts.scopes ?? ALL_SCOPES,
				lifetimeSeconds: opts.lifetimeSeconds ?? tokenLifetimeSeconds,
			}).value;
		},
		revokeToken(token) {
			const access = state.accessTokens.get(token);
			if (access) access.revoked = true;
			const refresh = state.refreshTokens.get(token);
			if (refresh) refresh.revoked = true;
		},
		expireAllTokens() {
			const past = Date.now() - 1;
			for (const token of state.accessTokens.values())
				token.expiresAt = Math.min(token.expiresAt, past);
		},
		disableApp(clientId) {
			const app = state.apps.get(clientId);
			if (!app) throw new Error(`disableApp: no app ${clientId}`);
			app.disabled = true;
			for (const token of state.accessTokens.values())
				if (token.clientId === clientId) token.revoked = true;
			for (const token of state.refreshTokens.values())
				if (token.clientId === clientId) token.revoked = true;
		},
		setLatency(ms) {
			latencyMs = ms;
		},
		setRateLimits(l) {
			limiter.setLimits(l);
		},
		setDailyLimits(l) {
			limiter.setDailyLimits(l);
		},
		injectFault(f) {
			faults.inject(f);
		},
		clearFaults() {
			faults.clear();
		},
		expirePageTokens() {
			pages.expireAll();
		},
		counters,
		resetCounters() {
			Object.assign(counters, emptyCounters());
			counters.maxConcurrent = inFlight;
		},
		state,
		webSockets,
		webSocketUrl: `${baseUrl.replace(/^http/, 'ws')}/ws?subscriptionId=${[...webSockets.subscriptions][0]}`,
		takeSpecViolations() {
			const mine = new Set(state.specViolations);
			return takePendingViolations((violation) => mine.has(violation));
		},
		close() {
			closed = true;
			webSockets.close();
			void recordingStorage.close();
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			return new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			});
		},
	};
	return simulator;
}
