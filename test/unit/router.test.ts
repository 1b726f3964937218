import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';

import { router } from '../../nodes/ZoomWorkplace/actions/router';
import { delay, fakeContext, type FakeZoom } from '../fixtures/fakeContext';
import { rl } from '../fixtures/zoom';

/*
 * The router (actions/router.ts): one operation per item, at most "Max Concurrent Requests" at
 * once, output in input order and paired to its item, failures as error items (On Error:
 * Continue) or as the error of the lowest failing item. Driven through user → get with a
 * scripted Zoom.
 */

const USER_PATH = /^\/users\/([^/]+)$/;

/** Zoom that answers GET /users/{id} after `delayOf(id)` ms; ids starting "missing" are 404/1001. */
function usersZoom(delayOf: (id: string) => number = () => 5): FakeZoom {
	return async ({ method, path }) => {
		const id = decodeURIComponent(USER_PATH.exec(path)?.[1] ?? '');
		assert.equal(method, 'GET');
		await delay(delayOf(id));
		if (id.startsWith('missing'))
			return { status: 404, error: { code: 1001, message: `User does not exist: ${id}.` } };
		return { body: { id, email: `${id}@example.com` } };
	};
}

function getUsers(
	ids: string[],
	options: IDataObject = {},
	zoom = usersZoom(),
	continueOnFail = false,
) {
	return fakeContext({
		parameters: {
			authentication: 'serverToServerOAuth',
			resource: 'user',
			operation: 'get',
			userId: (i: number) => rl(ids[i]),
			options,
		},
		items: ids.map((id) => ({ id })),
		zoom,
		continueOnFail,
	});
}

const ids = (n: number, prefix = 'u') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('router', () => {
	test('"Max Concurrent Requests" bounds the requests in flight, and is reached', async () => {
		// Answers slow enough that the rate limiter's pacing is not what bounds the requests.
		const fake = getUsers(
			ids(9),
			{ maxConcurrency: 3 },
			usersZoom(() => 300),
		);
		const [output] = await router.call(fake.ctx);
		assert.equal(output.length, 9);
		assert.equal(fake.peakInFlight(), 3);
		assert.deepEqual(fake.violations, []);
	});

	test('without the option, 10 items at a time', async () => {
		const fake = getUsers(
			ids(20),
			{},
			usersZoom(() => 600),
		);
		await router.call(fake.ctx);
		assert.equal(fake.peakInFlight(), 10);
	});

	test('output keeps input order and pairs each item, whatever order the answers come in', async () => {
		const list = ids(8);
		// The first items answer last.
		const fake = getUsers(
			list,
			{ maxConcurrency: 8 },
			usersZoom((id) => 80 - Number(id.slice(1)) * 10),
		);
		const [output] = await router.call(fake.ctx);
		assert.deepEqual(
			output.map((item) => item.json.id),
			list,
		);
		assert.deepEqual(
			output.map((item) => item.pairedItem),
			list.map((_, item) => ({ item })),
		);
	});

	test('On Error: Continue turns each failure into an error item paired to its input', async () => {
		const list = ['u0', 'missing1', 'u2', 'missing3', 'u4'];
		const fake = getUsers(list, { maxConcurrency: 2 }, usersZoom(), true);
		const [output] = await router.call(fake.ctx);
		assert.equal(output.length, list.length);
		output.forEach((item, index) => assert.deepEqual(item.pairedItem, { item: index }));
		assert.equal(output[0].json.id, 'u0');
		assert.equal(output[2].json.id, 'u2');
		assert.equal(output[4].json.id, 'u4');
		for (const index of [1, 3]) {
			assert.match(String(output[index].json.error), /User does not exist/);
			assert.equal(output[index].json.httpCode, '404');
			assert.equal(output[index].json.id, undefined);
		}
	});

	test("without it the node fails with Zoom's error and the failing item's index", async () => {
		const fake = getUsers(['u0', 'u1', 'missing2', 'u3'], { maxConcurrency: 1 });
		await assert.rejects(router.call(fake.ctx), (error: unknown) => {
			assert.ok(error instanceof NodeApiError, String(error));
			assert.equal(error.context.itemIndex, 2);
			assert.match(error.message, /User does not exist|1001/);
			return true;
		});
	});

	test('of several failures, the lowest item is reported, even when a later one fails first', async () => {
		const list = ['u0', 'missing1', 'missing2', 'u3'];
		// item 2 fails at once, item 1 only after 60 ms
		const fake = getUsers(
			list,
			{ maxConcurrency: 4 },
			usersZoom((id) => (id === 'missing1' ? 60 : 1)),
		);
		await assert.rejects(router.call(fake.ctx), (error: unknown) => {
			assert.ok(error instanceof NodeApiError);
			assert.equal(error.context.itemIndex, 1);
			return true;
		});
	});

	test('an input error is a NodeOperationError naming the item; nothing is sent for it', async () => {
		const fake = getUsers(['u0', 'not an id'], { maxConcurrency: 1 });
		await assert.rejects(router.call(fake.ctx), (error: unknown) => {
			assert.ok(error instanceof NodeOperationError, String(error));
			assert.equal(error.context.itemIndex, 1);
			assert.match(error.message, /"User".*item 1/);
			return true;
		});
		assert.deepEqual(
			fake.requests.map((r) => r.path),
			['/users/u0'],
		);
	});

	test('an operation the resource does not have is refused by name', async () => {
		const fake = fakeContext({
			parameters: { resource: 'user', operation: 'fly' },
			zoom: usersZoom(),
		});
		await assert.rejects(router.call(fake.ctx), /The operation "fly" is not supported for "user"/);
		assert.equal(fake.requests.length, 0);
	});
});
