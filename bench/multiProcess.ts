/*
 * Multi-process benchmark: several n8n processes (queue-mode workers) sharing one Zoom account.
 *
 *   npm run bench                                  (these scenarios run after the others)
 *   node --import tsx bench/multiProcess.ts        (only these)
 *
 * Scenarios, each against a fresh simulator (one account, Medium limit BENCH_MP_LIMIT/s, latency
 * BENCH_MP_LATENCY_MS per answer), BENCH_MP_CREATES meeting creates per process:
 *   (m1) two OS processes, each executing the node through n8n-core (the integration harness),
 *        started together — each has its own rate limiter and token cache, as workers do;
 *   (m2) the same while an unknown third client creates meetings at half the limit;
 *   (m3) one real n8n 2.41.1 process (`n8n execute`, SQLite) — needs `npm run build` and
 *        `npm run n8n:install`; BENCH_MP_REAL_N8N=0 skips it (and m4);
 *   (m4) real n8n in queue mode: main + two workers, PostgreSQL and Redis, bulk executions
 *        started through a webhook (scripts/ensure-queue-services.sh installs the services).
 * Every scenario runs BENCH_MP_ROUNDS times (default BENCH_ROUNDS, else 3); the table gives the
 * median and min–max over the rounds. The figures are what this machine measured; nothing is
 * estimated.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import type { IDataObject } from 'n8n-workflow';
import { Agent, request } from 'undici';

import { startZoomSimulator, type ZoomSimulator, type ZoomUser } from '../test/simulator';
import { median, roundsFrom, spread, textTable } from './stats';

const S2S = 'zoomWorkplaceServerToServerOAuthApi';

function envNumber(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0)
		throw new Error(`${name} must be a number, got "${raw}"`);
	return value;
}

const LIMIT = envNumber('BENCH_MP_LIMIT', 40);
const LATENCY_MS = envNumber('BENCH_MP_LATENCY_MS', 100);
const CREATES = envNumber('BENCH_MP_CREATES', 400);
const HOSTS = 25;
const REAL_N8N = process.env.BENCH_MP_REAL_N8N !== '0';

export interface MultiProcessRow {
	scenario: string;
	processes: number;
	items: number;
	wallMs: number;
	/** Our admitted creates per second ÷ the limit. */
	ratio: number;
	requests: number;
	rateLimited: number;
	mints: number;
	lost: number;
	duplicated: number;
	note?: string;
}

interface ChildInput {
	apiBaseUrl: string;
	oauthBaseUrl: string;
	app: ZoomSimulator['defaultApp'];
	inputs: IDataObject[];
}

interface ChildOutput {
	startedAt: number;
	endedAt: number;
	outputs: IDataObject[];
}

// ── a child process: the node through n8n-core ────────────────────────────────────────────────

async function runChild(): Promise<void> {
	const { ZoomWorkplace } = await import('../nodes/ZoomWorkplace/ZoomWorkplace.node');
	const { CredentialsStore, executeNode } = await import('../test/integration/harness/core');
	const input = JSON.parse(process.env.BENCH_MP_CHILD ?? '{}') as ChildInput;
	const store = new CredentialsStore();
	const ref = store.add({
		type: S2S,
		data: {
			cloud: 'custom',
			apiBaseUrl: input.apiBaseUrl,
			oauthBaseUrl: input.oauthBaseUrl,
			...input.app,
		},
	});
	// Start together: the parent releases every child at the same moment.
	await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
	const startedAt = Date.now();
	const result = await executeNode({
		nodeType: new ZoomWorkplace(),
		parameters: {
			authentication: 'serverToServerOAuth',
			resource: 'meeting',
			operation: 'create',
			userId: { __rl: true, mode: 'id', value: '={{ $json.host }}' },
			topic: '={{ $json.topic }}',
			additionalFields: {},
			options: {},
		},
		credentials: { [S2S]: ref },
		inputItems: input.inputs,
		continueOnFail: true,
		credentialsStore: store,
	});
	const output: ChildOutput = {
		startedAt,
		endedAt: Date.now(),
		outputs: result.items.map(({ json }) => ({
			id: json.id,
			topic: json.topic,
			error: json.error,
		})),
	};
	// Exit only once the (piped, asynchronous) stdout has taken the whole line.
	await new Promise<void>((resolve) =>
		process.stdout.write(`BENCH_MP_RESULT ${JSON.stringify(output)}\n`, () => resolve()),
	);
}

interface Child {
	ready: Promise<void>;
	go(): void;
	done: Promise<ChildOutput>;
}

