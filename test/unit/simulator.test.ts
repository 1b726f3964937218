import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OWNER_EMAIL, OWNER_ID, startZoomSimulator, type ZoomSimulator } from '../simulator';

interface Answer {
	status: number;
	headers: Headers;
	body: any;
}

const basic = (id: string, secret: string) =>
	`Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function read(res: Response): Promise<Answer> {
	const text = await res.text();
	let body: unknown = text;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		// not JSON: keep the text
	}
	return { status: res.status, headers: res.headers, body };
}

function client(getSim: () => ZoomSimulator, getToken: () => string) {
	return async (
		method: string,
		path: string,
		opts: { body?: unknown; token?: string | null; rawBody?: string } = {},
	): Promise<Answer> => {
		const headers: Record<string, string> = {};
		const token = opts.token === undefined ? getToken() : opts.token;
		if (token !== null) headers.Authorization = `Bearer ${token}`;
		let payload: string | undefined;
		if (opts.rawBody !== undefined || opts.body !== undefined) {
			headers['Content-Type'] = 'application/json';
			payload = opts.rawBody ?? JSON.stringify(opts.body);
		}
		return read(await fetch(`${getSim().apiBaseUrl}${path}`, { method, headers, body: payload }));
	};
}

async function tokenRequest(
	sim: ZoomSimulator,
	form: Record<string, string>,
	authorization?: string,
	query = '',
): Promise<Answer> {
	const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
	if (authorization) headers.Authorization = authorization;
	return read(
		await fetch(`${sim.oauthBaseUrl}/oauth/token${query}`, {
			method: 'POST',
			headers,
			body: new URLSearchParams(form).toString(),
		}),
	);
}

/** Starts a burst at the beginning of a second so it cannot straddle two rate-limit windows. */
async function startOfSecond(): Promise<void> {
	const ms = Date.now() % 1000;
	if (ms > 700) await new Promise((r) => setTimeout(r, 1005 - ms));
}

const UNLIMITED = { light: 100_000, medium: 100_000, heavy: 100_000 };

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

	describe('Server-to-Server OAuth token', () => {
		const s2sForm = { grant_type: 'account_credentials', account_id: 'sim-account' };

		test('issues a bearer token that works on the API', async () => {
			const before = { ...sim.counters };
			const res = await tokenRequest(sim, s2sForm, basic('sim-client-id', 'sim-client-secret'));
			assert.equal(res.status, 200);
			assert.equal(res.body.token_type, 'bearer');
			assert.equal(res.body.expires_in, 3600);
			assert.equal(res.body.api_url, sim.url);
			assert.match(res.body.scope, /meeting:write:admin/);
			assert.ok(res.body.access_token.length >= 48);
			assert.equal(res.body.refresh_token, undefined);
			const me = await api('GET', '/users/me', { token: res.body.access_token });
			assert.equal(me.status, 200);
			assert.equal(me.body.email, OWNER_EMAIL);
			assert.equal(sim.counters.tokenMints, before.tokenMints + 1);
			assert.equal(sim.counters.tokenRequests, before.tokenRequests + 1);
		});

		test('accepts grant_type and account_id in the query string; older tokens stay valid', async () => {
			const first = await tokenRequest(
				sim,
				{},
				basic('sim-client-id', 'sim-client-secret'),
				'?grant_type=account_credentials&account_id=sim-account',
			);
			const second = await tokenRequest(sim, s2sForm, basic('sim-client-id', 'sim-client-secret'));
			assert.equal(first.status, 200);
			assert.notEqual(first.body.access_token, second.body.access_token);
			assert.equal((await api('GET', '/users/me', { token: first.body.access_token })).status, 200);
			assert.equal(
				(await api('GET', '/users/me', { token: second.body.access_token })).status,
				200,
			);
		});

		test('rejects a wrong secret, an unknown client and a missing Basic header', async () => {
			const invalidClient = {
				reason: 'Invalid client_id or client_secret',
				error: 'invalid_client',
			};
			const before = sim.counters.tokenMints;
			for (const auth of [
				basic('sim-client-id', 'nope'),
				basic('who', 'sim-client-secret'),
				undefined,
			]) {
				const res = await tokenRequest(sim, s2sForm, auth);
				assert.equal(res.status, 400);
				assert.deepEqual(res.body, invalidClient);
			}
			assert.equal(sim.counters.tokenMints, before);
		});

		test('rejects a wrong or missing account_id', async () => {
			for (const form of [
				{ ...s2sForm, account_id: 'other' },
				{ grant_type: 'account_credentials' },
			]) {
				const res = await tokenRequest(sim, form, basic('sim-client-id', 'sim-client-secret'));
				assert.equal(res.status, 400);
				assert.deepEqual(res.body, { reason: 'Invalid account_id', error: 'invalid_request' });
			}
		});

		test('refuses account_credentials for an OAuth (user) app', async () => {
			const res = await tokenRequest(
				sim,
				s2sForm,
				basic('sim-oauth-client-id', 'sim-oauth-client-secret'),
			);
			assert.equal(res.status, 400);
			assert.deepEqual(res.body, {
				reason: 'unsupported grant type',
				error: 'unsupported_grant_type',
			});
		});

		test('a disabled app gets no token and its tokens stop working', async () => {
			sim.addServerToServerApp({ clientId: 'to-disable', clientSecret: 's3cret' });
			const ok = await tokenRequest(sim, s2sForm, basic('to-disable', 's3cret'));
			assert.equal(ok.status, 200);
			sim.disableApp('to-disable');
			const refused = await tokenRequest(sim, s2sForm, basic('to-disable', 's3cret'));
			assert.equal(refused.status, 400);
			assert.deepEqual(refused.body, {
				reason: 'The app has been disabled',
				error: 'invalid_client',
			});
			const use = await api('GET', '/users/me', { token: ok.body.access_token });
			assert.equal(use.status, 401);
			assert.equal(use.body.code, 124);
		});
	});

	describe('OAuth2 authorization code', () => {
		const oauthBasic = basic('sim-oauth-client-id', 'sim-oauth-client-secret');
		const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';

		async function authorize(extra = ''): Promise<string> {
			const res = await fetch(
				`${sim.oauthBaseUrl}/oauth/authorize?response_type=code&client_id=sim-oauth-client-id&redirect_uri=${encodeURIComponent(redirectUri)}&state=xyz${extra}`,
				{ redirect: 'manual' },
			);
			assert.equal(res.status, 302);
			const location = new URL(res.headers.get('location')!);
			assert.equal(`${location.origin}${location.pathname}`, redirectUri);
			assert.equal(location.searchParams.get('state'), 'xyz');
			return location.searchParams.get('code')!;
		}

		test('unknown client_id gets an error page', async () => {
			const res = await fetch(
				`${sim.oauthBaseUrl}/oauth/authorize?response_type=code&client_id=nobody&redirect_uri=x`,
				{ redirect: 'manual' },
			);
			assert.equal(res.status, 400);
		});

		test('code exchange, single-use codes, refresh rotation', async () => {
			const code = await authorize();
			const form = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
			const first = await tokenRequest(sim, form, oauthBasic);
			assert.equal(first.status, 200);
			assert.equal(first.body.token_type, 'bearer');
			assert.equal(first.body.expires_in, 3600);
			assert.ok(first.body.refresh_token);
			assert.equal(
				(await api('GET', '/users/me', { token: first.body.access_token })).body.id,
				OWNER_ID,
			);

			const reuse = await tokenRequest(sim, form, oauthBasic);
			assert.equal(reuse.status, 400);
			assert.deepEqual(reuse.body, {
				reason: 'Invalid authorization code',
				error: 'invalid_grant',
			});

			const refreshed = await tokenRequest(
				sim,
				{ grant_type: 'refresh_token', refresh_token: first.body.refresh_token },
				oauthBasic,
			);
			assert.equal(refreshed.status, 200);
			assert.notEqual(refreshed.body.refresh_token, first.body.refresh_token);
			assert.notEqual(refreshed.body.access_token, first.body.access_token);

			const stale = await tokenRequest(
				sim,
				{ grant_type: 'refresh_token', refresh_token: first.body.refresh_token },
				oauthBasic,
			);
			assert.equal(stale.status, 400);
			assert.deepEqual(stale.body, { reason: 'Invalid Token!', error: 'invalid_grant' });

			// Client credentials in the body are accepted too.
			const again = await tokenRequest(sim, {
				grant_type: 'refresh_token',
				refresh_token: refreshed.body.refresh_token,
				client_id: 'sim-oauth-client-id',
				client_secret: 'sim-oauth-client-secret',
			});
			assert.equal(again.status, 200);
		});

		test('redirect_uri must match the one used to authorize', async () => {
			const code = await authorize();
			const res = await tokenRequest(
				sim,
				{ grant_type: 'authorization_code', code, redirect_uri: 'http://evil.example/cb' },
				oauthBasic,
			);
			assert.equal(res.status, 400);
			assert.equal(res.body.error, 'invalid_request');
		});

		test('PKCE (S256) is checked when a challenge was sent', async () => {
			const { createHash } = await import('node:crypto');
			const verifier = 'a'.repeat(50);
			const challenge = createHash('sha256').update(verifier).digest('base64url');
			const code = await authorize(`&code_challenge=${challenge}&code_challenge_method=S256`);
			const form = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
			assert.equal(
				(await tokenRequest(sim, { ...form, code_verifier: 'wrong' }, oauthBasic)).status,
				400,
			);
			assert.equal(
				(await tokenRequest(sim, { ...form, code_verifier: verifier }, oauthBasic)).status,
				200,
			);
		});
	});

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

	describe('meetings', () => {
		test('create returns the full meeting with defaults merged into settings', async () => {
			const before = sim.state.applied.meetingCreates;
			const res = await api('POST', '/users/me/meetings', {
				body: {
					topic: 'Planning',
					type: 2,
					start_time: '2031-05-04T09:30:00',
					timezone: 'Europe/Berlin',
					duration: 45,
					settings: { host_video: true },
				},
			});
			assert.equal(res.status, 201);
			const m = res.body;
			assert.equal(typeof m.id, 'number');
			assert.match(String(m.id), /^\d{11}$/);
			assert.match(m.uuid, /^[A-Za-z0-9+/]{22}==$/);
			assert.equal(m.host_id, OWNER_ID);
			assert.equal(m.host_email, OWNER_EMAIL);
			assert.equal(m.status, 'waiting');
			assert.equal(m.start_time, '2031-05-04T07:30:00Z');
			assert.equal(m.timezone, 'Europe/Berlin');
			assert.ok(m.join_url.startsWith(`${sim.url}/j/${m.id}?pwd=`));
			assert.ok(m.start_url.startsWith(`${sim.url}/s/${m.id}`));
			assert.equal(m.settings.host_video, true);
			assert.equal(m.settings.mute_upon_entry, false);
			assert.equal(m.pre_schedule, false);
			assert.ok(m.password.length > 0 && m.password.length <= 10);
			assert.equal(sim.state.applied.meetingCreates, before + 1);
			assert.equal(sim.state.meetings.get(m.id)!.topic, 'Planning');
		});

		test('recurring type 8 gets recurrence and occurrences', async () => {
			const res = await api('POST', '/users/me/meetings', {
				body: {
					topic: 'Daily',
					type: 8,
					start_time: '2031-01-06T08:00:00Z',
					recurrence: { type: 1, repeat_interval: 1, end_times: 5 },
				},
			});
			assert.equal(res.status, 201);
			assert.equal(res.body.occurrences.length, 5);
			assert.equal(res.body.occurrences[1].start_time, '2031-01-07T08:00:00Z');
			assert.equal(
				res.body.occurrences[0].occurrence_id,
				String(Date.parse('2031-01-06T08:00:00Z')),
			);
			assert.deepEqual(res.body.recurrence, { type: 1, repeat_interval: 1, end_times: 5 });

			const occurrence = res.body.occurrences[2].occurrence_id;
			assert.equal(
				(await api('DELETE', `/meetings/${res.body.id}?occurrence_id=${occurrence}`)).status,
				204,
			);
			const got = await api(
				'GET',
				`/meetings/${res.body.id}?occurrence_id=${res.body.occurrences[1].occurrence_id}`,
			);
			assert.equal(got.body.start_time, '2031-01-07T08:00:00Z');
			assert.equal(
				got.body.occurrences.find((o: any) => o.occurrence_id === occurrence).status,
				'deleted',
			);
		});

		test('validation: 400/300 with errors[]', async () => {
			const res = await api('POST', '/users/me/meetings', {
				body: {
					topic: 'x'.repeat(201),
					type: 5,
					duration: -1,
					start_time: 'tomorrow',
					password: '12345678901',
				},
			});
			assert.equal(res.status, 400);
			assert.equal(res.body.code, 300);
			assert.equal(res.body.message, 'Validation Failed.');
			assert.deepEqual(res.body.errors.map((e: any) => e.field).sort(), [
				'duration',
				'password',
				'start_time',
				'topic',
				'type',
			]);
		});

		test('get, patch (false/0 kept), invitation, end, delete, 404/3001', async () => {
			const created = (
				await api('POST', '/users/me/meetings', {
					body: {
						topic: 'Patch me',
						type: 2,
						start_time: '2031-02-01T10:00:00Z',
						settings: { join_before_host: true, jbh_time: 10 },
					},
				})
			).body;
			const got = await api('GET', `/meetings/${created.id}`);
			assert.equal(got.status, 200);
			assert.equal(got.body.uuid, created.uuid);

			const patched = await api('PATCH', `/meetings/${created.id}`, {
				body: { topic: 'Patched', duration: 0, settings: { join_before_host: false, jbh_time: 0 } },
			});
			assert.equal(patched.status, 204);
			const after = (await api('GET', `/meetings/${created.id}`)).body;
			assert.equal(after.topic, 'Patched');
			assert.equal(after.duration, 0);
			assert.equal(after.settings.join_before_host, false);
			assert.equal(after.settings.jbh_time, 0);
			assert.equal(after.settings.audio, 'voip');
			assert.equal(after.start_time, '2031-02-01T10:00:00Z');

			const invitation = await api('GET', `/meetings/${created.id}/invitation`);
			assert.equal(invitation.status, 200);
			assert.match(invitation.body.invitation, /Topic: Patched/);
			assert.ok(invitation.body.invitation.includes(created.join_url));
			assert.ok(invitation.body.invitation.includes(`Passcode: ${created.password}`));
			const id = String(created.id);
			assert.ok(
				invitation.body.invitation.includes(
					`Meeting ID: ${id.slice(0, 3)} ${id.slice(3, 7)} ${id.slice(7)}`,
				),
			);

			assert.equal(
				(await api('PUT', `/meetings/${created.id}/status`, { body: { action: 'end' } })).status,
				204,
			);
			assert.equal((await api('DELETE', `/meetings/${created.id}`)).status, 204);
			const gone = await api('GET', `/meetings/${created.id}`);
			assert.equal(gone.status, 404);
			assert.deepEqual(gone.body, {
				code: 3001,
				message: `Meeting does not exist: ${created.id}.`,
			});
			assert.equal(
				(await api('PATCH', '/meetings/12345678901', { body: { topic: 'x' } })).body.code,
				3001,
			);
		});

		test('UUIDs: plain ones single-encoded, "/"-prefixed or "//" ones double-encoded', async () => {
			const slashy = sim.state.addMeeting(OWNER_ID, {
				topic: 'Slashy',
				uuid: '/ajHjw//Q6SkJjaRh0AOzw==',
			});
			const double = encodeURIComponent(encodeURIComponent(slashy.uuid));
			const ok = await api('GET', `/meetings/${double}`);
			assert.equal(ok.status, 200);
			assert.equal(ok.body.id, slashy.id);
			const single = await api('GET', `/meetings/${encodeURIComponent(slashy.uuid)}`);
			assert.equal(single.status, 404);
			assert.equal(single.body.code, 3001);

			const plain = sim.state.addMeeting(OWNER_ID, {
				topic: 'Plain',
				uuid: 'aDYlohsHRtCd4ii1uC2+hA==',
			});
			assert.equal(
				(await api('GET', `/meetings/${encodeURIComponent(plain.uuid)}`)).body.id,
				plain.id,
			);
		});

		test('list filters: live, previous, upcoming', async () => {
			const live = await api('GET', '/users/me/meetings?type=live');
			assert.deepEqual(
				live.body.meetings.map((m: any) => m.topic),
				['Quick call'],
			);
			const previous = await api('GET', '/users/me/meetings?type=previous_meetings');
			assert.ok(previous.body.meetings.some((m: any) => m.topic === 'Last quarter retro'));
			const upcoming = await api('GET', '/users/me/meetings?type=upcoming&page_size=300');
			assert.ok(upcoming.body.meetings.some((m: any) => m.topic === 'Weekly planning'));
			assert.ok(!upcoming.body.meetings.some((m: any) => m.topic === 'Last quarter retro'));
			for (const key of ['page_size', 'total_records', 'next_page_token', 'meetings'])
				assert.ok(key in upcoming.body);
			assert.equal((await api('GET', '/users/me/meetings?type=bogus')).status, 400);
		});

		test('bad JSON body and unknown route', async () => {
			const bad = await api('POST', '/users/me/meetings', { rawBody: '{"topic":' });
			assert.deepEqual(
				[bad.status, bad.body],
				[400, { code: 300, message: 'Request Body should be a valid JSON object.' }],
			);
			const missing = await api('GET', '/nothing/here');
			assert.deepEqual([missing.status, missing.body], [404, { code: 404, message: 'Not found' }]);
		});
	});

	describe('rate limits', () => {
		after(() => {
			sim.setRateLimits(UNLIMITED);
			sim.setDailyLimits({});
		});

		test('every answer carries the rate-limit headers', async () => {
			for (const [method, path] of [
				['GET', '/users/me'],
				['GET', '/users/nobody'],
				['GET', '/users'],
				['POST', '/users/me/meetings'],
			]) {
				const res = await api(method, path, method === 'POST' ? { body: { type: 9 } } : {});
				assert.ok(res.headers.get('x-ratelimit-category'), `${method} ${path}`);
				assert.equal(res.headers.get('x-ratelimit-type'), 'QPS');
				assert.ok(Number(res.headers.get('x-ratelimit-limit')) > 0);
				assert.ok(res.headers.get('x-ratelimit-remaining') !== null);
			}
			assert.equal((await api('GET', '/users/me')).headers.get('x-ratelimit-category'), 'Light');
			assert.equal((await api('GET', '/users')).headers.get('x-ratelimit-category'), 'Medium');
		});

		test('429 beyond the per-second limit; 401s do not count', async () => {
			sim.setRateLimits({ light: 3 });
			const before = sim.counters.rateLimited;
			await startOfSecond();
			const rejected = await Promise.all(
				[1, 2, 3].map(() => api('GET', '/users/me', { token: 'bogus' })),
			);
			assert.ok(rejected.every((r) => r.status === 401));
			const burst = await Promise.all([1, 2, 3, 4, 5].map(() => api('GET', '/users/me')));
			const statuses = burst.map((r) => r.status).sort();
			assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
			const limited = burst.find((r) => r.status === 429)!;
			assert.deepEqual(limited.body, {
				code: 429,
				message:
					'You have reached the maximum per-second rate limit for this API. Try again later.',
			});
			assert.equal(limited.headers.get('x-ratelimit-type'), 'QPS');
			assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
			assert.equal(sim.counters.rateLimited, before + 2);
		});

		test('daily limit: 429 with Daily-limit and Retry-After at the next UTC midnight', async () => {
			sim.setRateLimits(UNLIMITED);
			sim.setDailyLimits({ light: 2 });
			const before = sim.counters.dailyLimited;
			assert.equal((await api('GET', '/users/me')).status, 200);
			assert.equal((await api('GET', '/users/me')).status, 200);
			const res = await api('GET', '/users/me');
			assert.equal(res.status, 429);
			assert.equal(res.headers.get('x-ratelimit-type'), 'Daily-limit');
			const now = new Date();
			const midnight = new Date(
				Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1),
			);
			assert.equal(res.headers.get('retry-after'), midnight.toISOString().replace('.000Z', 'Z'));
			assert.match(res.body.message, /maximum daily rate limit/);
			assert.equal(sim.counters.dailyLimited, before + 1);
			assert.equal((await api('GET', '/users')).status, 200, 'other categories are not affected');
			sim.setDailyLimits({});
		});
	});

	describe('faults and knobs', () => {
		test("'status' answers a 5xx without applying", async () => {
			const before = sim.state.applied.meetingCreates;
			sim.injectFault({
				method: 'POST',
				path: '/v2/users/me/meetings',
				kind: 'status',
				status: 503,
			});
			const res = await api('POST', '/users/me/meetings', { body: { topic: 'faulty' } });
			assert.equal(res.status, 503);
			assert.equal(sim.state.applied.meetingCreates, before);
			assert.equal(
				(await api('POST', '/users/me/meetings', { body: { topic: 'fine' } })).status,
				201,
			);
		});

		test("'reset-before' drops the connection without applying; 'reset-after' applies first", async () => {
			const before = sim.state.applied.meetingCreates;
			const faults = sim.counters.faultsInjected;
			sim.injectFault({ path: /\/meetings$/, kind: 'reset-before' });
			await assert.rejects(api('POST', '/users/me/meetings', { body: { topic: 'lost' } }));
			assert.equal(sim.state.applied.meetingCreates, before);

			sim.injectFault({ method: 'POST', path: '/v2/users/me/meetings', kind: 'reset-after' });
			await assert.rejects(
				api('POST', '/users/me/meetings', { body: { topic: 'applied but unanswered' } }),
			);
			assert.equal(sim.state.applied.meetingCreates, before + 1);
			assert.ok([...sim.state.meetings.values()].some((m) => m.topic === 'applied but unanswered'));
			assert.equal(sim.counters.faultsInjected, faults + 2);
			assert.equal((await api('GET', '/users/me')).status, 200);
		});

		test('faults can hit the token endpoint', async () => {
			sim.injectFault({ path: '/oauth/token', kind: 'status', status: 502 });
			const res = await tokenRequest(
				sim,
				{ grant_type: 'account_credentials', account_id: 'sim-account' },
				basic('sim-client-id', 'sim-client-secret'),
			);
			assert.equal(res.status, 502);
		});

		test('latency, counters and maxConcurrent', async () => {
			sim.resetCounters();
			assert.equal(sim.counters.totalApiRequests, 0);
			sim.setLatency(100);
			const started = Date.now();
			await Promise.all([1, 2, 3, 4, 5].map(() => api('GET', '/users/me')));
			assert.ok(Date.now() - started >= 90);
			sim.setLatency(0);
			assert.equal(sim.counters.maxConcurrent, 5);
			assert.equal(sim.counters.totalApiRequests, 5);
			await api('POST', '/users/me/meetings', { body: { topic: 'counted' } });
			assert.equal(sim.counters.requests['GET /v2/users/{userId}'], 5);
			assert.equal(sim.counters.requests['POST /v2/users/{userId}/meetings'], 1);
		});
	});
});

describe('Zoom simulator: pagination and per-user meeting quota', () => {
	let sim: ZoomSimulator;
	let token: string;
	const api = client(
		() => sim,
		() => token,
	);

	before(async () => {
		sim = await startZoomSimulator({
			seed: false,
			rateLimits: UNLIMITED,
			meetingDailyLimitPerUser: 2,
			validateRequests: false,
		});
		token = sim.issueAccessToken();
		for (let i = 1; i < 650; i++)
			sim.state.addUser({
				email: `bulk${i}@sim.example.com`,
				first_name: 'Bulk',
				last_name: String(i),
			});
	});
	after(() => sim.close());

	test('650 users in pages of 300: 300, 300, 50, then ""', async () => {
		const seen: string[] = [];
		let nextPageToken = '';
		const sizes: number[] = [];
		do {
			const res = await api(
				'GET',
				`/users?page_size=300${nextPageToken ? `&next_page_token=${nextPageToken}` : ''}`,
			);
			assert.equal(res.status, 200);
			assert.equal(res.body.total_records, 650);
			assert.equal(res.body.page_size, 300);
			assert.equal(res.body.page_count, 3);
			sizes.push(res.body.users.length);
			seen.push(...res.body.users.map((u: any) => u.id));
			nextPageToken = res.body.next_page_token;
		} while (nextPageToken !== '');
		assert.deepEqual(sizes, [300, 300, 50]);
		assert.equal(new Set(seen).size, 650);
		assert.equal(seen[0], OWNER_ID, 'creation order');
	});

	test('page_size above 300 is treated as 300; default is 30', async () => {
		assert.equal((await api('GET', '/users?page_size=1000')).body.users.length, 300);
		const first = await api('GET', '/users');
		assert.equal(first.body.page_size, 30);
		assert.equal(first.body.users.length, 30);
	});

	test('unknown or expired next_page_token: 400/300', async () => {
		const invalid = await api('GET', '/users?next_page_token=doesnotexist');
		assert.deepEqual(
			[invalid.status, invalid.body],
			[400, { code: 300, message: 'The next page token is invalid or expired.' }],
		);
		const first = await api('GET', '/users?page_size=10');
		sim.expirePageTokens();
		const expired = await api(
			'GET',
			`/users?page_size=10&next_page_token=${first.body.next_page_token}`,
		);
		assert.equal(expired.status, 400);
		assert.equal(expired.body.code, 300);
	});

	test('meeting creates + updates are capped per host user per day', async () => {
		const a = await api('POST', '/users/me/meetings', { body: { topic: 'one' } });
		assert.equal(a.status, 201);
		assert.equal(
			(await api('PATCH', `/meetings/${a.body.id}`, { body: { topic: 'two' } })).status,
			204,
		);
		const refused = await api('POST', '/users/me/meetings', { body: { topic: 'three' } });
		assert.equal(refused.status, 429);
		assert.match(
			refused.body.message,
			/daily rate limit \(2\) of Meeting Create\/Update API requests/,
		);
		assert.equal(refused.headers.get('x-ratelimit-type'), 'Daily-limit');
		assert.match(refused.headers.get('retry-after')!, /^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
		assert.equal(sim.counters.dailyLimited, 1);
		const other = sim.state.addUser({ email: 'other.host@sim.example.com', type: 2 });
		assert.equal(
			(await api('POST', `/users/${other.id}/meetings`, { body: { topic: 'other host' } })).status,
			201,
		);
	});
});
