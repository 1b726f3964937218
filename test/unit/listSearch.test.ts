import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { listSearch } from '../../nodes/ZoomWorkplace/methods';
import { fakeContext, type FakeRequest } from '../fixtures/fakeContext';
import { rl } from '../fixtures/zoom';

/*
 * methods/listSearch.ts: the "From List" pickers of User and Meeting. One Zoom page per call
 * (n8n asks for the next with the pagination token); the filter is applied to what Zoom returned.
 * Every request is checked against Zoom's OpenAPI spec.
 */

const USERS = [
	{
		id: 'u1',
		email: 'jill@example.com',
		first_name: 'Jill',
		last_name: 'Chill',
		display_name: 'Jill C.',
	},
	{ id: 'u2', email: 'sam@example.com', first_name: 'Sam', last_name: 'Stone', display_name: '' },
	{ id: 'u3', email: 'noname@example.com', first_name: '', last_name: '', display_name: '' },
];

const MEETINGS = [
	{
		id: 81234567890,
		topic: 'Weekly sync',
		start_time: '2030-05-01T09:00:00Z',
		join_url: 'https://zoom.us/j/81234567890',
	},
	{ id: 91234567890, topic: 'Planning', join_url: 'https://zoom.us/j/91234567890' },
];

function picker(parameters: Record<string, unknown>, page: (request: FakeRequest) => object) {
	return fakeContext({
		kind: 'loadOptions',
		parameters: { authentication: 'serverToServerOAuth', ...parameters },
		zoom: (request) => ({ body: page(request) }),
	});
}

describe('listSearch', () => {
	describe('searchUsers', () => {
		test('lists users as "Name <email>", or the email alone, with the user ID as value', async () => {
			const fake = picker({}, () => ({ users: USERS, next_page_token: '' }));
			const result = await listSearch.searchUsers.call(fake.ctx);
			assert.deepEqual(result, {
				results: [
					{ name: 'Jill C. <jill@example.com>', value: 'u1' },
					{ name: 'Sam Stone <sam@example.com>', value: 'u2' },
					{ name: 'noname@example.com', value: 'u3' },
				],
				paginationToken: undefined,
			});
			assert.deepEqual(
				fake.requests.map((r) => [r.method, r.path, r.qs]),
				[['GET', '/users', { page_size: 100 }]],
			);
			assert.deepEqual(fake.violations, []);
		});

		test('the filter matches email, names and ID, ignoring case', async () => {
			const fake = picker({}, () => ({ users: USERS, next_page_token: '' }));
			const names = async (filter: string) =>
				(await listSearch.searchUsers.call(fake.ctx, filter)).results.map((r) => r.value);
			assert.deepEqual(await names('JILL'), ['u1']);
			assert.deepEqual(await names('stone'), ['u2']);
			assert.deepEqual(await names('example.com'), ['u1', 'u2', 'u3']);
			assert.deepEqual(await names('u3'), ['u3']);
			assert.deepEqual(await names('nobody'), []);
		});

		test("Zoom's next page token is handed to n8n, and sent back for the next page", async () => {
			const fake = picker({}, (request) =>
				request.qs.next_page_token === 'page2'
					? { users: [USERS[2]], next_page_token: '' }
					: { users: USERS.slice(0, 2), next_page_token: 'page2' },
			);
			const first = await listSearch.searchUsers.call(fake.ctx);
			assert.equal(first.paginationToken, 'page2');
			const second = await listSearch.searchUsers.call(fake.ctx, undefined, first.paginationToken);
			assert.deepEqual(
				second.results.map((r) => r.value),
				['u3'],
			);
			assert.equal(second.paginationToken, undefined);
			assert.deepEqual(fake.requests[1].qs, { page_size: 100, next_page_token: 'page2' });
			assert.deepEqual(fake.violations, []);
		});

		test('the credential of the chosen authentication is used', async () => {
			const fake = picker({ authentication: 'accessToken' }, () => ({ users: [] }));
			const result = await listSearch.searchUsers.call(fake.ctx);
			assert.deepEqual(result.results, []);
			assert.equal(fake.requests[0].credentialType, 'zoomWorkplaceAccessTokenApi');
		});
	});

	describe('searchMeetings', () => {
		test('lists the upcoming meetings of the node\'s user as "topic (id, start)" with the join URL', async () => {
			const fake = picker({ userId: rl('jill@example.com', 'email') }, () => ({
				meetings: MEETINGS,
				next_page_token: '',
			}));
			const result = await listSearch.searchMeetings.call(fake.ctx);
			assert.deepEqual(result.results, [
				{
					name: 'Weekly sync (81234567890, 2030-05-01T09:00:00Z)',
					value: '81234567890',
					url: 'https://zoom.us/j/81234567890',
				},
				{
					name: 'Planning (91234567890)',
					value: '91234567890',
					url: 'https://zoom.us/j/91234567890',
				},
			]);
			assert.deepEqual(
				fake.requests.map((r) => [r.path, r.qs]),
				[['/users/jill%40example.com/meetings', { page_size: 100, type: 'upcoming' }]],
			);
			assert.deepEqual(fake.violations, []);
		});

		test('without a User field (meeting get/update/delete) the credential\'s own meetings ("me")', async () => {
			const fake = picker({}, () => ({ meetings: MEETINGS }));
			await listSearch.searchMeetings.call(fake.ctx);
			assert.equal(fake.requests[0].path, '/users/me/meetings');
		});

		test('the filter matches topic and ID; the page token goes both ways', async () => {
			const fake = picker({}, (request) => ({
				meetings: request.qs.next_page_token ? [MEETINGS[1]] : [MEETINGS[0]],
				next_page_token: request.qs.next_page_token ? '' : 'more',
			}));
			const first = await listSearch.searchMeetings.call(fake.ctx, 'weekly');
			assert.deepEqual(
				first.results.map((r) => r.value),
				['81234567890'],
			);
			assert.equal(first.paginationToken, 'more');
			const second = await listSearch.searchMeetings.call(fake.ctx, '9123', 'more');
			assert.deepEqual(
				second.results.map((r) => r.value),
				['91234567890'],
			);
			assert.equal(second.paginationToken, undefined);
			assert.equal(fake.requests[1].qs.next_page_token, 'more');
			assert.deepEqual(fake.violations, []);
		});
	});
});
