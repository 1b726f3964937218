/*
 * Throughput benchmark: bulk work against the Zoom simulator at a simulated account limit.
 *
 *   npm run bench            (= node --import tsx bench/run.ts)
 *
 * Every run starts a fresh simulator with injected latency and Zoom's per-second limits of the
 * chosen plan, and compares
 *   (a) this node, executed by real n8n-core (the integration-test harness), default options;
 *   (b) a sequential client: one request per round trip, nothing in parallel;
 *   (c) a raw undici client with a pool of connections, paced at exactly the plan's limit.
 * It also counts the requests the node needs to list 10,000 users and the token mints for 50
 * concurrent first calls. Every scenario runs BENCH_ROUNDS times; the report gives the median and
 * the spread (min–max) over the rounds. The numbers are what this machine measured; nothing is
 * estimated.
 *
 * Environment (defaults in brackets):
 *   BENCH_ROUNDS          rounds of every scenario (also the default of the
 *                         other benchmarks' own *_ROUNDS variables)         [3]
 *   BENCH_PLAN            business | pro                                   [business]
 *   BENCH_LATENCY_MS      simulated latency of every answer, ms             [50]
 *   BENCH_CREATES         meeting creates per client                        [2000]
 *   BENCH_GETS            user gets per client                              [2000]
 *   BENCH_BASELINE_ITEMS  items of the sequential baseline (slow by design) [300]
 *   BENCH_HOSTS           host users the creates are spread over            [25]
 *   BENCH_LIST_USERS      users in the account for the listing run          [10000]
 *   BENCH_FIRST_CALLS     concurrent first calls for the token-mint count   [50]
 *   BENCH_CONCURRENCY     the node's "Max Concurrent Requests" option       [node default]
 *   BENCH_RAW_POOL        connections of the raw undici client              [32]
 *   BENCH_REGISTRANTS     registrants approved / added (bench/registrants.ts) [1000]
 *   BENCH_RECORDINGS      0: skip the recordings part (bench/recordings.ts) [1]
 *   BENCH_MULTI           0 skips the multi-process scenarios (bench/multiProcess.ts)  [1]
 *   BENCH_TRIGGER         0 skips the trigger benchmark (bench/trigger.ts)  [on]
 *   BENCH_WS              0 skips the WebSocket trigger benchmark (bench/webSocketTrigger.ts) [on]
 */
import os from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';

import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { Agent, request } from 'undici';

import { clearServerToServerTokenCache } from '../nodes/core/transport/serverToServerToken';
import { recordingsBench } from './recordings';
import { runMultiProcessBench } from './multiProcess';
import { ZoomWorkplace } from '../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { CredentialsStore, credentialsHelperFor, executeNode } from '../test/integration/harness/core';
import { addServerToServerCredential, rl, S2S } from '../test/fixtures/zoom';
import { startZoomSimulator } from '../test/simulator';
import { registrantBenchmark } from './registrants';
import { describeViolations, takePendingViolations } from '../test/simulator/spec';
import { median, roundsFrom, spread, textTable } from './stats';
import { runTriggerBench } from './trigger';
import { runWebSocketTriggerBench } from './webSocketTrigger';
import type { ZoomSimulator, ZoomUser } from '../test/simulator';

type Category = 'light' | 'medium' | 'heavy';

const PLANS: Record<string, { label: string; limits: Record<Category, number> }> = {
	business: { label: 'Business', limits: { light: 80, medium: 60, heavy: 40 } },
	pro: { label: 'Pro', limits: { light: 30, medium: 20, heavy: 10 } },
};

function envNumber(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0)
		throw new Error(`${name} must be a number, got "${raw}"`);
	return value;
}

