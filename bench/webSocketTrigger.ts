/*
 * Zoom Workplace Trigger, Connection "WebSocket", in a real n8n 2.41.1 (`n8n start`, SQLite, this
 * machine), against the simulator's Zoom-like WebSocket endpoint:
 *
 *   per round (BENCH_WS_ROUNDS [3]): BENCH_WS_EVENTS [10000] meeting.started events sent over the
 *   one connection as fast as the simulator writes them, to a published workflow
 *   "Zoom Workplace Trigger → HTTP Request"; the HTTP Request node reports each execution to a
 *   local collector with the event's event_ts (the moment the simulator built the event), so
 *     lost = events without an execution, dup = events with more than one,
 *     throughput = events / (last report − first send),
 *     latency = report time − event_ts (event sent → its execution reached the node after the
 *     trigger), p50 and p99;
 *   then the simulator drops the connection and the time until n8n is connected again (the
 *   simulator accepts the new connection) is the reconnect time.
 *   Printed per round, then the median and the spread (min–max) over the rounds.
 *
 *   npm run build && node --import tsx bench/webSocketTrigger.ts   (also run by `npm run bench`)
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startZoomSimulator } from '../test/simulator';
import { meetingEvent } from '../test/simulator/webhooks/events';
import {
	createCredential,
	createN8nHome,
	setupOwner,
	startN8nServer,
	type N8nHome,
	type N8nServer,
	type WorkflowNode,
} from '../test/e2e/harness/n8n';
import { createWorkflow, publishWorkflow, TRIGGER_TYPE } from '../test/e2e/harness/webhooks';

const EVENTS = Number(process.env.BENCH_WS_EVENTS ?? 10_000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_WS_ROUNDS ?? 3));
const S2S = 'zoomWorkplaceServerToServerOAuthApi';

async function startCollector() {
	const seen = new Map<string, { count: number; at: number }>();
	let reports = 0;
	let waiters: Array<() => void> = [];
	const server = createServer((req: IncomingMessage, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const at = Date.now();
			reports++;
			try {
				const { key } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { key: string };
				const entry = seen.get(key);
				if (entry) entry.count++;
				else seen.set(key, { count: 1, at });
			} catch {
				// not a report
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{}');
			for (const wake of waiters.splice(0)) wake();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/report`,
		seen,
		/** Waits until `predicate` holds, or until no execution was reported for `stallMs`. */
		async waitFor(predicate: () => boolean, stallMs: number): Promise<boolean> {
			let seen = -1;
			let progressAt = Date.now();
			while (!predicate()) {
				if (seen !== reports) {
					seen = reports;
					progressAt = Date.now();
				}
				if (Date.now() - progressAt > stallMs) return false;
				await new Promise<void>((resolve) => {
					waiters.push(resolve);
					setTimeout(resolve, 500);
				});
			}
			return true;
		},
		reset() {
			seen.clear();
			waiters = [];
		},
		close: () => new Promise<void>((r) => server.close(() => r())),
	};
}

const percentile = (sorted: number[], p: number) =>
	sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
