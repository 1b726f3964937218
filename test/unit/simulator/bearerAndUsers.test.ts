import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { OWNER_EMAIL, startZoomSimulator, type ZoomSimulator } from '../../simulator';
import { client, UNLIMITED } from './helpers';

describe('Zoom simulator', () => {
	let sim: ZoomSimulator;
	let token: string;
	const api = client(
		() => sim,
		() => token,
	);

	before(async () => {
		// These tests probe the simulator's own handlers, invalid requests included: spec checks off.
		sim = await startZoomSimulator({ rateLimits: UNLIMITED, validateRequests: false });
		token = sim.issueAccessToken();
	});
	after(() => sim.close());

	describe('bearer token checks', () => {
		test('missing and unknown tokens: 401/124', async () => {
			for (const t of [null, 'not-a-token']) {
				const res = await api('GET', '/users/me', { token: t });
				assert.equal(res.status, 401);
				assert.deepEqual(res.body, { code: 124, message: 'Invalid access token.' });
			}
		});

		test('revoked token: 401/124', async () => {
			const t = sim.issueAccessToken();
			assert.equal((await api('GET', '/users/me', { token: t })).status, 200);
			sim.revokeToken(t);
			const res = await api('GET', '/users/me', { token: t });
			assert.equal(res.status, 401);
			assert.deepEqual(res.body, { code: 124, message: 'Invalid access token.' });
		});

		test('expired tokens: 401/124 "Access token is expired."', async () => {
			const shortLived = sim.issueAccessToken({ lifetimeSeconds: 0 });
			assert.deepEqual((await api('GET', '/users/me', { token: shortLived })).body, {
				code: 124,
				message: 'Access token is expired.',
			});
			const t = sim.issueAccessToken();
			sim.expireAllTokens();
			const res = await api('GET', '/users/me', { token: t });
			assert.equal(res.status, 401);
			assert.equal(res.body.message, 'Access token is expired.');
			token = sim.issueAccessToken();
			assert.equal((await api('GET', '/users/me')).status, 200);
		});

		test('missing scope: 400/4711 listing the endpoint scopes', async () => {
			const readMeetings = sim.issueAccessToken({ scopes: ['meeting:read'] });
			const users = await api('GET', '/users', { token: readMeetings });
			assert.equal(users.status, 400);
			assert.deepEqual(users.body, {
				code: 4711,
				message: 'Invalid access token, does not contain scopes:[user:read:admin].',
			});
			const user = await api('GET', '/users/me', { token: readMeetings });
			assert.equal(
				user.body.message,
				'Invalid access token, does not contain scopes:[user:read:admin, user:read, user_info:read].',
			);
			assert.equal((await api('GET', '/users/me/meetings', { token: readMeetings })).status, 200);
			const granular = sim.issueAccessToken({ scopes: ['meeting:write:meeting:admin'] });
			assert.equal(
				(await api('POST', '/users/me/meetings', { token: granular, body: { topic: 'granular' } }))
					.status,
				201,
			);
		});
	});

	describe('users', () => {
		test('create, get by id and email, update, status, delete', async () => {
			const before = sim.state.applied.userCreates;
			const created = await api('POST', '/users', {
				body: {
					action: 'custCreate',
					user_info: {
						email: 'new.person@sim.example.com',
						type: 1,
						first_name: 'New',
						last_name: 'Person',
					},
				},
			});
			assert.equal(created.status, 201);
			assert.deepEqual(Object.keys(created.body).sort(), [
				'email',
				'first_name',
				'id',
				'last_name',
				'type',
			]);
			assert.equal(sim.state.applied.userCreates, before + 1);
			const id = created.body.id;

			const byEmail = await api(
				'GET',
				`/users/${encodeURIComponent('new.person@sim.example.com')}`,
			);
			assert.equal(byEmail.status, 200);
			assert.equal(byEmail.body.id, id);
			assert.equal(byEmail.body.status, 'active');

			const dup = await api('POST', '/users', {
				body: { action: 'create', user_info: { email: 'NEW.person@sim.example.com', type: 1 } },
			});
			assert.equal(dup.status, 409);
			assert.deepEqual(dup.body, {
				code: 1005,
				message: 'User already in the account: NEW.person@sim.example.com',
			});

			assert.equal(
				(
					await api('PATCH', `/users/${id}`, {
						body: { first_name: 'Renamed', use_pmi: false, dept: '' },
					})
				).status,
				204,
			);
			assert.equal((await api('GET', `/users/${id}`)).body.first_name, 'Renamed');
			const badPatch = await api('PATCH', `/users/${id}`, { body: { type: 7 } });
			assert.equal(badPatch.status, 400);
			assert.equal(badPatch.body.code, 300);
			assert.deepEqual(badPatch.body.errors, [{ field: 'type', message: 'Invalid field.' }]);

			assert.equal(
				(await api('PUT', `/users/${id}/status`, { body: { action: 'deactivate' } })).status,
				204,
			);
			assert.equal((await api('GET', `/users/${id}`)).body.status, 'inactive');
			const inactive = await api('GET', '/users?status=inactive&page_size=300');
			assert.ok(inactive.body.users.some((u: any) => u.id === id));

			assert.equal((await api('DELETE', `/users/${id}?action=delete`)).status, 204);
			const gone = await api('GET', `/users/${id}`);
			assert.equal(gone.status, 404);
			assert.deepEqual(gone.body, { code: 1001, message: `User does not exist: ${id}.` });
		});

		test("'create' leaves the user pending; validation errors list fields", async () => {
			const invited = await api('POST', '/users', {
				body: { action: 'create', user_info: { email: 'invitee@sim.example.com', type: 1 } },
			});
			assert.equal(invited.status, 201);
			assert.equal(sim.state.users.get(invited.body.id)!.status, 'pending');
			const bad = await api('POST', '/users', { body: { action: 'make', user_info: { type: 3 } } });
			assert.equal(bad.status, 400);
			assert.equal(bad.body.message, 'Validation Failed.');
			assert.deepEqual(bad.body.errors.map((e: any) => e.field).sort(), [
				'action',
				'user_info.email',
				'user_info.type',
			]);
		});

		test('unknown user: 404/1001', async () => {
			const res = await api('GET', '/users/nobody@sim.example.com');
			assert.deepEqual(
				[res.status, res.body],
				[404, { code: 1001, message: 'User does not exist: nobody@sim.example.com.' }],
			);
		});

		test('settings deep-merge, false is a value', async () => {
			const before = await api('GET', '/users/me/settings');
			assert.equal(before.body.in_meeting.chat, true);
			assert.equal(before.body.in_meeting.annotation, true);
			assert.equal(
				(await api('PATCH', '/users/me/settings', { body: { in_meeting: { chat: false } } }))
					.status,
				204,
			);
			const after = await api('GET', '/users/me/settings');
			assert.equal(after.body.in_meeting.chat, false);
			assert.equal(after.body.in_meeting.annotation, true);
			assert.equal(after.body.schedule_meeting.host_video, false);
			const bad = await api('PATCH', '/users/me/settings', {
				body: { in_meeting: { chat: 'no' } },
			});
			assert.equal(bad.status, 400);
			assert.deepEqual(bad.body.errors, [{ field: 'in_meeting.chat', message: 'Invalid field.' }]);
		});

		test('email check', async () => {
			assert.deepEqual(
				(await api('GET', `/users/email?email=${encodeURIComponent(OWNER_EMAIL)}`)).body,
				{ existed_email: true },
			);
			assert.deepEqual((await api('GET', '/users/email?email=none%40x.org')).body, {
				existed_email: false,
			});
		});
	});
});
