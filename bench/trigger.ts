/*
 * Zoom Workplace Trigger benchmark, in a real n8n 2.41.1 (`n8n start`, SQLite, this machine):
 *
 *   (1) Answer times against n8n's own Webhook node, in one n8n per expression-engine setting
 *       (BENCH_TRIGGER_N8N_ENVS, `;`-separated sets of `A=1,B=2`, `-` for n8n's defaults)
 *       [`-;N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true`]. Each n8n has one published workflow per
 *       endpoint, "<start node> → HTTP Request":
 *         - n8n's Webhook node (static parameters: n8n takes no expression isolate for it);
 *         - the trigger, node version 1 (saved workflows), repeat-dropping on;
 *         - the trigger, node version 1.1 (new nodes);
 *         - the trigger, node version 1.1 with "Answer Zoom Before the Execution Starts";
 *         - with BENCH_TRIGGER_CONTROL=1 also the Webhook node with one expression parameter
 *           (which makes n8n take an isolate, as for every other trigger).
 *       BENCH_TRIGGER_ROUNDS rounds [BENCH_ROUNDS, else 3]; each round sends BENCH_TRIGGER_EVENTS signed deliveries
 *       [1000] to every endpoint, BENCH_TRIGGER_CONCURRENCY at a time [50], half of them in the
 *       order A-B-C-D and half in D-C-B-A (warm-up and drift hit all alike), and waits for each
 *       endpoint's executions before the next. Deliveries behave like Zoom: an answer other than
 *       200/204 within 3 s is retried (here after 1 s, 3 retries). Answer times are the first
 *       attempt's, client side; ratios are to n8n's Webhook node in the same round. The HTTP
 *       Request node reports every execution to a local collector: lost = events without an
 *       execution, dup = executions beyond one per event.
 *   (2) A recording of BENCH_TRIGGER_RECORDING_MIB [1024] MiB downloaded by the trigger for
 *       recording.completed (first n8n only), while the n8n main process's RSS is sampled every
 *       50 ms (/proc/<pid>/status): peak growth = max RSS − RSS just before the delivery.
 *
 *   npm run build && node --import tsx bench/trigger.ts     (also run by `npm run bench`)
 */
import { median, roundsFrom, spread, textTable } from './stats';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import os from 'node:os';

import {
	createCredential,
	createN8nHome,
	setupOwner,
	startN8nServer,
	type N8nHome,
	type N8nServer,
	type Session,
	type WorkflowNode,
} from '../test/e2e/harness/n8n';
import {
	binaryDigest,
	createWorkflow,
	executionItems,
	plainWebhookNode,
	publishWorkflow,
	triggerNode,
	waitForExecutions,
	webhookUrls,
	WEBHOOK_CREDENTIAL_TYPE,
} from '../test/e2e/harness/webhooks';
import {
	meetingEvent,
	recordingCompleted,
	recordingSha256,
	startRecordingFileServer,
	ZoomWebhookSender,
	type Attempt,
	type ZoomEvent,
} from '../test/simulator/webhooks';

