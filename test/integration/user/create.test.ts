import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { type ZoomSimulator } from '../../simulator';
import { userSuite, json, assertFailed } from './suite';

const suite = userSuite();
const { run, apiRequests } = suite;
let sim: ZoomSimulator;
beforeEach(() => ({ sim } = suite));

describe('user → create', () => {
	test('"Create" sends the user info; Zoom returns the new (pending) user', async () => {
		const result = await run({
			operation: 'create',
			action: 'create',
			email: 'jill.chill@example.com',
			userType: 2,
			additionalFields: { firstName: 'Jill', lastName: 'Chill', displayName: 'Jill C.' },
		});
		assert.equal(result.error, undefined);
		const [created] = json(result);
		assert.deepEqual(Object.keys(created).sort(), [
			'email',
			'first_name',
			'id',
			'last_name',
			'type',
		]);
		assert.equal(created.email, 'jill.chill@example.com');
		assert.equal(created.type, 2);
		const stored = sim.state.findUser('jill.chill@example.com')!;
		assert.equal(stored.id, created.id);
		assert.equal(stored.display_name, 'Jill C.');
		assert.equal(stored.status, 'pending');
		assert.equal(sim.state.applied.userCreates, 1);
		assert.deepEqual(result.items[0].pairedItem, { item: 0 });
	});

	test('"Auto Create" with a password that meets Zoom\'s rules makes an active user', async () => {
		const result = await run({
			operation: 'create',
			action: 'autoCreate',
			email: 'auto@example.com',
			userType: 1,
			additionalFields: { password: 'if42!LfH@' },
		});
		assert.equal(result.error, undefined);
		assert.equal(json(result)[0].email, 'auto@example.com');
		assert.equal(sim.state.findUser('auto@example.com')!.status, 'active');
	});

	test('"Customer Create" and "SSO Create" (type None) are sent as such', async () => {
		const cust = await run({
			operation: 'create',
			action: 'custCreate',
			email: 'cust@example.com',
			userType: 1,
		});
		assert.equal(cust.error, undefined);
		const sso = await run({
			operation: 'create',
			action: 'ssoCreate',
			email: 'sso@example.com',
			userType: 99,
		});
		assert.equal(sso.error, undefined);
		assert.equal(json(sso)[0].type, 99);
		assert.equal(sim.state.findUser('sso@example.com')!.type, 99);
		assert.equal(sim.state.applied.userCreates, 2);
	});

	test("passwords that break Zoom's rules stop the item before any request, without echoing the password", async () => {
		const cases: Array<[string, RegExp]> = [
			['Ab1', /at least 8 characters/],
			['Abcdefgh', /at least one number/],
			['abcdefg1', /uppercase and lowercase/],
			['Xy7Abcdef', /consecutive characters/],
			['Pw9876543', /consecutive characters/],
			[`Aa1${'x'.repeat(30)}`, /at most 32 characters/],
		];
		for (const [password, pattern] of cases) {
			const result = await run({
				operation: 'create',
				action: 'autoCreate',
				email: 'weak@example.com',
				userType: 1,
				additionalFields: { password },
			});
			const message = assertFailed(result, pattern);
			assert.match(message, /Invalid "Password" in item 0/);
			assert.ok(!message.includes(password), `the password leaked: ${message}`);
			assert.ok(!String(result.error?.description ?? '').includes(password));
		}
		assert.equal(sim.counters.totalApiRequests, 0);
		assert.equal(sim.counters.tokenRequests, 0);
	});

	test('a password with another action, or type None without SSO, is refused before any request', async () => {
		const withPassword = await run({
			operation: 'create',
			action: 'create',
			email: 'p@example.com',
			userType: 1,
			additionalFields: { password: 'if42!LfH@' },
		});
		assertFailed(
			withPassword,
			/Invalid "Password" in item 0: .*only be set with the "Auto Create" action/,
		);
		const noneType = await run({
			operation: 'create',
			action: 'create',
			email: 'n@example.com',
			userType: 99,
		});
		assertFailed(noneType, /Invalid "User Type" in item 0: .*"SSO Create"/);
		const badEmail = await run({
			operation: 'create',
			action: 'create',
			email: 'not-an-email',
			userType: 1,
		});
		assertFailed(badEmail, /Invalid "Email" in item 0: is not a valid email address/);
		assert.equal(sim.counters.totalApiRequests, 0);
	});

	test('a connection dropped after Zoom created the user: retried safely, exactly one user', async () => {
		sim.injectFault({ kind: 'reset-after', method: 'POST', path: '/v2/users' });
		const result = await run({
			operation: 'create',
			action: 'custCreate',
			email: 'once@example.com',
			userType: 1,
			additionalFields: { firstName: 'Once' },
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(sim.state.applied.userCreates, 1);
		assert.equal(
			sim.state.usersOf(sim.defaultApp.accountId).filter((u) => u.email === 'once@example.com')
				.length,
			1,
		);
		const [created] = json(result);
		assert.deepEqual(created, {
			id: sim.state.findUser('once@example.com')!.id,
			first_name: 'Once',
			last_name: '',
			email: 'once@example.com',
			type: 1,
		});
		// the lost POST, then the look-up by email; no second POST
		assert.equal(apiRequests('POST /v2/users'), 1);
		assert.equal(apiRequests('GET /v2/users/{userId}'), 1);
	});

	test('a connection dropped before Zoom saw the create: the look-up finds nothing, the create is re-sent once', async () => {
		sim.injectFault({ kind: 'reset-before', method: 'POST', path: '/v2/users' });
		const result = await run({
			operation: 'create',
			action: 'custCreate',
			email: 'later@example.com',
			userType: 1,
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(sim.state.applied.userCreates, 1);
		assert.equal(apiRequests('POST /v2/users'), 2);
		assert.equal(json(result)[0].email, 'later@example.com');
	});

	test("a dropped create for an email that was already taken before: not mistaken for ours, Zoom's 1005 surfaces", async () => {
		sim.state.addUser({ email: 'old@example.com', created_at: '2020-01-01T00:00:00Z' });
		sim.injectFault({ kind: 'reset-before', method: 'POST', path: '/v2/users' });
		const result = await run({
			operation: 'create',
			action: 'custCreate',
			email: 'old@example.com',
			userType: 1,
		});
		assertFailed(result, /Zoom error 1005: User already in the account: old@example\.com/);
		assert.equal(sim.state.applied.userCreates, 0);
		assert.equal(apiRequests('GET /v2/users/{userId}'), 1);
		assert.equal(apiRequests('POST /v2/users'), 2);
	});

	test("409/1005: an email already in use surfaces Zoom's message", async () => {
		sim.state.addUser({ email: 'taken@example.com' });
		const result = await run({
			operation: 'create',
			action: 'create',
			email: 'taken@example.com',
			userType: 1,
		});
		const message = assertFailed(result, /Zoom error 1005/);
		assert.match(message, /User already in the account: taken@example\.com/);
		assert.equal(sim.state.applied.userCreates, 0);
		assert.equal(apiRequests('POST /v2/users'), 1);
	});
});
