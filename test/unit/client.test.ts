import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { EndpointName } from '../../nodes/core/zoom/endpoints';
import { fakeContext, httpError, networkError } from './transport.fixtures';

/** An endpoint of each method on one meeting, for tests that try every method. */
const BY_METHOD: Record<'GET' | 'PUT' | 'PATCH' | 'DELETE', EndpointName> = {
	GET: 'getMeeting',
	PUT: 'updateMeetingStatus',
	PATCH: 'updateMeeting',
	DELETE: 'deleteMeeting',
};

describe('ZoomClient retries', () => {
	test('5xx and dropped connections are retried for GET, PUT, PATCH and DELETE', async () => {
		for (const method of ['GET', 'PUT', 'PATCH', 'DELETE'] as const) {
			const { client, sent } = fakeContext([
				httpError(503),
				networkError('ECONNRESET'),
				httpError(502),
				{ body: { ok: true } },
			]);
			const response = await client.request({
				endpoint: BY_METHOD[method],
				pathParameters: { meetingId: 1 },
			});
			assert.deepEqual(response.body, { ok: true }, method);
			assert.equal(sent.length, 4, method);
		}
	});

	test("retries stop after Max Retries with Zoom's error", async () => {
		const { client, sent } = fakeContext([
			httpError(500),
			httpError(500),
			httpError(500),
			httpError(500),
		]);
		await assert.rejects(
			client.request({ endpoint: 'getUser', pathParameters: { userId: 'me' }, itemIndex: 4 }),
			(error: unknown) => {
				assert.ok(error instanceof NodeApiError);
				assert.equal(error.httpCode, '500');
				assert.equal(error.context.itemIndex, 4);
				return true;
			},
		);
		assert.equal(sent.length, 4);
	});

	test('a status not in "Retry On" is not retried', async () => {
		const { client, sent } = fakeContext([
			httpError(404, { code: 3001, message: 'Meeting does not exist' }),
		]);
		await assert.rejects(
			client.request({ endpoint: 'getMeeting', pathParameters: { meetingId: 1 } }),
			/3001/,
		);
		assert.equal(sent.length, 1);
	});

	test('a create (POST) is never repeated blindly', async () => {
		const { client, sent } = fakeContext([httpError(502)]);
		await assert.rejects(client.request({ endpoint: 'createUser', body: {} }), /502|Bad Gateway/);
		assert.equal(sent.length, 1);
	});

	test('a create whose answer was lost is looked up: found → returned, not sent again', async () => {
		for (const lost of [networkError('ECONNRESET'), httpError(500), networkError('ECONNABORTED')]) {
			const { client, sent } = fakeContext([lost]);
			let lookups = 0;
			const response = await client.request({
				endpoint: 'createUser',
				body: {},
				lookUp: {
					description: 'a test look-up',
					find: async () => {
						lookups++;
						return { id: 'created-by-the-first-attempt' };
					},
				},
			});
			assert.equal(response.recovered, true);
			assert.deepEqual(response.body, { id: 'created-by-the-first-attempt' });
			assert.equal(sent.length, 1);
			assert.equal(lookups, 1);
		}
	});

	test('a create whose answer was lost is looked up: not found → sent again', async () => {
		const { client, sent } = fakeContext([
			networkError('ECONNRESET'),
			{ statusCode: 201, body: { id: 'new' } },
		]);
		const response = await client.request({
			endpoint: 'createUser',
			body: {},
			lookUp: { description: 'a test look-up', find: async () => undefined },
		});
		assert.deepEqual(response.body, { id: 'new' });
		assert.equal(response.recovered, undefined);
		assert.equal(sent.length, 2);
	});

	test('objects returned by creates are remembered, so a look-up can skip them', async () => {
		const { client } = fakeContext([
			{ statusCode: 201, body: { id: 111 } },
			networkError('ECONNRESET'),
		]);
		const lookUp = { description: 'a test look-up', find: async () => undefined };
		await client.request({
			endpoint: 'createMeeting',
			pathParameters: { userId: 'a' },
			body: {},
			lookUp,
		});
		assert.equal(client.alreadyReturned(111), true);
		assert.equal(client.alreadyReturned('111'), true);
		const recovered = await client.request({
			endpoint: 'createMeeting',
			pathParameters: { userId: 'a' },
			body: {},
			lookUp: { description: 'a test look-up', find: async () => ({ id: 222 }) },
		});
		assert.equal(recovered.recovered, true);
		assert.equal(client.alreadyReturned(222), true);
		assert.equal(client.alreadyReturned(333), false);
		assert.equal(client.alreadyReturned(undefined), false);
	});

	test("a DELETE whose lost answer had deleted the object succeeds on the retry's 404", async () => {
		const { client, sent } = fakeContext([
			networkError('ECONNRESET'),
			httpError(404, { code: 3001, message: 'Meeting does not exist' }),
		]);
		const response = await client.request({
			endpoint: 'deleteMeeting',
			pathParameters: { meetingId: 1 },
		});
		assert.equal(response.recovered, true);
		assert.equal(sent.length, 2);
		// A first-attempt 404 is still an error.
		const second = fakeContext([httpError(404, { code: 3001, message: 'Meeting does not exist' })]);
		await assert.rejects(
			second.client.request({ endpoint: 'deleteMeeting', pathParameters: { meetingId: 1 } }),
			/3001/,
		);
	});

	test('429 per-second: waits and retries, for creates too', async () => {
		const { client, sent } = fakeContext([
			httpError(
				429,
				{
					code: 429,
					message:
						'You have reached the maximum per-second rate limit for this API. Try again later.',
				},
				{
					'X-RateLimit-Type': 'QPS',
					'X-RateLimit-Limit': '80',
					'X-RateLimit-Remaining': '0',
					'X-RateLimit-Category': 'Light',
				},
			),
			{ statusCode: 201, body: { id: 'u1' } },
		]);
		const started = Date.now();
		const response = await client.request({ endpoint: 'createUser', body: {} });
		assert.deepEqual(response.body, { id: 'u1' });
		assert.equal(sent.length, 2);
		assert.ok(Date.now() - started >= 900, 'waited for the next window');
	});

	test('429 daily: no retry, the error names the limit and when it resets; the category fails fast', async () => {
		const resetsAt = '2099-01-02T00:00:00Z';
		const { client, sent } = fakeContext([
			httpError(
				429,
				{ code: 429, message: 'You have reached the maximum daily rate limit for this API.' },
				{
					'X-RateLimit-Type': 'Daily-limit',
					'X-RateLimit-Category': 'Light',
					'Retry-After': resetsAt,
				},
			),
		]);
		for (const itemIndex of [0, 1]) {
			await assert.rejects(
				client.request({ endpoint: 'getUser', pathParameters: { userId: 'me' }, itemIndex }),
				(error: unknown) => {
					assert.ok(error instanceof NodeApiError);
					assert.match(error.message, /daily rate limit reached \(light APIs\)/);
					assert.match(error.description ?? '', /2099-01-02T00:00:00/);
					assert.equal(error.context.itemIndex, itemIndex);
					return true;
				},
			);
		}
		assert.equal(sent.length, 1, 'the second item was not sent');
	});

	test('a per-host-user daily limit fails that item only', async () => {
		const { client, sent } = fakeContext([
			httpError(
				429,
				{
					code: 429,
					message:
						'You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user.',
				},
				{
					'X-RateLimit-Type': 'Daily-limit',
					'X-RateLimit-Category': 'Medium',
					'Retry-After': '2099-01-02T00:00:00Z',
				},
			),
			{ statusCode: 201, body: { id: 2 } },
		]);
		await assert.rejects(
			client.request({ endpoint: 'createMeeting', pathParameters: { userId: 'a' }, body: {} }),
			/daily/,
		);
		const other = await client.request({
			endpoint: 'createMeeting',
			pathParameters: { userId: 'b' },
			body: {},
		});
		assert.deepEqual(other.body, { id: 2 });
		assert.equal(sent.length, 2);
	});

	test('requests carry a timeout, so a hung connection ends as a retryable failure', async () => {
		const { client, sent } = fakeContext([{ body: {} }]);
		await client.request({ endpoint: 'getUser', pathParameters: { userId: 'me' } });
		assert.equal(sent[0].timeout, 60_000);
	});

	test('a cancelled execution stops a retry wait with a NodeOperationError', async () => {
		const controller = new AbortController();
		const { client } = fakeContext([httpError(503), httpError(503)], controller.signal);
		const pending = client.request({
			endpoint: 'getUser',
			pathParameters: { userId: 'me' },
			itemIndex: 2,
		});
		controller.abort();
		await assert.rejects(pending, (error: unknown) => {
			assert.ok(error instanceof NodeOperationError);
			assert.match(error.message, /cancelled/);
			return true;
		});
	});
});