function startChild(input: ChildInput): Child {
	const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--child'], {
		cwd: path.resolve(__dirname, '..'),
		env: { ...process.env, BENCH_MP_CHILD: JSON.stringify(input) },
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	let stdout = '';
	let markReady!: () => void;
	const ready = new Promise<void>((resolve) => (markReady = resolve));
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	// The child is ready once it has loaded n8n-core (a second or two): give it time, then go.
	setTimeout(markReady, 4000);
	const done = new Promise<ChildOutput>((resolve, reject) =>
		child.on('close', (code) => {
			const line = stdout.split('\n').find((l) => l.startsWith('BENCH_MP_RESULT '));
			if (!line)
				reject(new Error(`bench child exited ${code} without a result:\n${stdout.slice(-2000)}`));
			else resolve(JSON.parse(line.slice('BENCH_MP_RESULT '.length)) as ChildOutput);
		}),
	);
	return { ready, go: () => child.stdin.end('go\n'), done };
}

// ── helpers ───────────────────────────────────────────────────────────────────────────────────

async function startSim(): Promise<{ sim: ZoomSimulator; hosts: ZoomUser[] }> {
	const sim = await startZoomSimulator({
		seed: false,
		latencyMs: LATENCY_MS,
		rateLimits: { medium: LIMIT },
	});
	const hosts = Array.from({ length: HOSTS }, (_, i) =>
		sim.state.addUser({ email: `mp-host${i}@bench.example.com`, first_name: `Host${i}` }),
	);
	return { sim, hosts };
}

function meetingInputs(hosts: ZoomUser[], count: number, prefix: string): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		host: hosts[i % hosts.length].id,
		topic: `${prefix} #${i}`,
	}));
}

function audit(
	sim: ZoomSimulator,
	inputs: IDataObject[],
	outputs: Array<IDataObject | undefined>,
): { lost: number; duplicated: number } {
	const byTopic = new Map<string, number[]>();
	for (const meeting of sim.state.meetings.values()) {
		byTopic.set(meeting.topic, [...(byTopic.get(meeting.topic) ?? []), meeting.id]);
	}
	let lost = 0;
	let duplicated = 0;
	inputs.forEach((input, index) => {
		const ids = byTopic.get(String(input.topic)) ?? [];
		duplicated += Math.max(0, ids.length - 1);
		const output = outputs[index];
		if (!output || output.error || !ids.includes(Number(output.id))) lost++;
	});
	return { lost, duplicated };
}

