import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { clearServerToServerTokenCache } from '../../../nodes/core/transport/serverToServerToken';
import { credentialsHelperFor } from '../harness';
import { CredentialsStore } from '../harness';
import {
	faultsSuite,
	replaceStore,
	S2S,
	sim,
	store,
	ref,
	run,
	createMeetings,
	createUsers,
	getUsers,
	meetingRows,
	userRows,
	existingUserRows,
	assertOneOutputPerItem,
	assertNoSecrets,
	failed,
	succeeded,
	assertMeetingsCreatedOnce,
	assertUsersCreatedOnce,
	when,
	warmUp,
	apiRequests,
} from './suite';

faultsSuite();

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
		replaceStore(fresh);
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
