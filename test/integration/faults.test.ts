import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { clearServerToServerTokenCache } from '../../credentials/common/serverToServerToken';
import { ZoomWorkplace } from '../../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { startZoomSimulator } from '../simulator';
import type { SimulatorOptions, ZoomSimulator, ZoomUser } from '../simulator';
import { CredentialsStore, credentialsHelperFor, executeNode } from './harness';
import type { ExecuteNodeResult } from './harness';

/*
 * Bulk runs through real n8n-core against the Zoom simulator while it misbehaves: 429 bursts,
 * a daily limit reached half-way, 5xx answers, connections dropped before and after a create
 * was applied, slow answers, tokens that expire or are revoked mid-run. Whatever happens:
 *
 *   - every input item ends as exactly one output item (success or error), in input order,
 *     paired with its input;
 *   - no create is applied twice;
 *   - neither the client secret nor any access token appears in the run (outputs, errors).
 *
 * Limits are Zoom's Business plan (light 80/s, medium 60/s); item counts and latencies are
 * small so the suite stays quick; the benchmark (bench/run.ts) is where the big numbers go.
 */

const S2S = 'zoomWorkplaceServerToServerOAuthApi';
const BUSINESS = { light: 80, medium: 60, heavy: 40 };

let sim: ZoomSimulator;
let store: CredentialsStore;
let ref: { id: string; name: string };
let hosts: ZoomUser[];

async function startSimulator(options: SimulatorOptions = {}) {
	clearServerToServerTokenCache();
	sim = await startZoomSimulator({ seed: false, latencyMs: 5, rateLimits: BUSINESS, ...options });
	hosts = Array.from({ length: 8 }, (_, i) =>
		sim.state.addUser({ email: `host${i}@faults.example.com`, first_name: `Host${i}` }),
	);
	store = new CredentialsStore();
	ref = store.add({
		type: S2S,
		data: {
			cloud: 'custom',
			apiBaseUrl: sim.apiBaseUrl,
			oauthBaseUrl: sim.oauthBaseUrl,
			...sim.defaultApp,
		},
	});
}

beforeEach(async () => await startSimulator());

afterEach(async () => await sim.close());

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

interface RunOptions {
	continueOnFail?: boolean;
	options?: IDataObject;
}

async function run(
	parameters: INodeParameters,
	inputItems: IDataObject[],
	{ continueOnFail = true, options = {} }: RunOptions = {},
): Promise<ExecuteNodeResult> {
	return await executeNode({
		nodeType: new ZoomWorkplace(),
		parameters: {
			authentication: 'serverToServerOAuth',
			...parameters,
			options: { maxConcurrency: 10, ...options },
		},
		credentials: { [S2S]: ref },
		inputItems,
		continueOnFail,
		credentialsStore: store,
	});
}

const createMeetings = {
	resource: 'meeting',
	operation: 'create',
	userId: rl('={{ $json.host }}'),
	topic: '={{ $json.topic }}',
	additionalFields: {},
};

const createUsers = {
	resource: 'user',
	operation: 'create',
	action: 'create',
	email: '={{ $json.email }}',
	userType: 1,
	additionalFields: {},
};

const getUsers = { resource: 'user', operation: 'get', userId: rl('={{ $json.userId }}') };

const deleteMeetings = {
	resource: 'meeting',
	operation: 'delete',
	meetingId: { __rl: true, mode: 'id', value: '={{ $json.meetingId }}' },
};

/** One row per meeting to create, spread over the hosts (Zoom: 100 creates per host per day). */
function meetingRows(count: number, tag = 'm'): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		host: hosts[i % hosts.length].id,
		topic: `Fault run ${tag} #${i}`,
	}));
}

function userRows(count: number, tag = 'u'): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({ email: `${tag}${i}@bulk.example.com` }));
}

/** `count` users that exist, to be read. */
function existingUserRows(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		userId: sim.state.addUser({ email: `reader${i}@bulk.example.com` }).id,
	}));
}

/** Every input item is one output item, in order, paired with its input. */
function assertOneOutputPerItem(result: ExecuteNodeResult, inputs: IDataObject[]): void {
	assert.equal(result.error, undefined, `the node failed: ${result.error?.message}`);
	assert.equal(result.items.length, inputs.length, 'one output item per input item');
	result.items.forEach((item, index) => {
		assert.deepEqual(item.pairedItem, { item: index }, `pairedItem of output ${index}`);
	});
}

