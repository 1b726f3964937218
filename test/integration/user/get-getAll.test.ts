import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { OWNER_ID, OWNER_EMAIL, type ZoomSimulator } from '../../simulator';
import { userSuite, user, json, assertFailed } from './suite';

const suite = userSuite();
const { run, apiRequests } = suite;
let sim: ZoomSimulator;
beforeEach(() => ({ sim } = suite));

describe('user → get', () => {
	test('by ID, by email and "me"', async () => {
		const jane = sim.state.addUser({ email: 'jane@example.com', first_name: 'Jane' });
		const byId = await run({ operation: 'get', userId: user(jane.id) });
		assert.equal(json(byId)[0].email, 'jane@example.com');
		const byEmail = await run({ operation: 'get', userId: user('jane@example.com', 'email') });
		assert.equal(json(byEmail)[0].id, jane.id);
		const me = await run({ operation: 'get', userId: user('me') });
		assert.equal(json(me)[0].id, OWNER_ID);
		assert.equal(json(me)[0].email, OWNER_EMAIL);
	});

	test('404/1001 with "Continue On Fail": one output item per input item, paired, the missing one an error', async () => {
		const jane = sim.state.addUser({ email: 'jane@example.com' });
		const result = await run(
			{ operation: 'get', userId: user('={{ $json.userId }}') },
			{
				continueOnFail: true,
				inputItems: [{ userId: jane.id }, { userId: 'nobody@example.com' }, { userId: 'me' }],
			},
		);
		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 3);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }, { item: 2 }],
		);
		const [first, missing, me] = json(result);
		assert.equal(first.id, jane.id);
		assert.match(
			String(missing.error),
			/Zoom error 1001: User does not exist: nobody@example\.com/,
		);
		assert.equal(missing.httpCode, '404');
		assert.equal(me.id, OWNER_ID);
	});

	test('404/1001 without "Continue On Fail" stops the node with Zoom\'s message and a hint', async () => {
		const result = await run({ operation: 'get', userId: user('ghost@example.com', 'email') });
		assertFailed(result, /Zoom error 1001: User does not exist: ghost@example\.com/);
		assert.match(String(result.error?.description), /Check the User field/);
	});
});

describe('user → getAll', () => {
	test('Return All over 651 users takes ceil(651/300) = 3 requests, one item per user', async () => {
		for (let i = 0; i < 650; i++) sim.state.addUser({ email: `bulk${i}@example.com` });
		const result = await run({ operation: 'getAll', returnAll: true });
		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 651);
		assert.equal(apiRequests('GET /v2/users'), 3);
		assert.equal(new Set(json(result).map((u) => u.id)).size, 651);
		assert.ok(result.items.every((item) => (item.pairedItem as { item: number }).item === 0));
	});

	test('Limit returns exactly that many users with as few requests as possible', async () => {
		for (let i = 0; i < 650; i++) sim.state.addUser({ email: `bulk${i}@example.com` });
		const five = await run({ operation: 'getAll', returnAll: false, limit: 5 });
		assert.equal(five.items.length, 5);
		assert.equal(apiRequests('GET /v2/users'), 1);
		sim.resetCounters();
		const many = await run({ operation: 'getAll', returnAll: false, limit: 350 });
		assert.equal(many.items.length, 350);
		assert.equal(apiRequests('GET /v2/users'), 2);
	});

	test('filters: status and role ID', async () => {
		sim.state.addUser({ email: 'gone@example.com', status: 'inactive' });
		sim.state.addUser({ email: 'invited@example.com', status: 'pending' });
		sim.state.addUser({ email: 'admin@example.com', role_id: '1' });
		const inactive = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'inactive' },
		});
		assert.deepEqual(
			json(inactive).map((u) => u.email),
			['gone@example.com'],
		);
		const pending = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'pending' },
		});
		assert.deepEqual(
			json(pending).map((u) => u.email),
			['invited@example.com'],
		);
		const admins = await run({ operation: 'getAll', returnAll: true, filters: { roleId: '1' } });
		assert.deepEqual(
			json(admins).map((u) => u.email),
			['admin@example.com'],
		);
		const active = await run({ operation: 'getAll', returnAll: true });
		assert.deepEqual(
			json(active)
				.map((u) => u.email)
				.sort(),
			['admin@example.com', OWNER_EMAIL].sort(),
		);
	});
});
