/*
 * Zoom Workplace Trigger benchmark, in a real n8n 2.41.1 (`n8n start`, SQLite, this machine):
 *
 *   (1) BENCH_TRIGGER_EVENTS signed deliveries [1000], BENCH_TRIGGER_CONCURRENCY at a time [50], to
 *       a published workflow "Zoom Workplace Trigger (repeat-dropping on) → HTTP Request" and, in
 *       the same run, to "n8n Webhook node (no checks) → HTTP Request" and to the same Webhook node
 *       with one expression parameter (which makes n8n take an expression isolate for the webhook
 *       phase, as for every other trigger). Deliveries are interleaved A-B-C-C-B-A in halves so
 *       warm-up and drift hit all alike. Each delivery behaves like
 *       Zoom: an answer other than 200/204 within 3 s is retried (here after 1 s, 3 retries).
 *       The HTTP Request node reports every execution to a local collector, which counts lost and
 *       duplicated executions per event. Answer times are the first attempt's, client side.
 *   (2) A recording of BENCH_TRIGGER_RECORDING_MIB [1024] MiB downloaded by the trigger for
 *       recording.completed, while the n8n main process's RSS is sampled every 50 ms
 *       (/proc/<pid>/status): peak growth = max RSS − RSS just before the delivery.
 * Both run BENCH_TRIGGER_ROUNDS times (default BENCH_ROUNDS, else 3) in the same n8n; the report
 * gives the median and min–max over the rounds. BENCH_TRIGGER_N8N_ENV='A=1,B=2' adds to n8n's
 * environment (e.g. N8N_EXPRESSION_ENGINE=legacy).
 *
 *   npm run build && node --import tsx bench/trigger.ts     (also run by `npm run bench`)
 */
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
import { roundsFrom, spread, textTable } from './stats';
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
const RECORDING_MIB = Number(process.env.BENCH_TRIGGER_RECORDING_MIB ?? 1024);
const SECRET = 'benchZoomSecretToken_001';
const ROUNDS = roundsFrom('BENCH_TRIGGER_ROUNDS', 3);

/** BENCH_TRIGGER_N8N_ENV='A=1,B=2': extra environment for n8n (e.g. N8N_EXPRESSION_ENGINE=legacy). */
function n8nEnvFromBench(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const pair of (process.env.BENCH_TRIGGER_N8N_ENV ?? '').split(',')) {
		const [key, ...value] = pair.split('=');
		if (key.trim()) env[key.trim()] = value.join('=');
	}
	return env;
}

