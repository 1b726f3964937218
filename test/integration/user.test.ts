import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { clearServerToServerTokenCache } from '../../credentials/common/serverToServerToken';
import { ZoomWorkplace } from '../../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { OWNER_EMAIL, OWNER_ID, startZoomSimulator } from '../simulator';
import type { ZoomSimulator } from '../simulator';
import { connectOAuth2, CredentialsStore, executeNode } from './harness';
import type { ExecuteNodeResult } from './harness';

const S2S = 'zoomWorkplaceServerToServerOAuthApi';
const OAUTH2 = 'zoomWorkplaceOAuth2Api';
const ACCESS_TOKEN = 'zoomWorkplaceAccessTokenApi';

const CREDENTIAL_OF: Record<string, string> = {
	serverToServerOAuth: S2S,
	oAuth2: OAUTH2,
	accessToken: ACCESS_TOKEN,
};

let sim: ZoomSimulator;
let store: CredentialsStore;
let s2sRef: { id: string; name: string };

const user = (value: string, mode = 'id') => ({ __rl: true, mode, value });

/** Sum of the simulator's API request counters whose key starts with `prefix` ("GET /v2/users"). */
function apiRequests(prefix = ''): number {
	return Object.entries(sim.counters.requests)
		.filter(([key]) => key.startsWith(prefix))
		.reduce((sum, [, count]) => sum + count, 0);
}

interface RunOptions {
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
	authentication?: keyof typeof CREDENTIAL_OF;
	credential?: { id: string; name: string };
}