describe('ZoomClient: creates whose last attempt got no clear answer', () => {
	test('the last attempt applied but answered 503: the look-up finds it, no error', async () => {
		const { client, sent } = fakeContext([
			httpError(503),
			httpError(503),
			httpError(503),
			httpError(503),
		]);
		let lookups = 0;
		const response = await client.request({
			endpoint: 'createMeeting',
			pathParameters: { userId: 'me' },
			body: {},
			lookUp: {
				description: "listing the host's scheduled meetings",
				// Not there after the first three attempts; the fourth was applied.
				find: async () => (++lookups === 4 ? { id: 85746065432 } : undefined),
			},
		});
		assert.equal(response.recovered, true);
		assert.deepEqual(response.body, { id: 85746065432 });
		assert.equal(sent.length, 4);
		assert.equal(lookups, 4);
	});

	test('not found after the last attempt: the error says it may have been created, and how it was looked for', async () => {
		const { client, sent } = fakeContext([
			httpError(503),
			networkError('ECONNRESET'),
			httpError(503),
			httpError(503),
		]);
		await assert.rejects(
			client.request({
				endpoint: 'createUser',
				body: {},
				itemIndex: 7,
				lookUp: {
					description: 'looking up new@example.com in the account',
					find: async () => undefined,
				},
			}),
			(error: unknown) => {
				assert.ok(error instanceof NodeApiError);
				assert.match(
					error.message,
					/may have been created; not found by looking up new@example\.com in the account/,
				);
				assert.match(error.description ?? '', /Check in Zoom before running this item again/);
				assert.match(error.description ?? '', /Tried 4 times/);
				assert.equal(error.context.itemIndex, 7);
				return true;
			},
		);
		assert.equal(sent.length, 4);
	});
});

describe('ZoomClient: paths', () => {
	for (const unsafe of ['', '.', '..']) {
		test(`a User of "${unsafe}" is refused by name before anything is sent`, async () => {
			const { client, sent } = fakeContext([{ body: {} }]);
			await assert.rejects(
				client.request({
					endpoint: 'createMeeting',
					pathParameters: { userId: unsafe },
					body: {},
					itemIndex: 2,
				}),
				(error: unknown) => {
					assert.ok(error instanceof NodeOperationError);
					assert.match(
						error.message,
						/Invalid "User" in item 2: must not be empty, "\." or "\.\."/,
					);
					return true;
				},
			);
			assert.equal(sent.length, 0);
		});
	}

	test('the URL is the API base URL plus the endpoint path, IDs encoded as one segment', async () => {
		const { client, sent } = fakeContext([{ body: {} }]);
		await client.request({ endpoint: 'getUser', pathParameters: { userId: '../meetings' } });
		assert.equal(sent[0].url, 'http://127.0.0.1:9/v2/users/..%2Fmeetings');
		assert.equal(sent[0].method, 'GET');
	});
});
