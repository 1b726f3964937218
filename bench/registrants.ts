/*
 * Registrant benchmark (part of `npm run bench`; alone: `node --import tsx bench/registrants.ts`):
 *   1. approving N registrants of one meeting: Update Status requests used (Zoom takes 30 per
 *      PUT …/registrants/status, so at most ⌈N/30⌉) and wall time;
 *   2. adding N registrants: batch registrations (POST …/batch_registrants, Heavy category) and,
 *      for comparison, N single creates (items with an address field, Light category): requests,
 *      wall time, and the rate reached against the plan's limit for that category.
 * The node runs through real n8n-core against the simulator with the plan's per-second limits.
 * Each scenario runs BENCH_REGISTRANT_ROUNDS times (default BENCH_ROUNDS, else 3); the table gives
 * the median and min–max over the rounds. Alone, it measures the Business and the Pro plan
 * (BENCH_PLAN=business or pro: one of them).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ZoomWorkplace } from '../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { CredentialsStore, executeNode } from '../test/integration/harness/core';
import { events, OWNER_ID, startZoomSimulator, type ZoomSimulator } from '../test/simulator';
import { roundsFrom, spread, textTable } from './stats';

type Category = 'light' | 'medium' | 'heavy';

export interface RegistrantBenchOptions {
	count: number;
	latencyMs: number;
	plans: Array<{ label: string; limits: Record<Category, number> }>;
	rounds?: number;
}

interface Measured {
	wallMs: number;
	requests: Record<string, number>;
	total: number;
	rateLimited: number;
	failed: number;
	items: number;
}

const S2S = 'zoomWorkplaceServerToServerOAuthApi';

async function runNode(
	sim: ZoomSimulator,
	parameters: INodeParameters,
	inputItems: IDataObject[],
): Promise<Measured> {
	const store = new CredentialsStore();
	const credential = store.add({
		type: S2S,
		data: {
			cloud: 'custom',
			apiBaseUrl: sim.apiBaseUrl,
			oauthBaseUrl: sim.oauthBaseUrl,
			...sim.defaultApp,
		},
	});
	// The token request is not an API request; mint it before the clock starts.
	sim.resetCounters();
	const started = performance.now();
	const result = await executeNode({
		nodeType: new ZoomWorkplace(),
		parameters: { authentication: 'serverToServerOAuth', ...parameters },
		credentials: { [S2S]: credential },
		inputItems,
		continueOnFail: true,
		credentialsStore: store,
	});
	const wallMs = performance.now() - started;
	if (result.error) throw new Error(`the node failed: ${result.error.message}`);
	return {
		wallMs,
		requests: { ...sim.counters.requests },
		total: sim.counters.totalApiRequests,
		rateLimited: sim.counters.rateLimited,
		failed: result.items.filter((item) => item.json.error !== undefined).length,
		items: result.items.length,
	};
}

const rl = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });

interface Scenario {
	label: string;
	route: string;
	routeLabel: string;
	category: Category;
	/** the requests the scenario may need at most, when there is such a target */
	target?: number;
	measured: Measured[];
	/** what the simulator holds afterwards, per round: "approved 1000/1000" */
	checks: string[];
}

/** One round of the three scenarios on a fresh simulator. */
async function round(
	count: number,
	latencyMs: number,
	limits: Record<Category, number>,
	scenarios: Scenario[],
): Promise<void> {
	const sim = await startZoomSimulator({ seed: false, latencyMs, rateLimits: limits });
	try {
		const store = events(sim.state);
		const people = Array.from({ length: count }, (_, i) => ({
			email: `bench${i}@example.com`,
			n: String(i),
		}));

		// 1. Approve N pending registrants of one meeting.
		const approveMeeting = sim.state.addMeeting(OWNER_ID, {
			topic: 'Approve bench',
			type: 2,
			start_time: '2031-01-01T10:00:00Z',
			settings: { approval_type: 1 },
		});
		const ids = people.map(
			(p) =>
				store.register('meeting', approveMeeting.id, { email: p.email, first_name: 'B' }, 'pending')
					.registrant.id,
		);
		scenarios[0].measured.push(
			await runNode(
				sim,
				{
					resource: 'meetingRegistrant',
					operation: 'updateStatus',
					meetingId: rl(approveMeeting.id),
					registrantId: '={{ $json.id }}',
					action: 'approve',
				},
				ids.map((id) => ({ id })),
			),
		);
		const approved = store
			.registrantsOf('meeting', approveMeeting.id)
			.filter((r) => r.status === 'approved').length;
		scenarios[0].checks.push(`approved ${approved}/${count}`);

		// 2a. Add N registrants: batch registrations.
		const batchMeeting = sim.state.addMeeting(OWNER_ID, {
			topic: 'Batch bench',
			type: 2,
			start_time: '2031-01-02T10:00:00Z',
			settings: { approval_type: 0 },
		});
		scenarios[1].measured.push(
			await runNode(
				sim,
				{
					resource: 'meetingRegistrant',
					operation: 'create',
					meetingId: rl(batchMeeting.id),
					email: '={{ $json.email }}',
					firstName: 'Bench',
					additionalFields: { lastName: '={{ $json.n }}' },
				},
				people,
			),
		);
		scenarios[1].checks.push(
			`registered ${store.registrantsOf('meeting', batchMeeting.id).length}/${count}`,
		);

		// 2b. Add N registrants one request each (an address field rules out the batch endpoint).
		const singleMeeting = sim.state.addMeeting(OWNER_ID, {
			topic: 'Single bench',
			type: 2,
			start_time: '2031-01-03T10:00:00Z',
			settings: { approval_type: 0 },
		});
		scenarios[2].measured.push(
			await runNode(
				sim,
				{
					resource: 'meetingRegistrant',
					operation: 'create',
					meetingId: rl(singleMeeting.id),
					email: '={{ $json.email }}',
					firstName: 'Bench',
					additionalFields: { city: 'Bonn' },
				},
				people,
			),
		);
		scenarios[2].checks.push(
			`registered ${store.registrantsOf('meeting', singleMeeting.id).length}/${count}`,
		);
	} finally {
		await sim.close();
	}
}

