import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { OWNER_ID, type ZoomSimulator } from '../../simulator';
import { connectOAuth2, type CredentialsStore } from '../harness';
import { userSuite, user, json, OAUTH2, ACCESS_TOKEN } from './suite';

const suite = userSuite();
const { run } = suite;
let sim: ZoomSimulator;
let store: CredentialsStore;
beforeEach(() => ({ sim, store } = suite));

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