const EVENTS = Number(process.env.BENCH_TRIGGER_EVENTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_TRIGGER_CONCURRENCY ?? 50);
const ROUNDS = roundsFrom('BENCH_TRIGGER_ROUNDS', 3);
const RECORDING_MIB = Number(process.env.BENCH_TRIGGER_RECORDING_MIB ?? 1024);
const WITH_CONTROL = process.env.BENCH_TRIGGER_CONTROL === '1';
const SECRET = 'benchZoomSecretToken_001';
/** Zoom's deadline for an answer */
const DEADLINE_MS = 3_000;
/** the configuration docs/performance.md recommends for busy instances, and its target */
const RECOMMENDED = { env: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true', endpoint: 'v1.1' };
const TARGET_P99_RATIO = 1.1;

/** `A=1,B=2` → { A: '1', B: '2' }; `-` or '' → n8n's defaults. */
function parseEnv(text: string): Record<string, string> {
	const env: Record<string, string> = {};
	if (text.trim() === '-') return env;
	for (const pair of text.split(',')) {
		const [key, ...value] = pair.split('=');
		if (key.trim()) env[key.trim()] = value.join('=');
	}
	return env;
}

function n8nEnvs(): string[] {
	const raw = process.env.BENCH_TRIGGER_N8N_ENVS ?? process.env.BENCH_TRIGGER_N8N_ENV;
	if (raw === undefined) return ['-', RECOMMENDED.env];
	return raw
		.split(';')
		.map((text) => text.trim())
		.filter((text) => text !== '');
}

const envLabel = (text: string) =>
	Object.keys(parseEnv(text)).length === 0 ? "n8n's defaults" : text;

/** Counts executions per endpoint and event key, reported by each workflow's HTTP Request node. */
async function startCollector() {
	const counts = new Map<string, Map<string, number>>();
	const server = createServer((req: IncomingMessage, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			try {
				const { src, key } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
					src: string;
					key: string;
				};
				const map = counts.get(src) ?? new Map<string, number>();
				counts.set(src, map);
				map.set(String(key), (map.get(String(key)) ?? 0) + 1);
			} catch {
				// not a report
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/report`;
	const of = (src: string) => {
		const map = counts.get(src) ?? new Map<string, number>();
		counts.set(src, map);
		return map;
	};
	return { url, of, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function reporter(collectorUrl: string, src: string, keyExpression: string): WorkflowNode {
	return {
		name: 'Report',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: collectorUrl,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ src: "${src}", key: String(${keyExpression}) }) }}`,
			options: {},
		},
	};
}

const connect = (from: string) => ({
	[from]: { main: [[{ node: 'Report', type: 'main', index: 0 }]] },
});

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Endpoint {
	/** short name (collector source) */
	id: string;
	label: string;
	sender: ZoomWebhookSender;
	/** the expression that reads the event_ts in the reporting node */
	rounds: RoundStats[];
}

interface RoundStats {
	sent: number;
	firstAttempts: Attempt[];
	retried: number;
	events: ZoomEvent[];
	lost: number;
	duplicated: number;
	sendMs: number;
}

async function deliverAll(
	endpoint: Endpoint,
	stats: RoundStats,
	events: ZoomEvent[],
): Promise<void> {
	let next = 0;
	const started = performance.now();
	const worker = async () => {
		while (next < events.length) {
			const event = events[next++];
			stats.events.push(event);
			const delivery = await endpoint.sender.deliver(event);
			stats.sent++;
			stats.firstAttempts.push(delivery.attempts[0]);
			if (delivery.attempts.length > 1) stats.retried++;
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	stats.sendMs += performance.now() - started;
}

function rssBytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
	return kb * 1024;
}

/** Waits until the executions of `expected` events have reported, or nothing moved for 15 s. */
async function settle(counts: Map<string, number>, expected: number, timeoutMs = 180_000) {
	const deadline = Date.now() + timeoutMs;
	let last = -1;
	let stableSince = Date.now();
	for (;;) {
		const total = [...counts.values()].reduce((a, b) => a + b, 0);
		if (total !== last) {
			last = total;
			stableSince = Date.now();
		}
		if (total >= expected && Date.now() - stableSince > 1_000) return;
		if (Date.now() - stableSince > 15_000 || Date.now() > deadline) return;
		await new Promise((r) => setTimeout(r, 250));
	}
}

function countOutcome(stats: RoundStats, counts: Map<string, number>): void {
	stats.lost = 0;
	stats.duplicated = 0;
	for (const event of stats.events) {
		const n = counts.get(String(event.event_ts)) ?? 0;
		if (n === 0) stats.lost++;
		if (n > 1) stats.duplicated += n - 1;
	}
}

const times = (stats: RoundStats) => stats.firstAttempts.map((a) => a.ms).sort((a, b) => a - b);
const late = (stats: RoundStats) =>
	stats.firstAttempts.filter((a) => a.failure !== undefined || a.ms > DEADLINE_MS).length;

interface ConfigResult {
	env: string;
	endpoints: Endpoint[];
	report: string[];
}

/** One n8n with the given environment: every endpoint, ROUNDS rounds. */
async function benchOneN8n(
	envText: string,
	collector: Awaited<ReturnType<typeof startCollector>>,
	files: Awaited<ReturnType<typeof startRecordingFileServer>>,
	withRecording: boolean,
): Promise<ConfigResult> {
	const out: string[] = [];
	let home: N8nHome | undefined;
	let server: N8nServer | undefined;
	const tag = `${Math.random().toString(36).slice(2, 8)}`;
	try {
		home = await createN8nHome();
		server = await startN8nServer(home, { env: parseEnv(envText) });
		const session: Session = await setupOwner(server);
		const saved = await createCredential(session, {
			name: 'Zoom webhook (bench)',
			type: WEBHOOK_CREDENTIAL_TYPE,
			data: { secretToken: SECRET },
		});
		const credential = { id: saved.id, name: saved.name };
		const sender = (url: string) =>
			new ZoomWebhookSender({
				url,
				secretToken: SECRET,
				retryDelaysMs: [1_000, 1_000, 1_000],
				// wait for late answers to measure them; later than 3 s still counts as failed (retried)
				abortAfterMs: 30_000,
			});
		const endpoints: Endpoint[] = [];
		const publish = async (
			id: string,
			label: string,
			node: WorkflowNode & { webhookId: string },
			url: string,
			keyExpression: string,
		) => {
			const src = `${tag}-${id}`;
			const workflow = await createWorkflow(session, {
				name: `bench ${label}`,
				nodes: [node, reporter(collector.url, src, keyExpression)],
				connections: connect(node.name),
			});
			await publishWorkflow(session, workflow);
			endpoints.push({ id, label, sender: sender(url), rounds: [] });
		};

		const plain = plainWebhookNode();
		await publish(
			'webhook',
			"n8n's Webhook node",
			plain,
			`${server.baseUrl}/webhook/${plain.webhookId}`,
			'$json.body.event_ts',
		);
		for (const [id, label, typeVersion, options] of [
			['v1', 'trigger 1 (saved nodes)', 1, { dropRepeats: true }],
			['v1.1', 'trigger 1.1 (new nodes)', 1.1, { dropRepeats: true }],
			[
				'v1.1-early',
				'trigger 1.1, answer before execution',
				1.1,
				{ dropRepeats: true, answerBeforeExecution: true },
			],
		] as const) {
			const node = triggerNode({
				credential,
				events: ['meeting.started'],
				options: { ...options },
				typeVersion,
				name: `Zoom Workplace Trigger ${id}`,
			});
			await publish(
				id,
				label,
				node,
				webhookUrls(server.baseUrl, node.webhookId).production,
				'$json.event_ts',
			);
		}
		if (WITH_CONTROL) {
			// n8n 2.41 then acquires an expression isolate for the webhook phase, as it does for
			// every trigger except its own Webhook node with static parameters
			const control = { ...plainWebhookNode(), name: 'Webhook (expression)' };
			control.parameters = {
				...control.parameters,
				path: control.webhookId,
				options: { ignoreBots: '={{ false }}' },
			};
			await publish(
				'control',
				'Webhook node + 1 expression',
				control,
				`${server.baseUrl}/webhook/${control.webhookId}`,
				'$json.body.event_ts',
			);
		}
		for (const endpoint of endpoints) {
			if (endpoint.id === 'webhook' || endpoint.id === 'control') {
				endpoint.sender.validated = true; // n8n's Webhook node has no validation to pass
			} else if (!(await endpoint.sender.validate())) {
				throw new Error(
					`URL validation failed for ${endpoint.label}: ${JSON.stringify(endpoint.sender.validations)}`,
				);
			}
		}
		// warm-up, not counted: JIT, SQLite pages, the HTTP Request node's first load
		await Promise.all(
			Array.from({ length: 20 }, async () => {
				for (const endpoint of endpoints)
					await endpoint.sender.sendRaw({ body: meetingEvent('meeting.started') });
			}),
		);
		await new Promise((r) => setTimeout(r, 3_000));

		const batch = (n: number) => Array.from({ length: n }, () => meetingEvent('meeting.started'));
		const half = Math.ceil(EVENTS / 2);
		const header = [
			'endpoint',
			'sent',
			'lost',
			'dup execs',
			`>3 s or not 2xx`,
			'retried',
			'p50 ms',
			'p99 ms',
			'max ms',
			'p50 ratio',
			'p99 ratio',
		];
		for (let round = 1; round <= ROUNDS; round++) {
			const stats = new Map<Endpoint, RoundStats>();
			for (const endpoint of endpoints) {
				const s: RoundStats = {
					sent: 0,
					firstAttempts: [],
					retried: 0,
					events: [],
					lost: 0,
					duplicated: 0,
					sendMs: 0,
				};
				stats.set(endpoint, s);
				endpoint.rounds.push(s);
			}
			const order = [...endpoints, ...[...endpoints].reverse()];
			for (const [i, endpoint] of order.entries()) {
				const s = stats.get(endpoint)!;
				await deliverAll(endpoint, s, batch(i < endpoints.length ? half : EVENTS - half));
				await settle(collector.of(`${tag}-${endpoint.id}`), s.events.length);
			}
			const reference = times(stats.get(endpoints[0])!);
			const rows = endpoints.map((endpoint) => {
				const s = stats.get(endpoint)!;
				countOutcome(s, collector.of(`${tag}-${endpoint.id}`));
				const t = times(s);
				return [
					endpoint.label,
					String(s.sent),
					String(s.lost),
					String(s.duplicated),
					String(late(s)),
					String(s.retried),
					percentile(t, 50).toFixed(1),
					percentile(t, 99).toFixed(1),
					t[t.length - 1].toFixed(1),
					(percentile(t, 50) / percentile(reference, 50)).toFixed(2),
					(percentile(t, 99) / percentile(reference, 99)).toFixed(2),
				];
			});
			out.push(
				`round ${round}: ${EVENTS} deliveries per endpoint, ${CONCURRENCY} at a time, half in the order listed and half reversed`,
			);
			out.push(textTable(header, rows));
			// progress, for a run that takes long (the report is printed at the end)
			console.error(`${envLabel(envText)}\n${out.slice(-2).join('\n')}`);
		}

		// a repeat of every 10th event of the last round, sent again to the 1.1 trigger: each must
		// be dropped (no new execution)
		const repeated = endpoints.find((e) => e.id === 'v1.1')!;
		const last = repeated.rounds[repeated.rounds.length - 1];
		const repeats = last.events.filter((_, i) => i % 10 === 0);
		const answers = await Promise.all(
			repeats.map(async (event) => await repeated.sender.sendRaw({ body: event })),
		);
		await new Promise((r) => setTimeout(r, 3_000));
		const before = last.duplicated;
		countOutcome(last, collector.of(`${tag}-${repeated.id}`));
		out.push(
			`repeats: ${repeats.length} events of the last round sent again to ${repeated.label} → ${answers.filter((a) => a.status === 200).length} answered 200; new executions after them: ${last.duplicated - before}`,
		);

		if (withRecording && RECORDING_MIB > 0 && server.pid)
			out.push(await recordingBench(session, server, credential, files, sender));
		return { env: envText, endpoints, report: out };
	} finally {
		await server?.stop();
		await home?.cleanup();
	}
}

/** (2) a large recording downloaded by the trigger, with the n8n process's memory sampled. */
async function recordingBench(
	session: Session,
	server: N8nServer,
	credential: { id: string; name: string },
	files: Awaited<ReturnType<typeof startRecordingFileServer>>,
	sender: (url: string) => ZoomWebhookSender,
): Promise<string> {
	const size = RECORDING_MIB * 1024 * 1024;
	const file = files.store.add({ size, contentType: 'video/mp4' });
	const recNode = triggerNode({
		credential,
		events: ['recording.completed'],
		options: { downloadRecordings: true, recordingFileTypes: ['MP4'] },
		typeVersion: 1.1,
	});
	const recWf = await createWorkflow(session, { name: 'bench recording', nodes: [recNode] });
	await publishWorkflow(session, recWf);
	const recSender = sender(webhookUrls(server.baseUrl, recNode.webhookId).production);
	await recSender.validate();
	await new Promise((r) => setTimeout(r, 2_000));
	const pid = server.pid!;
	const baseline = rssBytes(pid);
	let peak = baseline;
	const sampler = setInterval(() => {
		try {
			peak = Math.max(peak, rssBytes(pid));
		} catch {
			// process gone
		}
	}, 50);
	const t0 = performance.now();
	const delivery = await recSender.deliver(
		recordingCompleted(files.store, files.url, [{ file, file_type: 'MP4' }], { topic: 'Bench' }),
	);
	const [execution] = await waitForExecutions(session, recWf.id, 1, 30 * 60_000);
	const seconds = (performance.now() - t0) / 1000;
	clearInterval(sampler);
	const [item] = await executionItems(session, execution.id, recNode.name);
	const stored = item.binary?.recording_0;
	let check = 'no binary';
	if (stored?.id) {
		const digest = await binaryDigest(session, stored.id);
		const expected = recordingSha256(file.seed, size);
		check = `${digest.bytes} bytes, sha256 ${digest.sha256 === expected ? 'matches' : 'DIFFERS'}`;
	}
	return [
		`(2) ${RECORDING_MIB} MiB recording via recording.completed: Zoom answered in ${delivery.attempts[0].ms.toFixed(0)} ms (attempts: ${delivery.attempts.length}); execution ${execution.status} after ${seconds.toFixed(1)} s (${(RECORDING_MIB / seconds).toFixed(0)} MiB/s); stored file: ${check}`,
		`n8n main process RSS: before ${(baseline / 2 ** 20).toFixed(0)} MiB, peak ${(peak / 2 ** 20).toFixed(0)} MiB → peak growth ${((peak - baseline) / 2 ** 20).toFixed(0)} MiB (sampled every 50 ms)`,
	].join('\n');
}

/** The summary over rounds, per n8n and endpoint, and the target check. */
function summary(results: ConfigResult[]): string {
	const out: string[] = [
		`(1) median (spread) over ${ROUNDS} round(s) of ${EVENTS} deliveries per endpoint, ${CONCURRENCY} at a time; ratios to n8n's Webhook node in the same round`,
	];
	const rows: string[][] = [];
	let verdict: string | undefined;
	for (const result of results) {
		const reference = result.endpoints[0];
		for (const endpoint of result.endpoints) {
			const ratios = (p: number) =>
				endpoint.rounds.map(
					(s, i) => percentile(times(s), p) / percentile(times(reference.rounds[i]), p),
				);
			const lateCounts = endpoint.rounds.map(late);
			const p99 = endpoint.rounds.map((s) => percentile(times(s), 99));
			rows.push([
				envLabel(result.env),
				endpoint.label,
				endpoint === reference ? '1' : spread(ratios(50), 2),
				endpoint === reference ? '1' : spread(ratios(99), 2),
				spread(p99, 0),
				spread(lateCounts, 0),
				String(endpoint.rounds.reduce((a, s) => a + s.lost, 0)),
				String(endpoint.rounds.reduce((a, s) => a + s.duplicated, 0)),
			]);
			if (result.env === RECOMMENDED.env && endpoint.id === RECOMMENDED.endpoint) {
				const ratio = median(ratios(99));
				const over = Math.max(...lateCounts);
				const pass = ratio <= TARGET_P99_RATIO && over === 0;
				verdict = `target (${RECOMMENDED.env}, ${endpoint.label}): p99 ratio ≤ ${TARGET_P99_RATIO} (median ${ratio.toFixed(2)}) and 0 answers over 3 s in every round (most: ${over}): ${pass ? 'PASS' : 'FAIL'}`;
			}
		}
	}
	out.push(
		textTable(
			[
				'n8n',
				'endpoint',
				'p50 ratio',
				'p99 ratio',
				'p99 ms',
				'>3 s per round',
				'lost',
				'dup execs',
			],
			rows,
		),
	);
	if (verdict) out.push(verdict);
	return out.join('\n');
}

export async function runTriggerBench(): Promise<string> {
	const out: string[] = [];
	const collector = await startCollector();
	const files = await startRecordingFileServer();
	const results: ConfigResult[] = [];
	try {
		for (const [i, envText] of n8nEnvs().entries()) {
			const result = await benchOneN8n(envText, collector, files, i === 0);
			results.push(result);
			out.push(`n8n with ${envLabel(envText)}`, ...result.report, '');
		}
		out.push(summary(results));
		return out.join('\n');
	} finally {
		await collector.close();
		await files.close();
	}
}

if (require.main === module) {
	const cpus = os.cpus();
	console.log(
		`trigger bench — ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, load average ${os
			.loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}`,
	);
	runTriggerBench().then(
		(report) => {
			console.log(report);
			console.log(
				`load average at the end: ${os
					.loadavg()
					.map((l) => l.toFixed(1))
					.join(' ')}`,
			);
			process.exit(0);
		},
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}