export async function registrantBenchmark(options: RegistrantBenchOptions): Promise<string> {
	const { count } = options;
	const rounds = options.rounds ?? roundsFrom('BENCH_REGISTRANT_ROUNDS', 3);
	const rows: string[][] = [];
	const checks: string[] = [];
	for (const plan of options.plans) {
		const scenarios: Scenario[] = [
			{
				label: 'approve (Update Status, 30 per request)',
				route: 'PUT /v2/meetings/{meetingId}/registrants/status',
				routeLabel: 'PUT …/registrants/status',
				category: 'medium',
				target: Math.ceil(count / 30),
				measured: [],
				checks: [],
			},
			{
				label: 'add (batch_registrants, 30 per request)',
				route: 'POST /v2/meetings/{meetingId}/batch_registrants',
				routeLabel: 'POST …/batch_registrants',
				category: 'heavy',
				target: Math.ceil(count / 30),
				measured: [],
				checks: [],
			},
			{
				label: 'add (single creates, address given)',
				route: 'POST /v2/meetings/{meetingId}/registrants',
				routeLabel: 'POST …/registrants',
				category: 'light',
				measured: [],
				checks: [],
			},
		];
		for (let r = 0; r < rounds; r++) await round(count, options.latencyMs, plan.limits, scenarios);
		for (const scenario of scenarios) {
			const m = scenario.measured;
			const routeCounts = [...new Set(m.map((x) => x.requests[scenario.route] ?? 0))].join('/');
			const others = [...new Set(m.map((x) => x.total - (x.requests[scenario.route] ?? 0)))].join(
				'/',
			);
			const limit = plan.limits[scenario.category];
			rows.push([
				plan.label,
				scenario.label,
				`${routeCounts} ${scenario.routeLabel}${scenario.target !== undefined ? ` (target ≤ ${scenario.target})` : ''}${others !== '0' ? ` + ${others} other` : ''}`,
				spread(
					m.map((x) => x.wallMs / 1000),
					2,
				),
				`${spread(
					m.map((x) => (x.total - x.rateLimited) / (x.wallMs / 1000)),
					1,
				)} of ${limit}/s ${scenario.category}`,
				spread(
					m.map((x) => x.rateLimited),
					0,
				),
				String(m.reduce((n, x) => n + x.failed, 0)),
			]);
			checks.push(
				`${plan.label}, ${scenario.label}: ${[...new Set(scenario.checks)].join('; ')} (every round)`,
			);
		}
	}
	return [
		`Registrants: ${count} items, latency ${options.latencyMs} ms, ${rounds} round(s) per plan; median (min–max) over the rounds, failed: total`,
		textTable(['plan', 'scenario', 'requests per round', 'wall s', 'req/s', '429s', 'failed'], rows, 3),
		...checks,
	].join('\n');
}

if (process.argv[1]?.endsWith('registrants.ts')) {
	const count = Number(process.env.BENCH_REGISTRANTS ?? 1000);
	const business = { light: 80, medium: 60, heavy: 40 };
	const pro = { light: 30, medium: 20, heavy: 10 };
	const plan = (process.env.BENCH_PLAN ?? '').toLowerCase();
	registrantBenchmark({
		count,
		latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 50),
		plans: [
			...(plan !== 'pro' ? [{ label: 'Business', limits: business }] : []),
			...(plan !== 'business' ? [{ label: 'Pro', limits: pro }] : []),
		],
	}).then(
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