async function run(
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<ExecuteNodeResult> {
	const authentication = options.authentication ?? 'serverToServerOAuth';
	return await executeNode({
		nodeType: new ZoomWorkplace(),
		parameters: { authentication, resource: 'user', ...parameters },
		credentials: { [CREDENTIAL_OF[authentication]]: options.credential ?? s2sRef },
		inputItems: options.inputItems,
		continueOnFail: options.continueOnFail,
		credentialsStore: store,
	});
}

/** The node's output as users see it: JSON of each item. */
const json = (result: ExecuteNodeResult) => result.items.map((item) => item.json);

function assertFailed(result: ExecuteNodeResult, pattern: RegExp): string {
	assert.ok(result.error, `expected the node to fail, got ${JSON.stringify(json(result))}`);
	assert.match(result.error.message, pattern);
	return result.error.message;
}

beforeEach(async () => {
	clearServerToServerTokenCache();
	sim = await startZoomSimulator({ seed: false, enforceRateLimits: false });
	store = new CredentialsStore();
	s2sRef = store.add({
		type: S2S,
		data: {
			cloud: 'custom',
			apiBaseUrl: sim.apiBaseUrl,
			oauthBaseUrl: sim.oauthBaseUrl,
			...sim.defaultApp,
		},
	});
});

afterEach(async () => {
	await sim.close();
});

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

describe('user → update', () => {
	test('sends every added field, false and "" included, and returns the user read back', async () => {
		const bob = sim.state.addUser({
			email: 'bob@example.com',
			use_pmi: true,
			dept: 'Sales',
			type: 2,
		});
		const result = await run({
			operation: 'update',
			userId: user('bob@example.com', 'email'),
			updateFields: {
				firstName: 'Robert',
				usePmi: false,
				dept: '',
				type: 1,
				timezone: 'Europe/Berlin',
				pmi: '5551234567',
				hostKey: '123456',
				jobTitle: 'Engineer',
				language: 'de-DE',
				vanityName: 'robert.b',
				phoneNumbers: {
					phoneNumber: [{ country: 'us', code: '1', label: 'Mobile', number: '555 0100' }],
				},
			},
		});
		assert.equal(result.error, undefined, result.error?.message);
		const stored = sim.state.findUser(bob.id)!;
		assert.equal(stored.first_name, 'Robert');
		assert.equal(stored.use_pmi, false);
		assert.equal(stored.dept, '');
		assert.equal(stored.type, 1);
		assert.equal(stored.timezone, 'Europe/Berlin');
		assert.equal(stored.pmi, 5551234567);
		assert.equal(stored.host_key, '123456');
		assert.equal(stored.language, 'de-DE');
		assert.equal(stored.vanity_url, 'robert.b');
		assert.deepEqual(stored.phone_numbers, [
			{ country: 'US', code: '+1', label: 'Mobile', number: '5550100' },
		]);
		const [output] = json(result);
		assert.equal(output.id, bob.id);
		assert.equal(output.first_name, 'Robert');
		assert.equal(output.use_pmi, false);
		assert.equal(apiRequests('PATCH /v2/users/{userId}'), 1);
		assert.equal(apiRequests('GET /v2/users/{userId}'), 1);
	});

	test('no field, or a bad field, stops the item before any request', async () => {
		const none = await run({ operation: 'update', userId: user('me'), updateFields: {} });
		assertFailed(none, /Nothing to update in item 0/);
		const pmi = await run({
			operation: 'update',
			userId: user('me'),
			updateFields: { pmi: '12345' },
		});
		assertFailed(pmi, /Invalid "Personal Meeting ID \(PMI\)" in item 0: must be 10 digits/);
		const hostKey = await run({
			operation: 'update',
			userId: user('me'),
			updateFields: { hostKey: '12ab' },
		});
		assertFailed(hostKey, /Invalid "Host Key" in item 0: must be 6 to 10 digits/);
		const name = await run({
			operation: 'update',
			userId: user('me'),
			updateFields: { firstName: 'x'.repeat(65) },
		});
		assertFailed(name, /Invalid "First Name" in item 0: must be at most 64 characters/);
		assert.equal(sim.counters.totalApiRequests, 0);
	});

	test('an app that may write but not read users confirms the update instead of failing', async () => {
		sim.addServerToServerApp({
			clientId: 'write-only',
			clientSecret: 'write-only-secret',
			scopes: ['user:write:admin'],
		});
		const writeOnly = store.add({
			type: S2S,
			data: {
				cloud: 'custom',
				apiBaseUrl: sim.apiBaseUrl,
				oauthBaseUrl: sim.oauthBaseUrl,
				accountId: sim.defaultApp.accountId,
				clientId: 'write-only',
				clientSecret: 'write-only-secret',
			},
		});
		const carol = sim.state.addUser({ email: 'carol@example.com', dept: 'Sales' });
		const result = await run(
			{ operation: 'update', userId: user(carol.id), updateFields: { dept: 'Support' } },
			{ credential: writeOnly },
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(sim.state.findUser(carol.id)!.dept, 'Support');
		const [output] = json(result);
		assert.equal(output.id, carol.id);
		assert.equal(output.updated, true);
		assert.match(String(output.readBackError), /4711|scope/i);
	});
});

describe('user → delete', () => {
	test('disassociates by default; returns { id, deleted, action }', async () => {
		const temp = sim.state.addUser({ email: 'temp@example.com' });
		const result = await run({ operation: 'delete', userId: user(temp.id) });
		assert.equal(result.error, undefined);
		assert.deepEqual(json(result), [{ id: temp.id, deleted: true, action: 'disassociate' }]);
		assert.equal(sim.state.findUser(temp.id), undefined);
	});

	test('delete with a transfer moves the meetings to the heir', async () => {
		const leaver = sim.state.addUser({ email: 'leaver@example.com', type: 2 });
		const heir = sim.state.addUser({ email: 'heir@example.com', type: 2 });
		const meeting = sim.state.addMeeting(leaver.id, {
			topic: 'Weekly sync',
			type: 2,
			start_time: '2030-01-07T10:00:00Z',
		});
		const result = await run({
			operation: 'delete',
			userId: user('leaver@example.com', 'email'),
			action: 'delete',
			transfer: {
				transferEmail: 'heir@example.com',
				transferMeetings: true,
				transferRecordings: false,
			},
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(json(result), [{ id: 'leaver@example.com', deleted: true, action: 'delete' }]);
		assert.equal(sim.state.findUser(leaver.id), undefined);
		assert.equal(sim.state.meetings.get(meeting.id)?.host_id, heir.id);
	});

	test('a transfer without "Transfer To Email" is refused before any request', async () => {
		const leaver = sim.state.addUser({ email: 'leaver@example.com' });
		const result = await run({
			operation: 'delete',
			userId: user(leaver.id),
			transfer: { transferMeetings: true },
		});
		assertFailed(result, /Invalid "Transfer Meetings" in item 0: it needs "Transfer To Email"/);
		const badEmail = await run({
			operation: 'delete',
			userId: user(leaver.id),
			transfer: { transferEmail: 'heir' },
		});
		assertFailed(badEmail, /Invalid "Transfer To Email" in item 0/);
		assert.equal(sim.counters.totalApiRequests, 0);
		assert.ok(sim.state.findUser(leaver.id));
	});
});

describe('user → activate / deactivate', () => {
	test('deactivate then activate change the status in Zoom', async () => {
		const sam = sim.state.addUser({ email: 'sam@example.com' });
		const off = await run({ operation: 'deactivate', userId: user('sam@example.com', 'email') });
		assert.deepEqual(json(off), [{ id: 'sam@example.com', status: 'inactive' }]);
		assert.equal(sim.state.findUser(sam.id)!.status, 'inactive');
		const on = await run({ operation: 'activate', userId: user(sam.id) });
		assert.deepEqual(json(on), [{ id: sam.id, status: 'active' }]);
		assert.equal(sim.state.findUser(sam.id)!.status, 'active');
		assert.equal(apiRequests('PUT /v2/users/{userId}/status'), 2);
	});
});

describe('user → settings', () => {
	test('get: all settings, one section, or chosen fields', async () => {
		const all = await run({ operation: 'getSettings', userId: user('me') });
		assert.equal(all.error, undefined);
		const [settings] = json(all);
		assert.equal(typeof (settings.schedule_meeting as IDataObject).host_video, 'boolean');
		const security = await run({
			operation: 'getSettings',
			userId: user('me'),
			options: { option: 'meeting_security' },
		});
		assert.deepEqual(Object.keys(json(security)[0]), ['meeting_security']);
		const picked = await run({
			operation: 'getSettings',
			userId: user('me'),
			options: { customQueryFields: 'host_video' },
		});
		assert.deepEqual(json(picked)[0], {
			schedule_meeting: { host_video: (settings.schedule_meeting as IDataObject).host_video },
		});
	});

	test('update: the JSON is sent; the settings read back are returned', async () => {
		const before = sim.state.userSettings.get(OWNER_ID)!.schedule_meeting as IDataObject;
		const wanted = !before.host_video;
		const result = await run({
			operation: 'updateSettings',
			userId: user('me'),
			settings: JSON.stringify({ schedule_meeting: { host_video: wanted } }),
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(
			(sim.state.userSettings.get(OWNER_ID)!.schedule_meeting as IDataObject).host_video,
			wanted,
		);
		assert.equal((json(result)[0].schedule_meeting as IDataObject).host_video, wanted);
		assert.equal(apiRequests('PATCH /v2/users/{userId}/settings'), 1);
		assert.equal(apiRequests('GET /v2/users/{userId}/settings'), 1);
	});

	test('update: bad JSON names the field and the item and sends nothing; other items still run with Continue On Fail', async () => {
		const bad = await run({
			operation: 'updateSettings',
			userId: user('me'),
			settings: '{"schedule_meeting": {host_video: true}',
		});
		assertFailed(bad, /Invalid "Settings" in item 0: is not valid JSON/);
		const array = await run({
			operation: 'updateSettings',
			userId: user('me'),
			settings: '[1, 2]',
		});
		assertFailed(array, /Invalid "Settings" in item 0: must be a JSON object/);
		assert.equal(sim.counters.totalApiRequests, 0);

		const result = await run(
			{ operation: 'updateSettings', userId: user('me'), settings: '={{ $json.settings }}' },
			{
				continueOnFail: true,
				inputItems: [
					{ settings: '{"schedule_meeting":{"host_video":true}}' },
					{ settings: 'not json' },
				],
			},
		);
		assert.equal(result.items.length, 2);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
		assert.equal((json(result)[0].schedule_meeting as IDataObject).host_video, true);
		assert.match(String(json(result)[1].error), /Invalid "Settings" in item 1: is not valid JSON/);
		assert.equal(apiRequests('PATCH /v2/users/{userId}/settings'), 1);
	});
});

describe('user operations with each credential type', () => {
	test('Access Token: create, get, list and delete', async () => {
		const ref = store.add({
			type: ACCESS_TOKEN,
			data: { cloud: 'custom', apiBaseUrl: sim.apiBaseUrl, accessToken: sim.issueAccessToken() },
		});
		const options = { authentication: 'accessToken' as const, credential: ref };
		const created = await run(
			{ operation: 'create', action: 'custCreate', email: 'token@example.com', userType: 1 },
			options,
		);
		assert.equal(created.error, undefined, created.error?.message);
		const id = String(json(created)[0].id);
		const got = await run({ operation: 'get', userId: user(id) }, options);
		assert.equal(json(got)[0].email, 'token@example.com');
		const listed = await run({ operation: 'getAll', returnAll: true }, options);
		assert.ok(json(listed).some((u) => u.id === id));
		const deleted = await run({ operation: 'delete', userId: user(id) }, options);
		assert.deepEqual(json(deleted), [{ id, deleted: true, action: 'disassociate' }]);
		assert.equal(sim.counters.tokenRequests, 0);
	});

	test('OAuth2: get "me" and update the user behind the credential', async () => {
		const ref = store.add({
			type: OAUTH2,
			data: {
				cloud: 'custom',
				apiBaseUrl: sim.apiBaseUrl,
				oauthBaseUrl: sim.oauthBaseUrl,
				clientId: sim.defaultOAuthApp.clientId,
				clientSecret: sim.defaultOAuthApp.clientSecret,
			},
		});
		await connectOAuth2({ store, id: ref.id });
		const options = { authentication: 'oAuth2' as const, credential: ref };
		const me = await run({ operation: 'get', userId: user('me') }, options);
		assert.equal(me.error, undefined, me.error?.message);
		assert.equal(json(me)[0].id, OWNER_ID);
		const updated = await run(
			{ operation: 'update', userId: user('me'), updateFields: { jobTitle: 'Chief' } },
			options,
		);
		assert.equal(json(updated)[0].job_title, 'Chief');
		assert.equal(sim.state.findUser(OWNER_ID)!.job_title, 'Chief');
	});

	test('Server-to-Server OAuth: one token for a whole run of items', async () => {
		const ids = ['a', 'b', 'c'].map((n) => sim.state.addUser({ email: `${n}@example.com` }).id);
		const result = await run(
			{ operation: 'deactivate', userId: user('={{ $json.id }}') },
			{ inputItems: ids.map((id) => ({ id })) },
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(
			json(result),
			ids.map((id) => ({ id, status: 'inactive' })),
		);
		assert.ok(ids.every((id) => sim.state.findUser(id)!.status === 'inactive'));
		assert.equal(sim.counters.tokenMints, 1);
	});
});
