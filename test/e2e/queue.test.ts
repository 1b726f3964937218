/**
 * n8n 2.41.1 in queue mode — a main process, two workers, PostgreSQL and Redis — with the Zoom
 * Workplace node installed in every process, against one simulated Zoom account.
 *
 * Bulk workflows are started through their production webhook (as an external system would), so
 * the main process queues them and both workers run them at once. Each worker has its own rate
 * limiter in its own memory; only Zoom's answers tie them together. Asserted: every item has
 * exactly one output, no meeting was created twice, no secret is stored in an execution, the
 * workers ran at the same time and stayed within the account's limit, and they minted at most
 * one token each. The figures (share of the limit used, 429s, token mints) are printed.
 *
 * Needs PostgreSQL and Redis: scripts/ensure-queue-services.sh installs Debian's packages when
 * they are missing (root or passwordless sudo), as scripts/ensure-chromium.sh does for Chromium.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { startZoomSimulator, type ZoomSimulator, type ZoomUser } from '../simulator';
import { rl, zoomNode, type ZoomCredentialRef } from './flows/zoomFlows';
import {
	createN8nHome,
	login,
	rest,
	setupOwner,
	startN8nServer,
	type N8nHome,
	type N8nServer,
	type Session,
} from './harness/n8n';
import {
	ensureQueueServices,
	importAndPublishWorkflow,
	importQueueCredentials,
	parseFlatted,
	queueModeEnv,
	startN8nWorker,
	startPostgres,
	startRedis,
	type N8nProcess,
	type Postgres,
	type Service,
} from './harness/queue';

type Json = Record<string, unknown>;

/** The account's per-second limit for meeting creates (Medium), as on Zoom's Pro plan. */
const LIMIT = 20;
const BATCHES = 6;
const ITEMS_PER_BATCH = 50;
const HOSTS = 10;
const WEBHOOK_PATH = 'zoom-queue-bulk';

interface ExecutionSummary {
	id: string;
	status: string;
	startedAt?: string;
	stoppedAt?: string;
}