/** Neither the client secret (plain or in a Basic header) nor any access token is in the run. */
function assertNoSecrets(result: ExecuteNodeResult): void {
	const { clientId, clientSecret } = sim.defaultApp;
	const forbidden = [
		clientSecret,
		Buffer.from(`${clientId}:${clientSecret}`).toString('base64'),
		...sim.state.accessTokens.keys(),
	];
	const haystacks = {
		outputs: JSON.stringify(result.items),
		error: JSON.stringify(result.error ?? null) + String(result.error?.stack ?? ''),
		run: JSON.stringify(result.run),
	};
	for (const [where, text] of Object.entries(haystacks)) {
		for (const secret of forbidden) {
			assert.ok(!text.includes(secret), `a secret or token appears in the ${where}`);
		}
	}
}

const failed = (result: ExecuteNodeResult) => result.items.filter((item) => item.json.error);
const succeeded = (result: ExecuteNodeResult) => result.items.filter((item) => !item.json.error);

/** Each meeting row was created exactly once, and its output item is that meeting. */
function assertMeetingsCreatedOnce(result: ExecuteNodeResult, rows: IDataObject[]): void {
	const byTopic = new Map<string, number[]>();
	for (const meeting of sim.state.meetings.values()) {
		byTopic.set(meeting.topic, [...(byTopic.get(meeting.topic) ?? []), meeting.id]);
	}
	rows.forEach((row, index) => {
		const ids = byTopic.get(String(row.topic)) ?? [];
		const output = result.items[index].json;
		if (output.error) {
			assert.ok(ids.length <= 1, `"${String(row.topic)}" created ${ids.length} times`);
			return;
		}
		assert.deepEqual(ids, [output.id], `"${String(row.topic)}" created exactly once, as output`);
		assert.equal(output.topic, row.topic);
	});
	assert.equal(sim.state.applied.meetingCreates, sim.state.meetings.size, 'no duplicate applied');
}

function assertUsersCreatedOnce(result: ExecuteNodeResult, rows: IDataObject[]): void {
	rows.forEach((row, index) => {
		const matches = [...sim.state.users.values()].filter((u) => u.email === row.email);
		const output = result.items[index].json;
		assert.ok(matches.length <= 1, `${String(row.email)} created ${matches.length} times`);
		if (!output.error) {
			assert.equal(matches[0]?.id, output.id, `${String(row.email)} is its output`);
			assert.equal(output.email, row.email);
		}
	});
}

/** Calls `action` once, as soon as `condition` holds (checked every 2 ms). */
function when(condition: () => boolean, action: () => void): () => void {
	const timer = setInterval(() => {
		if (condition()) {
			clearInterval(timer);
			action();
		}
	}, 2);
	return () => clearInterval(timer);
}

/**
 * Teaches the shared scheduler this account's limits and mints the credential's token, so the
 * next run starts at full speed (like any run after the first one in an n8n process).
 */
async function warmUp(): Promise<void> {
	const result = await run(getUsers, [{ userId: 'me' }]);
	assert.equal(failed(result).length, 0);
}

const apiRequests = (prefix: string) =>
	Object.entries(sim.counters.requests)
		.filter(([key]) => key.startsWith(prefix))
		.reduce((sum, [, n]) => sum + n, 0);

/**
 * Another app of the same Zoom account (limits are per account): sends `ratePerSecond` medium
 * requests a second, after an opening burst of `burst` at once.
 */
function busyNeighbour(ratePerSecond: number, burst = 0) {
	const token = sim.issueAccessToken();
	const url = `${sim.apiBaseUrl}/users/me/meetings`;
	const stats = { sent: 0, limited: 0 };
	let stopped = false;
	const call = async () => {
		const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
		await response.arrayBuffer();
		stats.sent++;
		if (response.status === 429) stats.limited++;
	};
	const opening = Promise.all(Array.from({ length: burst }, call));
	const steady = (async () => {
		await opening;
		while (!stopped && ratePerSecond > 0) {
			const started = Date.now();
			await call();
			const wait = 1000 / ratePerSecond - (Date.now() - started);
			if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		}
	})();
	return {
		opening,
		stop: async () => {
			stopped = true;
			await steady;
			return stats;
		},
	};
}

