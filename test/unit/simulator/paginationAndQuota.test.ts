import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { OWNER_ID, startZoomSimulator, type ZoomSimulator } from '../../simulator';
import { client, UNLIMITED } from './helpers';

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
