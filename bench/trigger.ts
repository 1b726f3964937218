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
	rest,
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
const RECORDING_MIB = Number(process.env.BENCH_TRIGGER_RECORDING_MIB ?? 1024);
const SECRET = 'benchZoomSecretToken_001';

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

function deliveryRow(side: Side, counts: Map<string, number>): string[] {
	const times = side.firstAttempts.map((a) => a.ms).sort((a, b) => a - b);
	const late = side.firstAttempts.filter((a) => a.failure).length;
	const keys = new Set(side.events.map((e) => String(e.event_ts)));
	let lost = 0;
	let duplicated = 0;
	for (const key of keys) {
		const n = counts.get(key) ?? 0;
		if (n === 0) lost++;
		if (n > 1) duplicated += n - 1;
	}
	return [
		side.label,
		String(side.deliveries),
		String(lost),
		String(duplicated),
		String(late),
		String(side.retried),
		percentile(times, 50).toFixed(1),
		percentile(times, 99).toFixed(1),
		times[times.length - 1].toFixed(1),
	];
}

function table(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

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
		const zoom: Side = {
			label: 'Zoom Workplace Trigger',
			sender: sender(webhookUrls(server.baseUrl, zoomNode.webhookId).production),
			firstAttempts: [],
			deliveries: 0,
			retried: 0,
			undelivered: 0,
			events: [],
		};
		const plain: Side = {
			label: "n8n's Webhook node",
			sender: sender(`${server.baseUrl}/webhook/${plainNode.webhookId}`),
			firstAttempts: [],
			deliveries: 0,
			retried: 0,
			undelivered: 0,
			events: [],
		};
		const control: Side = {
			label: 'Webhook node + 1 expression',
			sender: sender(`${server.baseUrl}/webhook/${controlNode.webhookId}`),
			firstAttempts: [],
			deliveries: 0,
			retried: 0,
			undelivered: 0,
			events: [],
		};
		control.sender.validated = true;
		if (!(await zoom.sender.validate()))
			throw new Error(`URL validation failed: ${JSON.stringify(zoom.sender.validations)}`);
		plain.sender.validated = true; // n8n's Webhook node has no validation to pass
		// warm-up, not counted: JIT, SQLite pages, the HTTP Request node's first load
		await Promise.all(
			Array.from({ length: 20 }, async () => {
				await zoom.sender.sendRaw({ body: meetingEvent('meeting.started') });
				await plain.sender.sendRaw({ body: meetingEvent('meeting.started') });
				await control.sender.sendRaw({ body: meetingEvent('meeting.started') });
			}),
		);
		await new Promise((r) => setTimeout(r, 3_000));
		collector.counts.zoom.clear();
		collector.counts.plain.clear();
		collector.counts.control.clear();

		const half = Math.ceil(EVENTS / 2);
		const batch = (n: number) => Array.from({ length: n }, () => meetingEvent('meeting.started'));
		const started = performance.now();
		for (const side of [zoom, plain, control, control, plain, zoom])
			await deliverAll(side, batch(side.deliveries === 0 ? half : EVENTS - half));
		const sendSeconds = (performance.now() - started) / 1000;
		await settle(collector.counts.zoom, zoom.events.length);
		await settle(collector.counts.plain, plain.events.length);
		await settle(collector.counts.control, control.events.length);
		// a repeat of every 10th event, sent again: each must be dropped (no new execution)
		const repeats = zoom.events.filter((_, i) => i % 10 === 0);
		const repeatAnswers = await Promise.all(
			repeats.map(async (event) => await zoom.sender.sendRaw({ body: event })),
		);
		await new Promise((r) => setTimeout(r, 3_000));
		const header = [
			'endpoint',
			'sent',
			'lost',
			'dup execs',
			'>3 s or not 2xx',
			'retried',
			'p50 ms',
			'p99 ms',
			'max ms',
		];
		out.push(
			`(1) ${EVENTS} deliveries per endpoint, ${CONCURRENCY} at a time, interleaved A-B-C-C-B-A (${sendSeconds.toFixed(1)} s of sending)`,
		);
		out.push(
			table(header, [
				deliveryRow(zoom, collector.counts.zoom),
				deliveryRow(plain, collector.counts.plain),
				deliveryRow(control, collector.counts.control),
			]),
		);
		const zoomTimes = zoom.firstAttempts.map((a) => a.ms).sort((a, b) => a - b);
		const plainTimes = plain.firstAttempts.map((a) => a.ms).sort((a, b) => a - b);
		const controlTimes = control.firstAttempts.map((a) => a.ms).sort((a, b) => a - b);
		out.push(
			`p99 ratio trigger/(Webhook node + 1 expression): ${(percentile(zoomTimes, 99) / percentile(controlTimes, 99)).toFixed(2)}; p50 ratio: ${(percentile(zoomTimes, 50) / percentile(controlTimes, 50)).toFixed(2)}`,
		);
		out.push(
			`p99 ratio trigger/Webhook node: ${(percentile(zoomTimes, 99) / percentile(plainTimes, 99)).toFixed(2)}; p50 ratio: ${(percentile(zoomTimes, 50) / percentile(plainTimes, 50)).toFixed(2)}`,
		);
		for (const [label, wf] of [
			['trigger', zoomWf],
			['Webhook node', plainWf],
			['Webhook node + expression', controlWf],
		] as const) {
			const res = await rest<{ count: number; results: Array<{ status: string }> }>(
				session,
				'GET',
				`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: wf.id }))}&limit=100`,
			);
			const statuses: Record<string, number> = {};
			for (const e of res.results) statuses[e.status] = (statuses[e.status] ?? 0) + 1;
			out.push(
				`n8n executions (${label}): ${res.count} in total; newest 100 by status ${JSON.stringify(statuses)}`,
			);
		}
		const repeatOk = repeatAnswers.filter((a) => a.status === 200).length;
		out.push(
			`repeats: ${repeats.length} events sent again → ${repeatOk} answered 200; duplicated executions after them: ${
				deliveryRow(zoom, collector.counts.zoom)[3]
			}`,
		);

		// (2) a large recording downloaded by the trigger
		if (RECORDING_MIB > 0 && server.pid) {
			const size = RECORDING_MIB * 1024 * 1024;
			const file = files.store.add({ size, contentType: 'video/mp4' });
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
			out.push(
				`\n(2) ${RECORDING_MIB} MiB recording via recording.completed: Zoom answered in ${delivery.attempts[0].ms.toFixed(0)} ms (attempts: ${delivery.attempts.length}); execution ${execution.status} after ${seconds.toFixed(1)} s (${(RECORDING_MIB / seconds).toFixed(0)} MiB/s); stored file: ${check}`,
			);
			out.push(
				`n8n main process RSS: before ${(baseline / 2 ** 20).toFixed(0)} MiB, peak ${(peak / 2 ** 20).toFixed(0)} MiB → peak growth ${((peak - baseline) / 2 ** 20).toFixed(0)} MiB (sampled every 50 ms)`,
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