describe('429 per-second answers', () => {
	test('bursts of 429s (the window used up by another app) are waited out and retried: nothing lost, nothing doubled', async () => {
		const rows = meetingRows(40);
		await warmUp();
		// Another app of the account uses up whole windows at once, twice during the run.
		const bursts: Array<ReturnType<typeof busyNeighbour>> = [];
		const stopFirst = when(
			() => sim.state.applied.meetingCreates >= 5,
			() => bursts.push(busyNeighbour(0, 70)),
		);
		const stopSecond = when(
			() => sim.state.applied.meetingCreates >= 20,
			() => bursts.push(busyNeighbour(0, 70)),
		);
		// And a few bare 429s, without Zoom's rate-limit headers.
		sim.injectFault({ method: 'POST', path: /\/meetings$/, kind: 'status', status: 429, count: 3 });
		const result = await run(createMeetings, rows);
		stopFirst();
		stopSecond();
		let neighbour429s = 0;
		for (const burst of bursts) neighbour429s += (await burst.stop()).limited;
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(sim.counters.faultsInjected, 3);
		assert.ok(sim.counters.rateLimited - neighbour429s >= 1, "the node met Zoom's 429s");
		assertMeetingsCreatedOnce(result, rows);
		assert.equal(sim.state.applied.meetingCreates, 40);
		assertNoSecrets(result);
	});

	test('another app takes half the limit for the whole run: the node yields, finishes, creates each once', async () => {
		const rows = meetingRows(60);
		await warmUp();
		const neighbour = busyNeighbour(30);
		const result = await run(createMeetings, rows);
		const { sent, limited } = await neighbour.stop();
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		const node429s = sim.counters.rateLimited - limited;
		const nodeRequests = sim.counters.totalApiRequests - sent;
		// The node slows down on 429s instead of hammering: a small share of its requests.
		assert.ok(node429s / nodeRequests < 0.2, `${node429s} of ${nodeRequests} requests were 429`);
		assertMeetingsCreatedOnce(result, rows);
		assert.equal(sim.state.applied.meetingCreates, 60);
		assertNoSecrets(result);
	});

	test('the account limit drops mid-run: the node learns it from the answers and slows down before 429s', async () => {
		const rows = meetingRows(40);
		const stop = when(
			() => sim.state.applied.meetingCreates >= 10,
			() => sim.setRateLimits({ ...BUSINESS, medium: 10 }),
		);
		const started = Date.now();
		const result = await run(createMeetings, rows);
		stop();
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		// About 30 creates at under 10/s.
		assert.ok(Date.now() - started >= 2500, 'paced at the new limit');
		assert.ok(sim.counters.rateLimited <= 2, `${sim.counters.rateLimited} answers were 429`);
		assertMeetingsCreatedOnce(result, rows);
		assertNoSecrets(result);
	});
});

