import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { clearServerToServerTokenCache } from '../../../nodes/core/transport/serverToServerToken';
import { ZoomWorkplace } from '../../../nodes/ZoomWorkplace/ZoomWorkplace.node';
import {
	addServerToServerCredential,
	apiRequests as countApiRequests,
	S2S,
} from '../../fixtures/zoom';
import { startZoomSimulator } from '../../simulator';
import type { SimulatorOptions, ZoomSimulator, ZoomUser } from '../../simulator';
import { CredentialsStore, executeNode } from '../harness';
import type { ExecuteNodeResult } from '../harness';

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
/*
 * Shared by the files of this folder: the simulator, hosts and credential of the running test
 * (exported live: a test may restart the simulator with other options), and the checks above.
 */

export const BUSINESS = { light: 80, medium: 60, heavy: 40 };

export let sim: ZoomSimulator;
export let store: CredentialsStore;
export let ref: { id: string; name: string };
export let hosts: ZoomUser[];

export { S2S } from '../../fixtures/zoom';

/** Swaps the credential store of the running test (a credential as after a restart of n8n). */
export function replaceStore(next: CredentialsStore): void {
	store = next;
}

export async function startSimulator(options: SimulatorOptions = {}) {
	clearServerToServerTokenCache();
	sim = await startZoomSimulator({ seed: false, latencyMs: 5, rateLimits: BUSINESS, ...options });
	hosts = Array.from({ length: 8 }, (_, i) =>
		sim.state.addUser({ email: `host${i}@faults.example.com`, first_name: `Host${i}` }),
	);
	store = new CredentialsStore();
	ref = addServerToServerCredential(store, sim);
}

/** Registers a fresh simulator, hosts and credential for each test of the calling file. */
export function faultsSuite(): void {
	beforeEach(async () => await startSimulator());
	afterEach(async () => await sim.close());
}

export const rl = (value: string) => ({ __rl: true, mode: 'id', value });

export interface RunOptions {
	continueOnFail?: boolean;
	options?: IDataObject;
}

export async function run(
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

export const createMeetings = {
	resource: 'meeting',
	operation: 'create',
	userId: rl('={{ $json.host }}'),
	topic: '={{ $json.topic }}',
	additionalFields: {},
};

export const createUsers = {
	resource: 'user',
	operation: 'create',
	action: 'create',
	email: '={{ $json.email }}',
	userType: 1,
	additionalFields: {},
};

export const getUsers = { resource: 'user', operation: 'get', userId: rl('={{ $json.userId }}') };

export const deleteMeetings = {
	resource: 'meeting',
	operation: 'delete',
	meetingId: { __rl: true, mode: 'id', value: '={{ $json.meetingId }}' },
};

/** One row per meeting to create, spread over the hosts (Zoom: 100 creates per host per day). */
export function meetingRows(count: number, tag = 'm'): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		host: hosts[i % hosts.length].id,
		topic: `Fault run ${tag} #${i}`,
	}));
}

export function userRows(count: number, tag = 'u'): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({ email: `${tag}${i}@bulk.example.com` }));
}

/** `count` users that exist, to be read. */
export function existingUserRows(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		userId: sim.state.addUser({ email: `reader${i}@bulk.example.com` }).id,
	}));
}

/** Every input item is one output item, in order, paired with its input. */
export function assertOneOutputPerItem(result: ExecuteNodeResult, inputs: IDataObject[]): void {
	assert.equal(result.error, undefined, `the node failed: ${result.error?.message}`);
	assert.equal(result.items.length, inputs.length, 'one output item per input item');
	result.items.forEach((item, index) => {
		assert.deepEqual(item.pairedItem, { item: index }, `pairedItem of output ${index}`);
	});
}

/** Neither the client secret (plain or in a Basic header) nor any access token is in the run. */
export function assertNoSecrets(result: ExecuteNodeResult): void {
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

export const failed = (result: ExecuteNodeResult) => result.items.filter((item) => item.json.error);
export const succeeded = (result: ExecuteNodeResult) =>
	result.items.filter((item) => !item.json.error);

/** Each meeting row was created exactly once, and its output item is that meeting. */
export function assertMeetingsCreatedOnce(result: ExecuteNodeResult, rows: IDataObject[]): void {
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

export function assertUsersCreatedOnce(result: ExecuteNodeResult, rows: IDataObject[]): void {
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
export function when(condition: () => boolean, action: () => void): () => void {
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
export async function warmUp(): Promise<void> {
	const result = await run(getUsers, [{ userId: 'me' }]);
	assert.equal(failed(result).length, 0);
}

export const apiRequests = (prefix: string) => countApiRequests(sim, prefix);

/**
 * Another app of the same Zoom account (limits are per account): sends `ratePerSecond` medium
 * requests a second, after an opening burst of `burst` at once.
 */
export function busyNeighbour(ratePerSecond: number, burst = 0) {
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
