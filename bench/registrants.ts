/*
 * Registrant benchmark (part of `npm run bench`; alone: `node --import tsx bench/registrants.ts`):
 *   1. approving N registrants of one meeting: Update Status requests used (Zoom takes 30 per
 *      PUT …/registrants/status, so at most ⌈N/30⌉) and wall time;
 *   2. adding N registrants: batch registrations (POST …/batch_registrants, Heavy category) and,
 *      for comparison, N single creates (items with an address field, Light category): requests,
 *      wall time, and the rate reached against the plan's limit for that category.
 * The node runs through real n8n-core against the simulator with the plan's per-second limits.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ZoomWorkplace } from '../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { CredentialsStore, executeNode } from '../test/integration/harness';
import { events, OWNER_ID, startZoomSimulator, type ZoomSimulator } from '../test/simulator';

type Category = 'light' | 'medium' | 'heavy';

export interface RegistrantBenchOptions {
	count: number;
	latencyMs: number;
	planLabel: string;
	limits: Record<Category, number>;
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

function line(
	label: string,
	m: Measured,
	route: string,
	category: Category,
	limit: number,
): string {
	const routeCount = m.requests[route] ?? 0;
	const seconds = m.wallMs / 1000;
	const admitted = m.total - m.rateLimited;
	return [
		label.padEnd(44),
		`${m.items} items`.padEnd(11),
		`${routeCount} × ${route}`.padEnd(60),
		`${m.total} requests total`.padEnd(20),
		`${seconds.toFixed(2)} s`.padEnd(9),
		`${(admitted / seconds).toFixed(1)} req/s of ${limit}/s ${category}`.padEnd(26),
		`429s ${m.rateLimited}`.padEnd(9),
		`failed ${m.failed}`,
	].join(' ');
}

export async function registrantBenchmark(options: RegistrantBenchOptions): Promise<string> {
	const { count, limits } = options;
	const lines: string[] = [
		`Registrants (${options.planLabel} limits ${JSON.stringify(limits)}, latency ${options.latencyMs} ms, ${count} items):`,
	];
	const sim = await startZoomSimulator({
		seed: false,
		latencyMs: options.latencyMs,
		rateLimits: limits,
	});
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
		const approve = await runNode(
			sim,
			{
				resource: 'meetingRegistrant',
				operation: 'updateStatus',
				meetingId: rl(approveMeeting.id),
				registrantId: '={{ $json.id }}',
				action: 'approve',
			},
			ids.map((id) => ({ id })),
		);
		const approvedAll = store
			.registrantsOf('meeting', approveMeeting.id)
			.every((r) => r.status === 'approved');
		lines.push(
			line(
				'approve (Update Status, 30 per request)',
				approve,
				'PUT /v2/meetings/{meetingId}/registrants/status',
				'medium',
				limits.medium,
			) + ` | target ≤ ${Math.ceil(count / 30)} status requests, all approved: ${approvedAll}`,
		);

		// 2a. Add N registrants: batch registrations.
		const batchMeeting = sim.state.addMeeting(OWNER_ID, {
			topic: 'Batch bench',
			type: 2,
			start_time: '2031-01-02T10:00:00Z',
			settings: { approval_type: 0 },
		});
		const batch = await runNode(
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
		);
		const batchStored = store.registrantsOf('meeting', batchMeeting.id).length;
		lines.push(
			line(
				'add (batch_registrants, 30 per request)',
				batch,
				'POST /v2/meetings/{meetingId}/batch_registrants',
				'heavy',
				limits.heavy,
			) + ` | registered ${batchStored}/${count}`,
		);

		// 2b. Add N registrants one request each (an address field rules out the batch endpoint).
		const singleMeeting = sim.state.addMeeting(OWNER_ID, {
			topic: 'Single bench',
			type: 2,
			start_time: '2031-01-03T10:00:00Z',
			settings: { approval_type: 0 },
		});
		const single = await runNode(
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
		);
		const singleStored = store.registrantsOf('meeting', singleMeeting.id).length;
		lines.push(
			line(
				'add (single creates, address given)',
				single,
				'POST /v2/meetings/{meetingId}/registrants',
				'light',
				limits.light,
			) + ` | registered ${singleStored}/${count}`,
		);
	} finally {
		await sim.close();
	}
	return lines.join('\n');
}

if (process.argv[1]?.endsWith('registrants.ts')) {
	const count = Number(process.env.BENCH_REGISTRANTS ?? 1000);
	const business = { light: 80, medium: 60, heavy: 40 };
	const pro = { light: 30, medium: 20, heavy: 10 };
	const planPro = (process.env.BENCH_PLAN ?? 'business').toLowerCase() === 'pro';
	registrantBenchmark({
		count,
		latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 50),
		planLabel: planPro ? 'Pro' : 'Business',
		limits: planPro ? pro : business,
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