const planName = (process.env.BENCH_PLAN ?? 'business').toLowerCase();
const PLAN = PLANS[planName];
if (!PLAN) throw new Error(`BENCH_PLAN must be one of ${Object.keys(PLANS).join(', ')}`);
const LATENCY_MS = envNumber('BENCH_LATENCY_MS', 50);
const CREATES = envNumber('BENCH_CREATES', 2000);
const GETS = envNumber('BENCH_GETS', 2000);
const BASELINE_ITEMS = envNumber('BENCH_BASELINE_ITEMS', 300);
const HOSTS = Math.max(1, envNumber('BENCH_HOSTS', 25));
const LIST_USERS = envNumber('BENCH_LIST_USERS', 10_000);
const FIRST_CALLS = envNumber('BENCH_FIRST_CALLS', 50);
const CONCURRENCY = process.env.BENCH_CONCURRENCY ? envNumber('BENCH_CONCURRENCY', 10) : undefined;
const RAW_POOL = Math.max(1, envNumber('BENCH_RAW_POOL', 32));
const REGISTRANTS = envNumber('BENCH_REGISTRANTS', 1000);
const ROUNDS = roundsFrom('BENCH_ROUNDS', 3);

interface Row {
	scenario: string;
	client: string;
	items: number;
	requests: number;
	wallMs: number;
	/** Requests Zoom admitted (not answered 429). */
	admitted: number;
	limit: number;
	rateLimited: number;
	retries: number;
	mints: number;
	lost: number;
	duplicated: number;
}

const rows: Row[] = [];

interface Bench {
	sim: ZoomSimulator;
	hosts: ZoomUser[];
	close: () => Promise<void>;
}

async function startBench(): Promise<Bench> {
	const sim = await startZoomSimulator({
		seed: false,
		latencyMs: LATENCY_MS,
		rateLimits: PLAN.limits,
	});
	const hosts = Array.from({ length: HOSTS }, (_, i) =>
		sim.state.addUser({ email: `host${i}@bench.example.com`, first_name: `Host${i}` }),
	);
	return { sim, hosts, close: async () => await sim.close() };
}

function meetingRows(hosts: ZoomUser[], count: number): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		host: hosts[i % hosts.length].id,
		topic: `Bench meeting #${i}`,
	}));
}

function readerRows(sim: ZoomSimulator, count: number): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		userId: sim.state.addUser({ email: `reader${i}@bench.example.com` }).id,
	}));
}

/** Creates lost (no meeting for an item that reported success) and duplicated (a topic made twice). */
function auditCreates(
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
		if (!output || output.error || ids.length === 0 || !ids.includes(Number(output.id))) lost++;
	});
	return { lost, duplicated };
}

function auditGets(inputs: IDataObject[], outputs: Array<IDataObject | undefined>): number {
	return inputs.filter((input, index) => outputs[index]?.id !== input.userId).length;
}

// ── (a) the node, through n8n-core ────────────────────────────────────────────────────────────

async function runNode(
	bench: Bench,
	parameters: INodeParameters,
	inputItems: IDataObject[],
	options: IDataObject = {},
	store = new CredentialsStore(),
	ref?: { id: string; name: string },
) {
	const { sim } = bench;
	const credential = ref ?? addServerToServerCredential(store, sim);
	const started = performance.now();
	const result = await executeNode({
		nodeType: new ZoomWorkplace(),
		parameters: {
			authentication: 'serverToServerOAuth',
			...parameters,
			options: {
				...(CONCURRENCY !== undefined ? { maxConcurrency: CONCURRENCY } : {}),
				...options,
			},
		},
		credentials: { [S2S]: credential },
		inputItems,
		continueOnFail: true,
		credentialsStore: store,
	});
	const wallMs = performance.now() - started;
	if (result.error) throw new Error(`the node failed: ${result.error.message}`);
	return { result, wallMs, store, ref: credential };
}

function nodeRow(
	bench: Bench,
	scenario: string,
	items: number,
	wallMs: number,
	limit: number,
	audit: { lost: number; duplicated: number },
): Row {
	const c = bench.sim.counters;
	return {
		scenario,
		client: 'n8n node',
		items,
		requests: c.totalApiRequests,
		wallMs,
		admitted: c.totalApiRequests - c.rateLimited,
		limit,
		rateLimited: c.rateLimited,
		retries: c.totalApiRequests - items,
		mints: c.tokenMints,
		...audit,
	};
}