describe('daily limit', () => {
	test('reached half-way: the rest fail with the limit and its reset time, mostly without being sent', async () => {
		const rows = existingUserRows(40);
		sim.setDailyLimits({ light: 20 });
		const result = await run(getUsers, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(succeeded(result).length, 20);
		assert.equal(failed(result).length, 20);
		const tomorrow = new Date();
		tomorrow.setUTCHours(24, 0, 0, 0);
		for (const item of failed(result)) {
			assert.match(String(item.json.error), /daily rate limit reached \(light APIs\)/);
			assert.match(String(item.json.description), new RegExp(tomorrow.toISOString().slice(0, 16)));
			assert.equal(item.json.httpCode, '429');
		}
		// Only the requests already in flight when Zoom first said so met the limit at Zoom.
		assert.ok(sim.counters.dailyLimited <= 10, `${sim.counters.dailyLimited} sent past the limit`);
		// Successes are the items Zoom admitted; each is the user asked for.
		result.items.forEach((item, index) => {
			if (!item.json.error) assert.equal(item.json.id, rows[index].userId);
		});
		assertNoSecrets(result);
	});

	test('without "Continue On Fail" the node stops with the daily-limit error of the first item hit', async () => {
		const rows = existingUserRows(30);
		sim.setDailyLimits({ light: 10 });
		const result = await run(getUsers, rows, { continueOnFail: false });
		assert.ok(result.error);
		assert.match(result.error.message, /daily rate limit reached \(light APIs\)/);
		assert.match(String(result.error.description), /resets at \d{4}-\d{2}-\d{2}T00:00:00/);
		assertNoSecrets(result);
	});

	test("one host's 100-meetings-a-day limit stops that host's items only", async () => {
		await sim.close();
		await startSimulator({ meetingDailyLimitPerUser: 3 });
		const rows = [
			...Array.from({ length: 5 }, (_, i) => ({ host: hosts[0].id, topic: `busy host #${i}` })),
			...Array.from({ length: 5 }, (_, i) => ({ host: hosts[1].id, topic: `other host #${i}` })),
		];
		const result = await run(createMeetings, rows, { options: { maxConcurrency: 1 } });
		assertOneOutputPerItem(result, rows);
		const outcome = result.items.map((item) => (item.json.error ? 'error' : 'ok'));
		assert.deepEqual(outcome, [
			'ok',
			'ok',
			'ok',
			'error',
			'error',
			'ok',
			'ok',
			'ok',
			'error',
			'error',
		]);
		assert.match(String(result.items[3].json.error), /particular user/);
		assertMeetingsCreatedOnce(result, rows);
		assertNoSecrets(result);
	});
});

describe('5xx answers', () => {
	test('500, 502 and 503 on reads are retried with backoff', async () => {
		const rows = existingUserRows(30);
		for (const status of [500, 502, 503]) {
			sim.injectFault({
				method: 'GET',
				path: /^\/v2\/users\/[^/]+$/,
				kind: 'status',
				status,
				count: 4,
			});
		}
		const result = await run(getUsers, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(sim.counters.faultsInjected, 12);
		assert.equal(apiRequests('GET /v2/users/{userId}'), 30 + 12);
		result.items.forEach((item, index) => assert.equal(item.json.id, rows[index].userId));
		assertNoSecrets(result);
	});

	test('500, 502 and 503 on creates: looked up before the retry, created once', async () => {
		const rows = meetingRows(30);
		for (const status of [500, 502, 503]) {
			sim.injectFault({ method: 'POST', path: /\/meetings$/, kind: 'status', status, count: 3 });
		}
		const result = await run(createMeetings, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(apiRequests('GET /v2/users/{userId}/meetings'), 9, 'one look-up per lost answer');
		assertMeetingsCreatedOnce(result, rows);
		assert.equal(sim.state.applied.meetingCreates, 30);
		assertNoSecrets(result);
	});

	test('deletes hit by 503 are retried; each meeting is deleted once', async () => {
		const meetings = Array.from({ length: 20 }, (_, i) =>
			sim.state.addMeeting(hosts[i % hosts.length].id, { topic: `old #${i}` }),
		);
		const rows = meetings.map((m) => ({ meetingId: String(m.id) }));
		sim.injectFault({ method: 'DELETE', kind: 'status', status: 503, count: 6 });
		const result = await run(deleteMeetings, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		for (const m of meetings) assert.equal(sim.state.meetings.has(m.id), false);
		assertNoSecrets(result);
	});

	test('"Retry On Status Codes" and "Max Retries" are honoured', async () => {
		const rows = existingUserRows(12);
		sim.injectFault({
			method: 'GET',
			path: /^\/v2\/users\/[^/]+$/,
			kind: 'status',
			status: 503,
			count: 3,
		});
		const notOn503 = await run(getUsers, rows, { options: { retryOnStatuses: '500,502' } });
		assertOneOutputPerItem(notOn503, rows);
		assert.equal(failed(notOn503).length, 3);
		for (const item of failed(notOn503)) assert.equal(item.json.httpCode, '503');

		sim.injectFault({
			method: 'GET',
			path: /^\/v2\/users\/[^/]+$/,
			kind: 'status',
			status: 500,
			count: 2,
		});
		const noRetries = await run(getUsers, rows, { options: { maxRetries: 0 } });
		assertOneOutputPerItem(noRetries, rows);
		assert.equal(failed(noRetries).length, 2);
		assertNoSecrets(noRetries);
	});
});

describe('dropped connections', () => {
	test('meeting creates: reset before Zoom applied them → created once on retry', async () => {
		const rows = meetingRows(30);
		sim.injectFault({ method: 'POST', path: /\/meetings$/, kind: 'reset-before', count: 6 });
		const result = await run(createMeetings, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(apiRequests('POST /v2/users/{userId}/meetings'), 36);
		assertMeetingsCreatedOnce(result, rows);
		assert.equal(sim.state.applied.meetingCreates, 30);
		assertNoSecrets(result);
	});

	test('meeting creates: reset after Zoom applied them → found and returned, not created again', async () => {
		const rows = meetingRows(30);
		sim.injectFault({ method: 'POST', path: /\/meetings$/, kind: 'reset-after', count: 6 });
		const result = await run(createMeetings, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(apiRequests('POST /v2/users/{userId}/meetings'), 30, 'no create was sent twice');
		assertMeetingsCreatedOnce(result, rows);
		assert.equal(sim.state.applied.meetingCreates, 30);
		// The recovered items carry what a create returns (join URL), not the list's summary.
		for (const item of result.items) assert.match(String(item.json.join_url), /^https?:\/\//);
		assertNoSecrets(result);
	});

	test('user creates: resets before and after → every user created once', async () => {
		const rows = userRows(30);
		sim.injectFault({ method: 'POST', path: '/v2/users', kind: 'reset-before', count: 4 });
		sim.injectFault({ method: 'POST', path: '/v2/users', kind: 'reset-after', count: 4 });
		const result = await run(createUsers, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(sim.state.applied.userCreates, 30);
		assertUsersCreatedOnce(result, rows);
		assertNoSecrets(result);
	});

	test('deletes whose answer was lost after Zoom applied them succeed', async () => {
		const meetings = Array.from({ length: 15 }, (_, i) =>
			sim.state.addMeeting(hosts[i % hosts.length].id, { topic: `stale #${i}` }),
		);
		const rows = meetings.map((m) => ({ meetingId: String(m.id) }));
		sim.injectFault({ method: 'DELETE', kind: 'reset-after', count: 5 });
		const result = await run(deleteMeetings, rows);
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(sim.state.meetings.size, 0);
		assertNoSecrets(result);
	});

	test(
		'two rows with the same host and topic: a recovered create returns its own meeting',
		{},
		async () => {
			const rows = [
				{ host: hosts[0].id, topic: 'Weekly sync' },
				{ host: hosts[0].id, topic: 'Weekly sync' },
			];
			// Row 0's create is applied and its answer lost; row 1's is applied over a second later,
			// while row 0's look-up is still being retried.
			sim.injectFault({ method: 'POST', path: /\/meetings$/, kind: 'reset-after', count: 1 });
			sim.injectFault({
				method: 'POST',
				path: /\/meetings$/,
				kind: 'delay',
				delayMs: 1100,
				count: 1,
			});
			sim.injectFault({
				method: 'GET',
				path: /\/meetings$/,
				kind: 'status',
				status: 503,
				count: 2,
			});
			const result = await run(createMeetings, rows, { options: { maxConcurrency: 2 } });
			assertOneOutputPerItem(result, rows);
			assert.equal(failed(result).length, 0);
			assert.equal(sim.state.applied.meetingCreates, 2);
			assert.notEqual(
				result.items[0].json.id,
				result.items[1].json.id,
				'each row has its own meeting',
			);
		},
	);

	test('a create that keeps failing ends as one error item, never as a second meeting', async () => {
		const rows = meetingRows(6);
		sim.injectFault({ method: 'POST', path: /\/meetings$/, kind: 'reset-before', count: 4 });
		const result = await run(createMeetings, rows, {
			options: { maxConcurrency: 1, maxRetries: 3, backoffMultiplier: 1 },
		});
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 1);
		assert.match(String(failed(result)[0].json.error), /Could not reach Zoom/);
		assert.match(String(failed(result)[0].json.description), /ECONNRESET/);
		assertMeetingsCreatedOnce(result, rows);
		assert.equal(sim.state.applied.meetingCreates, 5);
		assertNoSecrets(result);
	});
});

describe('slow answers', () => {
	test('some answers are slow and the latency rises mid-run: order and pairing stay those of the input', async () => {
		const rows = userRows(40);
		sim.injectFault({ method: 'POST', path: '/v2/users', kind: 'delay', delayMs: 700, count: 3 });
		sim.injectFault({ method: 'POST', path: '/v2/users', kind: 'delay', delayMs: 250, count: 5 });
		const stop = when(
			() => sim.state.applied.userCreates >= 20,
			() => sim.setLatency(150),
		);
		const result = await run(createUsers, rows);
		stop();
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		result.items.forEach((item, index) => assert.equal(item.json.email, rows[index].email));
		assertUsersCreatedOnce(result, rows);
		assert.equal(sim.state.applied.userCreates, 40);
		assertNoSecrets(result);
	});
});

describe('tokens', () => {
	test('50 concurrent first calls mint one token', async () => {
		// A fast account, so the first 50 calls really are under way together.
		sim.setRateLimits({ light: 1000, medium: 1000, heavy: 1000 });
		sim.setLatency(50);
		await warmUp();
		// A new credential with the same identity: the scheduler knows the account, no token yet.
		clearServerToServerTokenCache();
		const fresh = new CredentialsStore();
		fresh.add({
			id: ref.id,
			name: ref.name,
			type: S2S,
			data: { ...store.data(ref.id), accessToken: '' },
		});
		store = fresh;
		sim.resetCounters();
		const rows = existingUserRows(50);
		const result = await run(getUsers, rows, { options: { maxConcurrency: 50 } });
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(sim.counters.tokenMints, 1);
		assert.equal(sim.counters.tokenRequests, 1);
		assert.ok(
			credentialsHelperFor(store).counters.preAuthenticationRuns >= 10,
			'many calls asked for a token at once',
		);
		assertNoSecrets(result);
	});

	test('the token expires with 50 requests in flight: one new token, every item done once', async () => {
		sim.setRateLimits({ light: 1000, medium: 1000, heavy: 1000 });
		await warmUp();
		sim.setLatency(300);
		const rows = userRows(100);
		const stop = when(
			() => sim.counters.maxConcurrent >= 50,
			() => sim.expireAllTokens(),
		);
		const result = await run(createUsers, rows, { options: { maxConcurrency: 50 } });
		stop();
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(sim.counters.tokenMints, 2, 'the warm-up token and one refresh');
		assert.ok(
			apiRequests('POST /v2/users') >= 150,
			'at least 50 creates were refused (401) and retried',
		);
		assert.equal(sim.state.applied.userCreates, 100);
		assertUsersCreatedOnce(result, rows);
		assertNoSecrets(result);
	});

	test('the token is revoked mid-run: the next calls get a new one and go on', async () => {
		const rows = meetingRows(40);
		const stop = when(
			() => sim.state.applied.meetingCreates >= 10,
			() => {
				for (const token of sim.state.accessTokens.keys()) sim.revokeToken(token);
			},
		);
		const result = await run(createMeetings, rows);
		stop();
		assertOneOutputPerItem(result, rows);
		assert.equal(failed(result).length, 0, JSON.stringify(failed(result)[0]?.json));
		assert.equal(sim.counters.tokenMints, 2);
		assertMeetingsCreatedOnce(result, rows);
		assert.equal(sim.state.applied.meetingCreates, 40);
		assertNoSecrets(result);
	});

	test('the app is deactivated mid-run: the rest fail with a clear error, one each, no secret shown', async () => {
		const rows = meetingRows(40);
		const stop = when(
			() => sim.state.applied.meetingCreates >= 10,
			() => sim.disableApp(sim.defaultApp.clientId),
		);
		const result = await run(createMeetings, rows);
		stop();
		assertOneOutputPerItem(result, rows);
		assert.ok(succeeded(result).length >= 10);
		assert.ok(failed(result).length > 0);
		for (const item of failed(result)) {
			assert.match(String(item.json.error), /app has been disabled|Activate the app/);
		}
		// Items succeed before the deactivation, fail after it.
		const firstFailure = result.items.findIndex((item) => item.json.error);
		assert.ok(result.items.slice(firstFailure + 10).every((item) => item.json.error));
		assertMeetingsCreatedOnce(result, rows);
		assertNoSecrets(result);

		const stopped = await run(createMeetings, meetingRows(3, 'after'), { continueOnFail: false });
		assert.ok(stopped.error);
		assert.match(stopped.error.message, /app has been disabled/);
		assertNoSecrets(stopped);
	});
});