/** A client we know nothing about: creates meetings at `perSecond`, ignoring every header. */
async function otherClient(
	sim: ZoomSimulator,
	hosts: ZoomUser[],
	perSecond: number,
	stop: () => boolean,
	stats: { sent: number; admitted: number },
): Promise<void> {
	const dispatcher = new Agent({ connections: 16 });
	const { accountId, clientId, clientSecret } = sim.defaultApp;
	const tokenAnswer = await request(`${sim.oauthBaseUrl}/oauth/token`, {
		method: 'POST',
		dispatcher,
		headers: {
			authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: new URLSearchParams({
			grant_type: 'account_credentials',
			account_id: accountId,
		}).toString(),
	});
	const { access_token: token } = (await tokenAnswer.body.json()) as { access_token: string };
	let sent = 0;
	const inFlight: Array<Promise<void>> = [];
	const started = performance.now();
	while (!stop()) {
		const host = hosts[sent % hosts.length];
		sent++;
		stats.sent++;
		inFlight.push(
			request(`${sim.apiBaseUrl}/users/${host.id}/meetings`, {
				method: 'POST',
				dispatcher,
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify({ topic: `Other app #${sent}`, type: 2 }),
			}).then(async (answer) => {
				await answer.body.text();
				if (answer.statusCode < 400) stats.admitted++;
			}),
		);
		const next = started + (sent * 1000) / perSecond;
		await delay(Math.max(0, next - performance.now()));
	}
	await Promise.all(inFlight);
	await dispatcher.close();
}

// ── (m1), (m2): OS processes through n8n-core ─────────────────────────────────────────────────

async function processesThroughCore(withOther: boolean): Promise<MultiProcessRow> {
	const { sim, hosts } = await startSim();
	const otherHosts = withOther
		? Array.from({ length: HOSTS }, (_, i) =>
				sim.state.addUser({ email: `other${i}@bench.example.com` }),
			)
		: [];
	const inputsPerChild = [0, 1].map((p) => meetingInputs(hosts, CREATES, `Process ${p}`));
	const children = inputsPerChild.map((inputs) =>
		startChild({
			apiBaseUrl: sim.apiBaseUrl,
			oauthBaseUrl: sim.oauthBaseUrl,
			app: sim.defaultApp,
			inputs,
		}),
	);
	await Promise.all(children.map(async (c) => await c.ready));
	let finished = false;
	const otherStats = { sent: 0, admitted: 0 };
	const other = withOther
		? otherClient(sim, otherHosts, LIMIT / 2, () => finished, otherStats)
		: Promise.resolve();
	// Let the other client take its share of a window first, as an app already busy would.
	if (withOther) await delay(1000);
	sim.resetCounters();
	const before = { ...otherStats };
	for (const child of children) child.go();
	const results = await Promise.all(children.map(async (c) => await c.done));
	finished = true;
	const counters = { ...sim.counters };
	const sent = otherStats.sent - before.sent;
	const admitted = otherStats.admitted - before.admitted;
	await other;
	const startedAt = Math.min(...results.map((r) => r.startedAt));
	const endedAt = Math.max(...results.map((r) => r.endedAt));
	const wallMs = endedAt - startedAt;
	const inputs = inputsPerChild.flat();
	const outputs = results.flatMap((r) => r.outputs);
	const items = inputs.length;
	const ours429 = counters.rateLimited - (sent - admitted);
	const row: MultiProcessRow = {
		scenario: withOther ? 'two processes + other app at ½ limit' : 'two processes, one account',
		processes: 2,
		items,
		wallMs,
		ratio: items / (wallMs / 1000) / LIMIT,
		requests: counters.totalApiRequests - sent,
		rateLimited: Math.max(0, ours429),
		mints: counters.tokenMints,
		...audit(sim, inputs, outputs),
	};
	if (withOther) {
		const otherRate = admitted / (wallMs / 1000);
		row.note = `other app admitted ${otherRate.toFixed(1)}/s; ours used ${(items / (wallMs / 1000) / (LIMIT - otherRate)).toFixed(3)} of what it left`;
	}
	await sim.close();
	return row;
}

// ── (m3): one real n8n process ────────────────────────────────────────────────────────────────

async function realN8nOneProcess(): Promise<MultiProcessRow> {
	const harness = await import('../test/e2e/harness/n8n');
	const { itemsNode, rl, zoomNode } = await import('../test/e2e/flows/zoomFlows');
	const { sim, hosts } = await startSim();
	const home = await harness.createN8nHome();
	try {
		const [credential] = await harness.importCredentials(home, [
			{
				name: 'Zoom S2S (bench)',
				type: S2S,
				data: {
					...sim.defaultApp,
					cloud: 'custom',
					apiBaseUrl: sim.apiBaseUrl,
					oauthBaseUrl: sim.oauthBaseUrl,
				},
			},
		]);
		const inputs = meetingInputs(hosts, CREATES, 'Real n8n');
		const ref = {
			authentication: 'serverToServerOAuth' as const,
			id: credential.id,
			name: credential.name,
		};
		const id = await harness.importWorkflow(home, {
			nodes: [
				{
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					parameters: {},
					position: [0, 0],
				},
				{ ...itemsNode('Items', inputs), position: [240, 0] },
				{
					...zoomNode('Zoom', ref, {
						resource: 'meeting',
						operation: 'create',
						userId: rl('={{ $json.host }}'),
						topic: '={{ $json.topic }}',
						additionalFields: {},
					}),
					position: [480, 0],
				},
			],
			connections: {
				Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
				Items: { main: [[{ node: 'Zoom', type: 'main', index: 0 }]] },
			},
		});
		sim.resetCounters();
		const run = await harness.executeWorkflow(home, id, { timeoutMs: 600_000 });
		const zoomRun = run.data.resultData.runData.Zoom?.[0] as { executionTime?: number } | undefined;
		const wallMs = zoomRun?.executionTime ?? NaN;
		const outputs = harness.nodeOutput(run, 'Zoom');
		const counters = sim.counters;
		return {
			scenario: 'one real n8n process',
			processes: 1,
			items: inputs.length,
			wallMs,
			ratio: inputs.length / (wallMs / 1000) / LIMIT,
			requests: counters.totalApiRequests,
			rateLimited: counters.rateLimited,
			mints: counters.tokenMints,
			...audit(sim, inputs, outputs as IDataObject[]),
			note: "wall = the Zoom node's executionTime in n8n's run data",
		};
	} finally {
		await home.cleanup();
		await sim.close();
	}
}

// ── (m4): real n8n in queue mode ──────────────────────────────────────────────────────────────

async function realN8nQueueMode(): Promise<MultiProcessRow> {
	const harness = await import('../test/e2e/harness/n8n');
	const queue = await import('../test/e2e/harness/queue');
	const { rl, zoomNode } = await import('../test/e2e/flows/zoomFlows');
	queue.ensureQueueServices();
	const { sim, hosts } = await startSim();
	const [postgres, redis] = await Promise.all([queue.startPostgres(), queue.startRedis()]);
	const env = queue.queueModeEnv(postgres, redis);
	const homes = [
		await harness.createN8nHome(),
		await harness.createN8nHome(),
		await harness.createN8nHome(),
	];
	const stops: Array<() => Promise<void>> = [];
	try {
		const [credential] = await queue.importQueueCredentials(homes[0], env, [
			{
				name: 'Zoom S2S (bench)',
				type: S2S,
				data: {
					...sim.defaultApp,
					cloud: 'custom',
					apiBaseUrl: sim.apiBaseUrl,
					oauthBaseUrl: sim.oauthBaseUrl,
				},
			},
		]);
		const ref = {
			authentication: 'serverToServerOAuth' as const,
			id: credential.id,
			name: credential.name,
		};
		const workflowId = await queue.importAndPublishWorkflow(homes[0], env, {
			nodes: [
				{
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: randomUUID(),
					position: [0, 0],
					parameters: {
						httpMethod: 'POST',
						path: 'bench-bulk',
						responseMode: 'onReceived',
						options: {},
					},
				},
				{
					name: 'Split Out',
					type: 'n8n-nodes-base.splitOut',
					typeVersion: 1,
					position: [240, 0],
					parameters: { fieldToSplitOut: 'body.items', options: {} },
				},
				{
					...zoomNode('Zoom', ref, {
						resource: 'meeting',
						operation: 'create',
						userId: rl('={{ $json.host }}'),
						topic: '={{ $json.topic }}',
						additionalFields: {},
					}),
					position: [480, 0],
				},
			],
			connections: {
				Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
				'Split Out': { main: [[{ node: 'Zoom', type: 'main', index: 0 }]] },
			},
		});
		const main = await harness.startN8nServer(homes[0], { env, timeoutMs: 240_000 });
		stops.push(main.stop);
		const workers = [];
		for (const home of homes.slice(1)) {
			const worker = await queue.startN8nWorker(home, env, { concurrency: 10 });
			stops.push(worker.stop);
			workers.push(worker);
		}
		const session = await harness.setupOwner(main);
		// Two executions of CREATES items each: one per worker, both at once.
		const batches = [0, 1].map((b) => meetingInputs(hosts, CREATES, `Queue ${b}`));
		sim.resetCounters();
		await Promise.all(
			batches.map(async (items) => {
				const answer = await fetch(`${main.baseUrl}/webhook/bench-bulk`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ items }),
				});
				if (answer.status !== 200) throw new Error(`webhook answered ${answer.status}`);
			}),
		);
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		let list: Array<{ id: string; status: string }> = [];
		for (;;) {
			list = (
				await harness.rest<{ results: Array<{ id: string; status: string }> }>(
					session,
					'GET',
					`/rest/executions?filter=${filter}&limit=10`,
				)
			).results;
			if (list.length >= 2 && list.every((e) => !['new', 'running', 'waiting'].includes(e.status)))
				break;
			await delay(500);
		}
		let startedAt = Infinity;
		let endedAt = 0;
		const outputs: IDataObject[] = [];
		const inputs: IDataObject[] = [];
		for (const summary of list) {
			const full = await harness.rest<{ data: string }>(
				session,
				'GET',
				`/rest/executions/${summary.id}`,
			);
			const run = queue.parseFlatted(full.data) as {
				resultData: {
					runData: Record<
						string,
						Array<{
							startTime: number;
							executionTime: number;
							data?: { main?: Array<Array<{ json: IDataObject }>> };
						}>
					>;
				};
			};
			const zoom = run.resultData.runData.Zoom?.[0];
			if (!zoom) throw new Error(`execution ${summary.id} did not run the Zoom node`);
			startedAt = Math.min(startedAt, zoom.startTime);
			endedAt = Math.max(endedAt, zoom.startTime + zoom.executionTime);
			inputs.push(
				...(run.resultData.runData['Split Out']?.[0]?.data?.main?.[0] ?? []).map((i) => i.json),
			);
			outputs.push(...(zoom.data?.main?.[0] ?? []).map((i) => i.json));
		}
		const ran = workers.map((w) => w.events.filter((e) => /started execution/.test(e.line)).length);
		const wallMs = endedAt - startedAt;
		const counters = sim.counters;
		return {
			scenario: 'real n8n queue mode, 2 workers',
			processes: 2,
			items: inputs.length,
			wallMs,
			ratio: inputs.length / (wallMs / 1000) / LIMIT,
			requests: counters.totalApiRequests,
			rateLimited: counters.rateLimited,
			mints: counters.tokenMints,
			...audit(sim, inputs, outputs),
			note: `executions per worker: ${ran.join(' + ')}; wall = first Zoom node start to last end`,
		};
	} finally {
		for (const stop of stops.reverse()) await stop();
		await Promise.all([postgres.stop(), redis.stop()]);
		for (const home of homes) await home.cleanup();
		await sim.close();
	}
}