async function nodeCreates(): Promise<void> {
	const bench = await startBench();
	clearServerToServerTokenCache();
	const inputs = meetingRows(bench.hosts, CREATES);
	const { result, wallMs } = await runNode(
		bench,
		{
			resource: 'meeting',
			operation: 'create',
			userId: rl('={{ $json.host }}'),
			topic: '={{ $json.topic }}',
			additionalFields: {},
		},
		inputs,
	);
	const outputs = result.items.map((item) => item.json);
	rows.push(
		nodeRow(
			bench,
			'meeting create',
			CREATES,
			wallMs,
			PLAN.limits.medium,
			auditCreates(bench.sim, inputs, outputs),
		),
	);
	await bench.close();
}

async function nodeGets(): Promise<void> {
	const bench = await startBench();
	clearServerToServerTokenCache();
	const inputs = readerRows(bench.sim, GETS);
	const { result, wallMs } = await runNode(
		bench,
		{
			resource: 'user',
			operation: 'get',
			userId: rl('={{ $json.userId }}'),
		},
		inputs,
	);
	const outputs = result.items.map((item) => item.json);
	rows.push(
		nodeRow(bench, 'user get', GETS, wallMs, PLAN.limits.light, {
			lost: auditGets(inputs, outputs),
			duplicated: 0,
		}),
	);
	await bench.close();
}

// ── (b) and (c): plain HTTP clients ───────────────────────────────────────────────────────────

interface Call {
	method: 'GET' | 'POST';
	path: string;
	body?: IDataObject;
}

interface RawStats {
	requests: number;
	rateLimited: number;
	retries: number;
}