describe('n8n queue mode: two workers, one Zoom account', { timeout: 15 * 60_000 }, () => {
	let sim: ZoomSimulator;
	let postgres: Postgres | undefined;
	let redis: Service | undefined;
	const homes: N8nHome[] = [];
	let main: N8nServer | undefined;
	const workers: N8nProcess[] = [];
	let session: Session;
	let workflowId: string;
	let hosts: ZoomUser[];

	before(async () => {
		ensureQueueServices();
		sim = await startZoomSimulator({ seed: false, latencyMs: 50, rateLimits: { medium: LIMIT } });
		hosts = Array.from({ length: HOSTS }, (_, i) =>
			sim.state.addUser({ email: `queue-host${i}@example.com`, first_name: `Host${i}` }),
		);
		[postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
		const env = queueModeEnv(postgres, redis);
		for (let i = 0; i < 3; i++) homes.push(await createN8nHome());
		const [mainHome, ...workerHomes] = homes;

		const [credential] = await importQueueCredentials(mainHome, env, [
			{
				name: 'Zoom S2S (queue e2e)',
				type: 'zoomWorkplaceServerToServerOAuthApi',
				data: {
					...sim.defaultApp,
					cloud: 'custom',
					apiBaseUrl: sim.apiBaseUrl,
					oauthBaseUrl: sim.oauthBaseUrl,
				},
			},
		]);
		const ref: ZoomCredentialRef = {
			authentication: 'serverToServerOAuth',
			id: credential.id,
			name: credential.name,
		};
		workflowId = await importAndPublishWorkflow(mainHome, env, {
			name: 'Zoom bulk create (queue e2e)',
			nodes: [
				{
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: randomUUID(),
					position: [0, 0],
					parameters: {
						httpMethod: 'POST',
						path: WEBHOOK_PATH,
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

		main = await startN8nServer(mainHome, { env, timeoutMs: 240_000 });
		// One at a time: two n8n start-ups at once on two cores only take longer together.
		for (const home of workerHomes)
			workers.push(await startN8nWorker(home, env, { concurrency: 10 }));
		session = await setupOwner(main).catch(async () => await login(main!));
	});

	after(async () => {
		await Promise.all(workers.map(async (w) => await w.stop()));
		await main?.stop();
		await Promise.all([postgres?.stop(), redis?.stop()]);
		for (const home of homes) await home.cleanup();
		await sim?.close();
	});

	async function executions(): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const data = await rest<{ results: ExecutionSummary[] }>(
			session,
			'GET',
			`/rest/executions?filter=${filter}&limit=100`,
		);
		return data.results;
	}

	/** Starts one execution per batch through the workflow's production webhook. */
	async function fire(batches: Array<Array<{ host: string; topic: string }>>): Promise<void> {
		const answers = await Promise.all(
			batches.map(
				async (items) =>
					await fetch(`${main!.baseUrl}/webhook/${WEBHOOK_PATH}`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ items }),
					}),
			),
		);
		for (const answer of answers) assert.equal(answer.status, 200, await answer.text());
	}

	/** Waits until the workflow has `total` executions and none is still running. */
	async function waitForExecutions(total: number): Promise<ExecutionSummary[]> {
		const deadline = Date.now() + 8 * 60_000;
		for (;;) {
			const list = await executions();
			const done = list.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			if (list.length >= total && done.length === list.length) {
				assert.equal(list.length, total);
				return list;
			}
			assert.ok(Date.now() < deadline, `executions still running: ${JSON.stringify(list)}`);
			await new Promise((r) => setTimeout(r, 1000));
		}
	}

	it('runs bulk creates on both workers at once: one output per item, nothing twice, no secret stored, within the limit', async () => {
		const batches = Array.from({ length: BATCHES }, (_, b) =>
			Array.from({ length: ITEMS_PER_BATCH }, (_, i) => ({
				host: hosts[(b * ITEMS_PER_BATCH + i) % HOSTS].id,
				topic: `Queue batch ${b} item ${i}`,
			})),
		);
		sim.resetCounters();
		const started = Date.now();
		await fire(batches);
		const list = await waitForExecutions(BATCHES);
		const wallMs = Date.now() - started;

		const secrets = [sim.defaultApp.clientSecret, ...sim.state.accessTokens.keys()];
		const outputs = new Map<string, Json[]>();
		let lastStop = 0;
		let firstStart = Infinity;
		for (const summary of list) {
			const full = await rest<{
				data: string;
				status: string;
				startedAt: string;
				stoppedAt: string;
			}>(session, 'GET', `/rest/executions/${summary.id}`);
			for (const secret of secrets) {
				assert.ok(!full.data.includes(secret), `execution ${summary.id} stores a secret`);
			}
			assert.equal(full.status, 'success', `execution ${summary.id}: ${full.data.slice(0, 2000)}`);
			firstStart = Math.min(firstStart, Date.parse(full.startedAt));
			lastStop = Math.max(lastStop, Date.parse(full.stoppedAt));
			const run = parseFlatted(full.data) as {
				resultData: {
					runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Json }>> } }>>;
				};
			};
			const input = run.resultData.runData['Split Out']?.[0]?.data?.main?.[0] ?? [];
			const output = run.resultData.runData.Zoom?.[0]?.data?.main?.[0] ?? [];
			assert.equal(output.length, input.length, `execution ${summary.id}: one output per item`);
			outputs.set(
				summary.id,
				output.map((item, i) => {
					assert.equal(item.json.topic, input[i].json.topic, 'outputs in item order');
					assert.equal(item.json.error, undefined);
					return item.json;
				}),
			);
		}
		const all = [...outputs.values()].flat();
		assert.equal(all.length, BATCHES * ITEMS_PER_BATCH, 'every item has exactly one output');

		// No meeting created twice, none lost: one meeting per topic, the one the item returned.
		const byTopic = new Map<string, number[]>();
		for (const meeting of sim.state.meetings.values()) {
			byTopic.set(meeting.topic, [...(byTopic.get(meeting.topic) ?? []), meeting.id]);
		}
		for (const item of all) {
			assert.deepEqual(byTopic.get(String(item.topic)), [Number(item.id)], `${String(item.topic)}`);
		}
		assert.equal(sim.state.meetings.size, BATCHES * ITEMS_PER_BATCH);

		// Both workers ran executions, and at the same time.
		const spans = workers.map((w) => {
			const starts = w.events.filter((e) => /started execution/.test(e.line));
			const ends = w.events.filter((e) => /finished execution/.test(e.line));
			assert.ok(starts.length > 0, `a worker ran no execution:\n${w.logs().slice(-3000)}`);
			return {
				from: Math.min(...starts.map((e) => e.at)),
				to: Math.max(...ends.map((e) => e.at)),
				runs: starts.length,
			};
		});
		assert.ok(
			spans[0].from < spans[1].to && spans[1].from < spans[0].to,
			`the workers did not overlap: ${JSON.stringify(spans)}`,
		);

		const c = sim.counters;
		const creates = BATCHES * ITEMS_PER_BATCH;
		const runMs = lastStop - firstStart;
		const ratio = creates / (runMs / 1000) / LIMIT;
		const refused = c.rateLimited / Math.max(1, c.totalApiRequests);
		process.stdout.write(
			`# queue mode: ${creates} creates by 2 workers (${spans.map((s) => s.runs).join(' + ')} executions), ` +
				`${(runMs / 1000).toFixed(1)} s from first execution start to last stop (${(wallMs / 1000).toFixed(1)} s incl. queueing) ` +
				`= ${ratio.toFixed(3)} of the ${LIMIT}/s limit; ${c.totalApiRequests} API requests, ${c.rateLimited} answered 429 ` +
				`(${(100 * refused).toFixed(2)} %); ${c.tokenMints} token mint(s) for 2 workers in one token lifetime\n`,
		);
		// Within the limit: the account refused few requests (targets are reported, not timed).
		assert.ok(refused <= 0.1, `${(100 * refused).toFixed(1)} % of requests answered 429`);
		// Tokens: a worker reuses the token another stored; at most one mint per worker.
		assert.ok(c.tokenMints >= 1 && c.tokenMints <= workers.length, `${c.tokenMints} token mints`);
	});

	it('when the token expires mid-run, each worker mints at most one new token', async () => {
		const batches = [0, 1].map((b) =>
			Array.from({ length: ITEMS_PER_BATCH }, (_, i) => ({
				host: hosts[i % HOSTS].id,
				topic: `Expiry batch ${b} item ${i}`,
			})),
		);
		const before = (await executions()).length;
		sim.resetCounters();
		await fire(batches);
		// Both workers are sending by now (50 items each at 20/s together take about 5 s).
		await new Promise((r) => setTimeout(r, 1500));
		const expiredAt = sim.counters.totalApiRequests;
		sim.expireAllTokens();
		const list = await waitForExecutions(before + 2);
		for (const summary of list) {
			if (summary.status === 'success') continue;
			const full = await rest<{ data: string }>(session, 'GET', `/rest/executions/${summary.id}`);
			const run = parseFlatted(full.data) as { resultData: { error?: Json } };
			assert.fail(
				`execution ${summary.id} ${summary.status}: ${JSON.stringify(run.resultData.error).slice(0, 3000)}`,
			);
		}
		const c = sim.counters;
		process.stdout.write(
			`# token expiry: expired after ${expiredAt} of ${c.totalApiRequests} requests; ${c.tokenMints} new token mint(s) by 2 workers\n`,
		);
		assert.ok(expiredAt > 0 && expiredAt < 2 * ITEMS_PER_BATCH, 'the tokens expired mid-run');
		assert.ok(c.tokenMints >= 1 && c.tokenMints <= workers.length, `${c.tokenMints} token mints`);
		const created = [...sim.state.meetings.values()].filter((m) => m.topic.startsWith('Expiry '));
		assert.equal(created.length, 2 * ITEMS_PER_BATCH, 'every item created once');
	});
});