// ── report ────────────────────────────────────────────────────────────────────────────────────

/** One line per scenario: median (min–max) over its rounds; lost and dup: totals. */
export function multiProcessTable(rows: MultiProcessRow[]): string {
	const groups = new Map<string, MultiProcessRow[]>();
	for (const row of rows) groups.set(row.scenario, [...(groups.get(row.scenario) ?? []), row]);
	const header = [
		'scenario',
		'procs',
		'items',
		'rounds',
		'wall s',
		'ratio',
		'requests',
		'429s',
		'mints',
		'lost',
		'dup',
	];
	const body = [...groups.values()].map((rounds) => {
		const [first] = rounds;
		return [
			first.scenario,
			String(first.processes),
			String(first.items),
			String(rounds.length),
			spread(
				rounds.map((r) => r.wallMs / 1000),
				1,
			),
			spread(
				rounds.map((r) => r.ratio),
				3,
			),
			String(median(rounds.map((r) => r.requests))),
			spread(
				rounds.map((r) => r.rateLimited),
				0,
			),
			spread(
				rounds.map((r) => r.mints),
				0,
			),
			String(rounds.reduce((n, r) => n + r.lost, 0)),
			String(rounds.reduce((n, r) => n + r.duplicated, 0)),
		];
	});
	const notes = [...groups.values()]
		.filter((rounds) => rounds.some((r) => r.note))
		.map((rounds) => {
			const notes = [...new Set(rounds.map((r) => r.note ?? ''))];
			return notes.length === 1
				? `  ${rounds[0].scenario}: ${notes[0]}`
				: `  ${rounds[0].scenario}, per round: ${notes.join(' | ')}`;
		});
	return [textTable(header, body), ...notes].join('\n');
}