const spread = (values: number[], digits = 0) =>
	`${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

interface Round {
	events: number;
	executed: number;
	lost: number;
	duplicated: number;
	throughput: number;
	p50: number;
	p99: number;
	reconnectMs: number;
}

export async function runWebSocketTriggerBench(): Promise<string> {
	const out: string[] = [];
	const sim = await startZoomSimulator({ enforceRateLimits: false, validateRequests: true });
	const collector = await startCollector();
	let home: N8nHome | undefined;
	let server: N8nServer | undefined;
	try {
		home = await createN8nHome();
		server = await startN8nServer(home);
		const session = await setupOwner(server);
		const credential = await createCredential(session, {
			name: 'Zoom S2S (bench)',
			type: S2S,
			data: { ...sim.defaultApp, cloud: 'custom', apiBaseUrl: sim.apiBaseUrl, oauthBaseUrl: sim.oauthBaseUrl },
		});
		const trigger: WorkflowNode = {
			name: 'Zoom Workplace Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			parameters: {
				connection: 'webSocket',
				webSocketUrl: sim.webSocketUrl,
				events: ['meeting.started'],
				options: {},
			},
			credentials: { [S2S]: { id: credential.id, name: credential.name } },
		};
		const report: WorkflowNode = {
			name: 'Report',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: collector.url,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ key: String($json.event_ts) }) }}',
				options: {},
			},
		};
		const workflow = await createWorkflow(session, {
			name: 'bench WebSocket trigger',
			nodes: [trigger, report],
			connections: { [trigger.name]: { main: [[{ node: 'Report', type: 'main', index: 0 }]] } },
		});
		await publishWorkflow(session, workflow);
		const ws = sim.webSockets;
		await ws.waitFor(() => ws.open().length === 1, 60_000, 'n8n to connect');

		const rounds: Round[] = [];
		for (let round = 1; round <= ROUNDS; round++) {
			collector.reset();
			const sent: number[] = [];
			const firstSend = Date.now();
			for (let i = 0; i < EVENTS; i++) {
				const event = meetingEvent('meeting.started', { topic: `bench ${round}/${i}` });
				if (ws.sendEvent(event) !== 1) throw new Error('the simulator has no connection to send to');
				sent.push(event.event_ts);
				// let the socket drain now and then (the simulator and n8n share this machine)
				if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
			}
			// a burst is worked off at n8n's pace: wait as long as executions keep coming
			const complete = await collector.waitFor(
				() => sent.every((ts) => collector.seen.has(String(ts))),
				120_000,
			);
			await new Promise((resolve) => setTimeout(resolve, 2_000)); // late duplicates
			const latencies: number[] = [];
			let executed = 0;
			let duplicated = 0;
			let last = firstSend;
			for (const ts of sent) {
				const entry = collector.seen.get(String(ts));
				if (!entry) continue;
				executed++;
				if (entry.count > 1) duplicated++;
				latencies.push(entry.at - ts);
				last = Math.max(last, entry.at);
			}
			latencies.sort((a, b) => a - b);
			// reconnect after a drop
			const before = ws.connections.length;
			const dropped = Date.now();
			ws.drop();
			await ws.waitFor(() => ws.connections.length > before && ws.open().length === 1, 120_000, 'a reconnect');
			const reconnectMs = ws.connections.at(-1)!.openedAt - dropped;
			const r: Round = {
				events: EVENTS,
				executed,
				lost: EVENTS - executed,
				duplicated,
				throughput: executed / ((last - firstSend) / 1000),
				p50: percentile(latencies, 50),
				p99: percentile(latencies, 99),
				reconnectMs,
			};
			rounds.push(r);
			out.push(
				`round ${round}: ${r.events} events, ${r.executed} executions, lost ${r.lost}, dup ${r.duplicated}${complete ? '' : ' (no execution for 2 minutes: stopped waiting)'}, ${r.throughput.toFixed(0)} events/s, latency p50 ${r.p50} ms p99 ${r.p99} ms, reconnect after a drop ${r.reconnectMs} ms`,
			);
		}
		out.push(
			`median (spread) over ${ROUNDS} rounds of ${EVENTS} events on one connection: lost ${median(rounds.map((r) => r.lost))} (${spread(rounds.map((r) => r.lost))}), dup ${median(rounds.map((r) => r.duplicated))} (${spread(rounds.map((r) => r.duplicated))}), throughput ${median(rounds.map((r) => r.throughput)).toFixed(0)} events/s (${spread(rounds.map((r) => r.throughput))}), latency p50 ${median(rounds.map((r) => r.p50))} ms (${spread(rounds.map((r) => r.p50))}), p99 ${median(rounds.map((r) => r.p99))} ms (${spread(rounds.map((r) => r.p99))}), reconnect ${median(rounds.map((r) => r.reconnectMs))} ms (${spread(rounds.map((r) => r.reconnectMs))})`,
		);
		out.push(`connections opened: ${ws.connections.length} (1 + one per drop)`);
	} finally {
		await server?.stop();
		await home?.cleanup();
		await collector.close();
		await sim.close();
	}
	return out.join('\n');
}

if (require.main === module) {
	runWebSocketTriggerBench().then(
		(text) => {
			console.log(text);
			process.exit(0);
		},
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}