/** Counts executions per event key, reported by each workflow's HTTP Request node. */
async function startCollector() {
	const counts = {
		zoom: new Map<string, number>(),
		plain: new Map<string, number>(),
		control: new Map<string, number>(),
	};
	const server = createServer((req: IncomingMessage, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			try {
				const { src, key } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
					src: 'zoom' | 'plain' | 'control';
					key: string;
				};
				const map = counts[src];
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
	return { url, counts, close: () => new Promise<void>((r) => server.close(() => r())) };
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

interface Side {
	label: string;
	sender: ZoomWebhookSender;
	firstAttempts: Attempt[];
	deliveries: number;
	retried: number;
	undelivered: number;
	events: ZoomEvent[];
}

async function deliverAll(side: Side, events: ZoomEvent[]): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < events.length) {
			const event = events[next++];
			side.events.push(event);
			const delivery = await side.sender.deliver(event);
			side.deliveries++;
			side.firstAttempts.push(delivery.attempts[0]);
			if (delivery.attempts.length > 1) side.retried++;
			if (!delivery.delivered) side.undelivered++;
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

function rssBytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
	return kb * 1024;
}

async function settle(
	counts: Map<string, number>,
	expected: number,
	timeoutMs = 120_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = -1;
	let stableSince = Date.now();
	for (;;) {
		const total = [...counts.values()].reduce((a, b) => a + b, 0);
		if (total !== last) {
			last = total;
			stableSince = Date.now();
		}
		if (total >= expected && Date.now() - stableSince > 2_000) return;
		if (Date.now() - stableSince > 15_000 || Date.now() > deadline) return;
		await new Promise((r) => setTimeout(r, 250));
	}
}

interface DeliveryRound {
	sent: number;
	lost: number;
	duplicated: number;
	late: number;
	retried: number;
	p50: number;
	p99: number;
	max: number;
}

function deliveryRound(side: Side, counts: Map<string, number>): DeliveryRound {
	const times = side.firstAttempts.map((a) => a.ms).sort((a, b) => a - b);
	const keys = new Set(side.events.map((e) => String(e.event_ts)));
	let lost = 0;
	let duplicated = 0;
	for (const key of keys) {
		const n = counts.get(key) ?? 0;
		if (n === 0) lost++;
		if (n > 1) duplicated += n - 1;
	}
	return {
		sent: side.deliveries,
		lost,
		duplicated,
		late: side.firstAttempts.filter((a) => a.failure).length,
		retried: side.retried,
		p50: percentile(times, 50),
		p99: percentile(times, 99),
		max: times[times.length - 1],
	};
}

/** Per endpoint: totals of sent, lost, duplicated; median (min–max) over the rounds of the rest. */
function deliveryTable(results: Array<{ label: string; rounds: DeliveryRound[] }>): string {
	const total = (rounds: DeliveryRound[], pick: (r: DeliveryRound) => number) =>
		String(rounds.reduce((n, r) => n + pick(r), 0));
	return textTable(
		['endpoint', 'sent', 'lost', 'dup execs', '>3 s or not 2xx', 'p50 ms', 'p99 ms', 'max ms'],
		results.map(({ label, rounds }) => [
			label,
			total(rounds, (r) => r.sent),
			total(rounds, (r) => r.lost),
			total(rounds, (r) => r.duplicated),
			spread(
				rounds.map((r) => r.late),
				0,
			),
			spread(
				rounds.map((r) => r.p50),
				0,
			),
			spread(
				rounds.map((r) => r.p99),
				0,
			),
			spread(
				rounds.map((r) => r.max),
				0,
			),
		]),
	);
}

const newSide = (label: string, sender: ZoomWebhookSender): Side => ({
	label,
	sender,
	firstAttempts: [],
	deliveries: 0,
	retried: 0,
	undelivered: 0,
	events: [],
});

export async function runTriggerBench(): Promise<string> {
	const out: string[] = [];
	let home: N8nHome | undefined;
	let server: N8nServer | undefined;
	const collector = await startCollector();
	const files = await startRecordingFileServer();
	try {
		home = await createN8nHome();
		server = await startN8nServer(home, { env: n8nEnvFromBench() });
		const session: Session = await setupOwner(server);
		const saved = await createCredential(session, {
			name: 'Zoom webhook (bench)',
			type: WEBHOOK_CREDENTIAL_TYPE,
			data: { secretToken: SECRET },
		});
		const credential = { id: saved.id, name: saved.name };

		// (1) deliveries: our trigger vs n8n's Webhook node
		const zoomNode = triggerNode({
			credential,
			events: ['meeting.started'],
			options: { dropRepeats: true },
		});
		const zoomWf = await createWorkflow(session, {
			name: 'bench zoom trigger',
			nodes: [zoomNode, reporter(collector.url, 'zoom', '$json.event_ts')],
			connections: connect(zoomNode.name),
		});
		await publishWorkflow(session, zoomWf);
		const plainNode = plainWebhookNode();
		const plainWf = await createWorkflow(session, {
			name: 'bench plain webhook',
			nodes: [plainNode, reporter(collector.url, 'plain', '$json.body.event_ts')],
			connections: connect(plainNode.name),
		});
		await publishWorkflow(session, plainWf);

		// control: the same Webhook node with one expression parameter. n8n 2.41 then acquires an
		// expression isolate for the webhook phase, as it does for every trigger except its own
		// Webhook node with static parameters (LiveWebhooks.webhookPhaseNeedsIsolate)
		const controlNode = { ...plainWebhookNode(), name: 'Webhook (expression)' };
		controlNode.parameters = {
			...controlNode.parameters,
			path: controlNode.webhookId,
			options: { ignoreBots: '={{ false }}' },
		};
		const controlWf = await createWorkflow(session, {
			name: 'bench webhook with expression',
			nodes: [controlNode, reporter(collector.url, 'control', '$json.body.event_ts')],
			connections: connect(controlNode.name),
		});
		await publishWorkflow(session, controlWf);

		const sender = (url: string) =>
			new ZoomWebhookSender({
				url,
				secretToken: SECRET,
				retryDelaysMs: [1_000, 1_000, 1_000],
				// wait for late answers to measure them; later than 3 s still counts as failed (retried)
				abortAfterMs: 30_000,
			});
		const zoomUrl = webhookUrls(server.baseUrl, zoomNode.webhookId).production;
		const plainUrl = `${server.baseUrl}/webhook/${plainNode.webhookId}`;
		const controlUrl = `${server.baseUrl}/webhook/${controlNode.webhookId}`;
		const zoomSender = sender(zoomUrl);
		const plainSender = sender(plainUrl);
		const controlSender = sender(controlUrl);
		if (!(await zoomSender.validate()))
			throw new Error(`URL validation failed: ${JSON.stringify(zoomSender.validations)}`);
		plainSender.validated = true; // n8n's Webhook node has no validation to pass
		controlSender.validated = true;
		// warm-up, not counted: JIT, SQLite pages, the HTTP Request node's first load
		await Promise.all(
			Array.from({ length: 20 }, async () => {
				await zoomSender.sendRaw({ body: meetingEvent('meeting.started') });
				await plainSender.sendRaw({ body: meetingEvent('meeting.started') });
				await controlSender.sendRaw({ body: meetingEvent('meeting.started') });
			}),
		);
		await new Promise((r) => setTimeout(r, 3_000));

		const results = {
			zoom: { label: 'Zoom Workplace Trigger', rounds: [] as DeliveryRound[] },
			plain: { label: "n8n's Webhook node", rounds: [] as DeliveryRound[] },
			control: { label: 'Webhook node + 1 expression', rounds: [] as DeliveryRound[] },
		};
		let repeatsSent = 0;
		let repeatsOk = 0;
		let repeatsRan = 0;
		for (let round = 0; round < ROUNDS; round++) {
			collector.counts.zoom.clear();
			collector.counts.plain.clear();
			collector.counts.control.clear();
			const zoom = newSide(results.zoom.label, zoomSender);
			const plain = newSide(results.plain.label, plainSender);
			const control = newSide(results.control.label, controlSender);
			const half = Math.ceil(EVENTS / 2);
			const batch = (n: number) =>
				Array.from({ length: n }, () => meetingEvent('meeting.started'));
			for (const side of [zoom, plain, control, control, plain, zoom])
				await deliverAll(side, batch(side.deliveries === 0 ? half : EVENTS - half));
			await settle(collector.counts.zoom, zoom.events.length);
			await settle(collector.counts.plain, plain.events.length);
			await settle(collector.counts.control, control.events.length);
			const before = deliveryRound(zoom, collector.counts.zoom).duplicated;
			// a repeat of every 10th event, sent again: each must be dropped (no new execution)
			const repeats = zoom.events.filter((_, i) => i % 10 === 0);
			const answers = await Promise.all(
				repeats.map(async (event) => await zoomSender.sendRaw({ body: event })),
			);
			await new Promise((r) => setTimeout(r, 3_000));
			repeatsSent += repeats.length;
			repeatsOk += answers.filter((a) => a.status === 200).length;
			const zoomRound = deliveryRound(zoom, collector.counts.zoom);
			repeatsRan += zoomRound.duplicated - before;
			results.zoom.rounds.push(zoomRound);
			results.plain.rounds.push(deliveryRound(plain, collector.counts.plain));
			results.control.rounds.push(deliveryRound(control, collector.counts.control));
		}
		const ratios = (other: DeliveryRound[], pick: (r: DeliveryRound) => number) =>
			spread(
				results.zoom.rounds.map((r, i) => pick(r) / pick(other[i])),
				2,
			);
		out.push(
			`(1) ${EVENTS} deliveries per endpoint and round, ${CONCURRENCY} at a time, interleaved A-B-C-C-B-A; ${ROUNDS} round(s): sent, lost, dup execs are totals, the rest median (min–max) over the rounds`,
			deliveryTable([results.zoom, results.plain, results.control]),
			`trigger ÷ (Webhook node + 1 expression), per round: p50 ${ratios(results.control.rounds, (r) => r.p50)}, p99 ${ratios(results.control.rounds, (r) => r.p99)}`,
			`trigger ÷ Webhook node, per round: p50 ${ratios(results.plain.rounds, (r) => r.p50)}, p99 ${ratios(results.plain.rounds, (r) => r.p99)}`,
			`repeats: ${repeatsSent} events sent again → ${repeatsOk} answered 200; executions they started: ${repeatsRan}`,
		);

		// (2) a large recording downloaded by the trigger
		if (RECORDING_MIB > 0 && server.pid) {
			const size = RECORDING_MIB * 1024 * 1024;
			const recNode = triggerNode({
				credential,
				events: ['recording.completed'],
				options: { downloadRecordings: true, recordingFileTypes: ['MP4'] },
			});
			const recWf = await createWorkflow(session, { name: 'bench recording', nodes: [recNode] });
			await publishWorkflow(session, recWf);
			const recSender = sender(webhookUrls(server.baseUrl, recNode.webhookId).production);
			await recSender.validate();
			await new Promise((r) => setTimeout(r, 2_000));
			const pid = server.pid;
			const recordings: Array<{ answerMs: number; seconds: number; growthMiB: number }> = [];
			const checks: string[] = [];
			for (let round = 0; round < ROUNDS; round++) {
				const file = files.store.add({ size, contentType: 'video/mp4' });
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
					recordingCompleted(files.store, files.url, [{ file, file_type: 'MP4' }], {
						topic: 'Bench',
					}),
				);
				const executions = await waitForExecutions(session, recWf.id, round + 1, 30 * 60_000);
				const seconds = (performance.now() - t0) / 1000;
				clearInterval(sampler);
				const execution = executions[0];
				const [item] = await executionItems(session, execution.id, recNode.name);
				const stored = item.binary?.recording_0;
				let check = `execution ${execution.status}, no binary`;
				if (stored?.id) {
					const digest = await binaryDigest(session, stored.id);
					const expected = recordingSha256(file.seed, size);
					check =
						digest.bytes === size && digest.sha256 === expected
							? `execution ${execution.status}, ${digest.bytes} bytes, sha256 matches`
							: `execution ${execution.status}, ${digest.bytes} bytes, sha256 DIFFERS`;
				}
				checks.push(check);
				recordings.push({
					answerMs: delivery.attempts[0].ms,
					seconds,
					growthMiB: (peak - baseline) / 2 ** 20,
				});
			}
			out.push(
				`\n(2) ${RECORDING_MIB} MiB recording via recording.completed, ${ROUNDS} round(s), median (min–max): Zoom answered in ${spread(
					recordings.map((r) => r.answerMs),
					0,
				)} ms; stored after ${spread(
					recordings.map((r) => r.seconds),
					1,
				)} s (${spread(
					recordings.map((r) => RECORDING_MIB / r.seconds),
					0,
				)} MiB/s)`,
				`    n8n main process peak RSS growth ${spread(
					recordings.map((r) => r.growthMiB),
					0,
				)} MiB (sampled every 50 ms); ${[...new Set(checks)].join('; ')}; download token sent in a URL: ${files.store.tokensInQuery} times, to the storage host: ${files.store.credentialLeaks} times`,
			);
		}
		return out.join('\n');
	} finally {
		await server?.stop();
		await home?.cleanup();
		await collector.close();
		await files.close();
	}
}

if (require.main === module) {
	const cpus = os.cpus();
	console.log(
		`trigger bench — ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, n8n env ${JSON.stringify(n8nEnvFromBench())}`,
	);
	runTriggerBench().then(
		(report) => {
			console.log(report);
			process.exit(0);
		},
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}