/** Runs every multi-process scenario BENCH_MP_ROUNDS times; `step` reports progress. */
export async function runMultiProcessBench(
	step: (label: string, work: () => Promise<unknown>) => Promise<void>,
): Promise<string> {
	const rounds = roundsFrom('BENCH_MP_ROUNDS', 3);
	const rows: MultiProcessRow[] = [];
	const add = (work: () => Promise<MultiProcessRow>) => async () => rows.push(await work());
	for (let round = 1; round <= rounds; round++) {
		console.log(`multi-process round ${round} of ${rounds}`);
		await step(
			`(m1) two processes, ${CREATES} creates each`,
			add(async () => await processesThroughCore(false)),
		);
		await step(
			`(m2) two processes + other app at ½ limit`,
			add(async () => await processesThroughCore(true)),
		);
		if (REAL_N8N) {
			await step(`(m3) one real n8n process, ${CREATES} creates`, add(realN8nOneProcess));
			await step(`(m4) real n8n queue mode, 2 × ${CREATES} creates`, add(realN8nQueueMode));
		}
	}
	return [
		`multi-process: one account, Medium limit ${LIMIT}/s, latency ${LATENCY_MS} ms per answer, ${CREATES} creates per process; median (min–max) over ${rounds} round(s), lost and dup: totals`,
		multiProcessTable(rows),
		'ratio = our items per second of wall time ÷ the limit (m2: the other app uses about half of it)',
	].join('\n');
}

if (require.main === module) {
	if (process.argv.includes('--child')) {
		runChild().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	} else {
		const step = async (label: string, work: () => Promise<unknown>) => {
			process.stdout.write(`  ${label} … `);
			const t = performance.now();
			await work();
			console.log(`${((performance.now() - t) / 1000).toFixed(1)} s`);
		};
		runMultiProcessBench(step).then(
			(report) => {
				console.log(`\n${report}`);
				process.exit(0);
			},
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	}
}