async function mintToken(sim: ZoomSimulator, dispatcher: Agent): Promise<string> {
	const { accountId, clientId, clientSecret } = sim.defaultApp;
	const response = await request(`${sim.oauthBaseUrl}/oauth/token`, {
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
	const body = (await response.body.json()) as { access_token: string };
	return body.access_token;
}

/** Sends one call; on a 429 waits for the next one-second window and sends it again. */
async function send(
	sim: ZoomSimulator,
	dispatcher: Agent,
	token: string,
	call: Call,
	stats: RawStats,
	beforeRetry: () => Promise<void> = async () => {},
): Promise<IDataObject | undefined> {
	for (let attempt = 0; attempt < 20; attempt++) {
		stats.requests++;
		const response = await request(`${sim.apiBaseUrl}${call.path}`, {
			method: call.method,
			dispatcher,
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: call.body ? JSON.stringify(call.body) : undefined,
		});
		const text = await response.body.text();
		if (response.statusCode === 429) {
			stats.rateLimited++;
			stats.retries++;
			await delay(1000 - (Date.now() % 1000) + 5);
			await beforeRetry();
			continue;
		}
		if (response.statusCode >= 400) return undefined;
		return text ? (JSON.parse(text) as IDataObject) : {};
	}
	return undefined;
}

async function sequential(calls: Call[], sim: ZoomSimulator, dispatcher: Agent, stats: RawStats) {
	const token = await mintToken(sim, dispatcher);
	const outputs: Array<IDataObject | undefined> = [];
	for (const call of calls) outputs.push(await send(sim, dispatcher, token, call, stats));
	return outputs;
}

/** A pool of `RAW_POOL` workers; request k leaves at start + k / limit seconds. */
async function paced(
	calls: Call[],
	limit: number,
	sim: ZoomSimulator,
	dispatcher: Agent,
	stats: RawStats,
) {
	const token = await mintToken(sim, dispatcher);
	const outputs = new Array<IDataObject | undefined>(calls.length);
	const interval = 1000 / limit;
	let nextSlot = performance.now();
	const slot = async () => {
		const at = Math.max(nextSlot, performance.now());
		nextSlot = at + interval;
		const wait = at - performance.now();
		if (wait > 0) await delay(wait);
	};
	let next = 0;
	const worker = async () => {
		while (next < calls.length) {
			const index = next++;
			await slot();
			outputs[index] = await send(sim, dispatcher, token, calls[index], stats, slot);
		}
	};
	await Promise.all(Array.from({ length: Math.min(RAW_POOL, calls.length) }, worker));
	return outputs;
}

async function rawClient(
	client: 'sequential' | 'undici paced',
	scenario: 'meeting create' | 'user get',
	items: number,
): Promise<void> {
	const bench = await startBench();
	const { sim } = bench;
	const dispatcher = new Agent({
		connections: client === 'sequential' ? 1 : RAW_POOL,
		pipelining: 1,
	});
	const stats: RawStats = { requests: 0, rateLimited: 0, retries: 0 };
	let inputs: IDataObject[];
	let calls: Call[];
	if (scenario === 'meeting create') {
		inputs = meetingRows(bench.hosts, items);
		calls = inputs.map((input) => ({
			method: 'POST',
			path: `/users/${String(input.host)}/meetings`,
			body: { topic: input.topic, type: 2 },
		}));
	} else {
		inputs = readerRows(sim, items);
		calls = inputs.map((input) => ({ method: 'GET', path: `/users/${String(input.userId)}` }));
	}
	const limit = scenario === 'meeting create' ? PLAN.limits.medium : PLAN.limits.light;
	const started = performance.now();
	const outputs =
		client === 'sequential'
			? await sequential(calls, sim, dispatcher, stats)
			: await paced(calls, limit, sim, dispatcher, stats);
	const wallMs = performance.now() - started;
	const audit =
		scenario === 'meeting create'
			? auditCreates(sim, inputs, outputs)
			: { lost: auditGets(inputs, outputs), duplicated: 0 };
	rows.push({
		scenario,
		client,
		items,
		requests: stats.requests,
		wallMs,
		admitted: stats.requests - stats.rateLimited,
		limit,
		rateLimited: stats.rateLimited,
		retries: stats.retries,
		mints: sim.counters.tokenMints,
		...audit,
	});
	await dispatcher.close();
	await bench.close();
}

// ── requests to list 10,000 users; token mints for 50 concurrent first calls ─────────────────

async function listUsers() {
	const bench = await startBench();
	clearServerToServerTokenCache();
	// The account owner and the hosts already exist.
	const existing = bench.sim.state.usersOf('sim-account').length;
	for (let i = existing; i < LIST_USERS; i++) {
		bench.sim.state.addUser({ email: `member${i}@bench.example.com` });
	}
	const total = bench.sim.state.usersOf('sim-account').length;
	const { result, wallMs } = await runNode(
		bench,
		{ resource: 'user', operation: 'getAll', returnAll: true, filters: {} },
		[{}],
	);
	const requests = bench.sim.counters.requests['GET /v2/users'] ?? 0;
	await bench.close();
	return { total, items: result.items.length, requests, seconds: wallMs / 1000 };
}

type Listing = Awaited<ReturnType<typeof listUsers>>;

function listingLine(list: Listing[]): string {
	const { total } = list[0];
	const target = Math.ceil(total / 300);
	const counts = (pick: (l: Listing) => number) => [...new Set(list.map(pick))].join(' / ');
	return `List ${total.toLocaleString('en')} users ("Return All"): ${counts((l) => l.items)} items, ${counts((l) => l.requests)} requests (target ${target} = ⌈${total} / 300⌉), ${spread(
		list.map((l) => l.seconds),
		1,
	)} s`;
}

async function firstCalls() {
	const bench = await startBench();
	const { sim } = bench;
	// A fast account for this run, so the calls are really under way together instead of paced.
	sim.setRateLimits({ light: 1000, medium: 1000, heavy: 1000 });
	clearServerToServerTokenCache();
	// One call teaches the shared scheduler the account's limits (it also mints a token)…
	const warm = await runNode(bench, { resource: 'user', operation: 'get', userId: rl('me') }, [{}]);
	// …then the same credential starts over without a token, as after a restart of n8n.
	clearServerToServerTokenCache();
	const store = new CredentialsStore();
	const ref = store.add({
		id: warm.ref.id,
		name: warm.ref.name,
		type: S2S,
		data: { ...warm.store.data(warm.ref.id), accessToken: '' },
	});
	sim.resetCounters();
	const inputs = readerRows(sim, FIRST_CALLS);
	const { result } = await runNode(
		bench,
		{
			resource: 'user',
			operation: 'get',
			userId: rl('={{ $json.userId }}'),
		},
		inputs,
		{ maxConcurrency: Math.min(50, FIRST_CALLS) },
		store,
		ref,
	);
	const ok = result.items.filter((item) => !item.json.error).length;
	const asked = credentialsHelperFor(store).counters.preAuthenticationRuns;
	const mints = sim.counters.tokenMints;
	const inFlight = sim.counters.maxConcurrent;
	await bench.close();
	return { mints, asked, inFlight, ok };
}

type FirstCalls = Awaited<ReturnType<typeof firstCalls>>;

function firstCallsLine(list: FirstCalls[]): string {
	const values = (pick: (f: FirstCalls) => number) => list.map(pick).join(', ');
	return `${FIRST_CALLS} concurrent first calls (fresh credential, limits raised to 1000/s for this run), per round: token mints ${values((f) => f.mints)} (target 1); calls that asked the credential for a token ${values((f) => f.asked)}; API requests in flight at most ${values((f) => f.inFlight)}; succeeded ${values((f) => f.ok)} of ${FIRST_CALLS}`;
}

// ── report ────────────────────────────────────────────────────────────────────────────────────

/** One line per scenario and client: median (min–max) over the rounds; lost and dup: totals. */
function table(list: Row[]): string {
	const groups = new Map<string, Row[]>();
	for (const row of list) {
		const key = `${row.scenario}\u0000${row.client}`;
		groups.set(key, [...(groups.get(key) ?? []), row]);
	}
	const header = [
		'scenario',
		'client',
		'items',
		'rounds',
		'requests',
		'wall s',
		'req/s',
		'limit/s',
		'ratio',
		'429s',
		'retries',
		'mints',
		'lost',
		'dup',
	];
	const body = [...groups.values()].map((rounds) => {
		const [first] = rounds;
		const perSecond = (r: Row) => r.admitted / (r.wallMs / 1000);
		const total = (pick: (r: Row) => number) => String(rounds.reduce((n, r) => n + pick(r), 0));
		return [
			first.scenario,
			first.client,
			String(first.items),
			String(rounds.length),
			String(median(rounds.map((r) => r.requests))),
			spread(
				rounds.map((r) => r.wallMs / 1000),
				1,
			),
			spread(rounds.map(perSecond), 1),
			String(first.limit),
			spread(
				rounds.map((r) => perSecond(r) / r.limit),
				3,
			),
			spread(
				rounds.map((r) => r.rateLimited),
				0,
			),
			spread(
				rounds.map((r) => r.retries),
				0,
			),
			spread(
				rounds.map((r) => r.mints),
				0,
			),
			total((r) => r.lost),
			total((r) => r.duplicated),
		];
	});
	return textTable(header, body, 2);
}

async function main(): Promise<void> {
	const cpus = os.cpus();
	console.log('n8n-nodes-zoom bench');
	console.log(
		`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}`,
	);
	const limits = PLAN.limits;
	console.log(
		`simulated account: Zoom ${PLAN.label} plan (light ${limits.light}/s, medium ${limits.medium}/s, heavy ${limits.heavy}/s), latency ${LATENCY_MS} ms per answer, creates spread over ${HOSTS} hosts`,
	);
	console.log(
		`node options: Max Concurrent Requests ${CONCURRENCY ?? '10 (default)'}; raw undici pool: ${RAW_POOL} connections\n`,
	);
	const started = performance.now();
	const step = async (label: string, work: () => Promise<unknown>) => {
		process.stdout.write(`  ${label} … `);
		const t = performance.now();
		await work();
		console.log(`${((performance.now() - t) / 1000).toFixed(1)} s`);
	};
	const listings: Listing[] = [];
	const firsts: FirstCalls[] = [];
	for (let round = 1; round <= ROUNDS; round++) {
		console.log(`round ${round} of ${ROUNDS}`);
		if (CREATES > 0) await step(`(a) node: ${CREATES} meeting creates`, nodeCreates);
		if (GETS > 0) await step(`(a) node: ${GETS} user gets`, nodeGets);
		if (BASELINE_ITEMS > 0) {
			await step(
				`(b) sequential: ${BASELINE_ITEMS} meeting creates`,
				async () => await rawClient('sequential', 'meeting create', BASELINE_ITEMS),
			);
			await step(
				`(b) sequential: ${BASELINE_ITEMS} user gets`,
				async () => await rawClient('sequential', 'user get', BASELINE_ITEMS),
			);
		}
		if (CREATES > 0)
			await step(
				`(c) undici paced: ${CREATES} meeting creates`,
				async () => await rawClient('undici paced', 'meeting create', CREATES),
			);
		if (GETS > 0)
			await step(
				`(c) undici paced: ${GETS} user gets`,
				async () => await rawClient('undici paced', 'user get', GETS),
			);
		if (LIST_USERS > 0)
			await step(`node: list ${LIST_USERS} users`, async () => listings.push(await listUsers()));
		if (FIRST_CALLS > 0)
			await step(`node: ${FIRST_CALLS} concurrent first calls`, async () =>
				firsts.push(await firstCalls()),
			);
	}

	let registrants = '';
	if (REGISTRANTS > 0)
		await step(
			`node: approve and add ${REGISTRANTS} registrants`,
			async () =>
				(registrants = await registrantBenchmark({
					count: REGISTRANTS,
					latencyMs: LATENCY_MS,
					plans: [{ label: PLAN.label, limits: PLAN.limits }],
				})),
		);
	let recordings = '';
	if (process.env.BENCH_RECORDINGS !== '0')
		await step(
			'recordings: 1 GiB download, a year of listings',
			async () => (recordings = await recordingsBench()),
		);

	console.log('');
	console.log(`median (min–max) over ${ROUNDS} round(s); lost and dup: totals over the rounds`);
	console.log(table(rows));
	console.log('');
	console.log(
		'req/s = requests Zoom admitted (not 429) per second of wall time, start of the run to its last answer',
	);
	console.log(
		"ratio = req/s ÷ the plan's limit for the category (meeting create: medium; user get: light)",
	);
	console.log(
		'retries = requests − items; lost = items without their object; dup = objects created twice',
	);
	if (listings.length) console.log(`\n${listingLine(listings)}`);
	if (firsts.length) console.log(firstCallsLine(firsts));
	if (registrants) console.log(`\n${registrants}`);
	if (recordings) console.log(`\n${recordings}`);
	// Every request of every client was also checked against Zoom's OpenAPI spec by the simulator.
	const violations = takePendingViolations();
	console.log(
		violations.length === 0
			? "\nEvery request validated against Zoom's OpenAPI spec."
			: `\n${describeViolations(violations)}`,
	);
	if (process.env.BENCH_MULTI !== '0') console.log(`\n${await runMultiProcessBench(step)}`);
	// the Zoom Workplace Trigger in a real n8n (needs `npm run build`); BENCH_TRIGGER=0 skips it
	if (process.env.BENCH_TRIGGER !== '0') console.log(`\ntrigger:\n${await runTriggerBench()}`);
	// the trigger with Connection WebSocket in a real n8n; BENCH_WS=0 skips it
	if (process.env.BENCH_WS !== '0')
		console.log(`\nWebSocket trigger:\n${await runWebSocketTriggerBench()}`);
	console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
	if (violations.length > 0) process.exitCode = 1;
}

main().then(
	() => process.exit(process.exitCode ?? 0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
