import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { type ZoomSimulator } from '../../simulator';
import { meetingSuite, LIST_ROUTE, rl, type RecordingProxy } from './suite';

describe('meeting operations (n8n-core + Zoom simulator)', () => {
	const suite = meetingSuite();
	const { run } = suite;
	let sim: ZoomSimulator;
	let proxy: RecordingProxy;
	before(() => ({ sim, proxy } = suite));

	describe('getAll', () => {
		let bulkEmail: string;
		let bulkIds: number[];

		before(() => {
			const user = sim.state.addUser({
				email: 'bulk.host@sim.example.com',
				first_name: 'Bulk',
				last_name: 'Host',
			});
			bulkEmail = user.email;
			bulkIds = [];
			for (let i = 0; i < 653; i++) {
				const day = String(1 + (i % 28)).padStart(2, '0');
				bulkIds.push(
					sim.state.addMeeting(user.id, {
						topic: `Bulk ${i}`,
						start_time: `2031-01-${day}T10:00:00Z`,
					}).id,
				);
			}
		});

		test('Return All pages through 653 meetings with 300 per page (3 requests)', async () => {
			const result = await run('getAll', { userId: rl(bulkEmail, 'email'), returnAll: true });
			assert.equal(result.error, undefined, result.error?.message);
			assert.equal(result.items.length, 653);
			assert.deepEqual(
				result.items.map((item) => item.json.id),
				bulkIds,
			);
			assert.ok(result.items.every((item) => (item.pairedItem as { item: number }).item === 0));
			assert.equal(result.items[0].json.topic, 'Bulk 0');
			assert.equal(result.items[0].json.start_time, '2031-01-01T10:00:00Z');
			assert.equal(sim.counters.requests[LIST_ROUTE], 3);
			assert.deepEqual(
				proxy.requests.map((r) => r.query.get('page_size')),
				['300', '300', '300'],
			);
			assert.equal(proxy.requests[0].path, `/v2/users/${encodeURIComponent(bulkEmail)}/meetings`);
			assert.equal(proxy.requests[0].query.get('next_page_token'), null);
			assert.ok(proxy.requests[1].query.get('next_page_token'));
		});

		for (const [limit, requests] of [
			[5, 1],
			[300, 1],
			[301, 2],
			[600, 2],
			[601, 3],
		] as const) {
			test(`Limit ${limit} returns exactly ${limit} meetings with ${requests} request(s)`, async () => {
				const result = await run('getAll', {
					userId: rl(bulkEmail, 'email'),
					returnAll: false,
					limit,
				});
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(result.items.length, limit);
				assert.deepEqual(
					result.items.map((item) => item.json.id),
					bulkIds.slice(0, limit),
				);
				assert.equal(sim.counters.requests[LIST_ROUTE], requests);
			});
		}

		test('one list per input item, each paired to its item', async () => {
			const other = sim.state.addUser({ email: 'two.meetings@sim.example.com' });
			sim.state.addMeeting(other.id, { topic: 'Other A', start_time: '2030-05-01T10:00:00Z' });
			sim.state.addMeeting(other.id, { topic: 'Other B', start_time: '2030-05-02T10:00:00Z' });
			const result = await run(
				'getAll',
				{ userId: rl('={{ $json.host }}'), returnAll: false, limit: 2 },
				{ inputItems: [{ host: bulkEmail }, { host: other.email }] },
			);
			assert.equal(result.error, undefined, result.error?.message);
			assert.deepEqual(
				result.items.map((item) => [item.json.topic, (item.pairedItem as { item: number }).item]),
				[
					['Bulk 0', 0],
					['Bulk 1', 0],
					['Other A', 1],
					['Other B', 1],
				],
			);
		});

		test('filters: type and date range', async () => {
			const host = sim.state.addUser({ email: 'filters.host@sim.example.com' });
			for (const [topic, start] of [
				['Past 1', '2020-01-10T10:00:00Z'],
				['Past 2', '2020-02-10T10:00:00Z'],
				['March A', '2030-03-05T10:00:00Z'],
				['March B', '2030-03-31T10:00:00Z'],
				['April', '2030-04-01T10:00:00Z'],
			]) {
				sim.state.addMeeting(host.id, { topic, start_time: start });
			}
			const previous = await run('getAll', {
				userId: rl(host.id),
				returnAll: true,
				filters: { type: 'previous_meetings' },
			});
			assert.deepEqual(
				previous.items.map((item) => item.json.topic),
				['Past 1', 'Past 2'],
			);
			assert.equal(proxy.requests[0].query.get('type'), 'previous_meetings');

			const march = await run('getAll', {
				userId: rl(host.id),
				returnAll: true,
				filters: { type: 'upcoming', from: '2030-03-01T00:00:00', to: '2030-03-31T00:00:00' },
			});
			assert.deepEqual(
				march.items.map((item) => item.json.topic),
				['March A', 'March B'],
			);
			const query = proxy.requests[1].query;
			assert.equal(query.get('from'), '2030-03-01');
			assert.equal(query.get('to'), '2030-03-31');
			assert.equal(query.get('type'), 'upcoming');
		});

		test('bad dates stop the item before any request', async () => {
			const notADate = await run('getAll', {
				userId: rl('me'),
				returnAll: true,
				filters: { from: 'next monday' },
			});
			assert.match(notADate.error?.message ?? '', /Invalid "From" in item 0/);
			const reversed = await run('getAll', {
				userId: rl('me'),
				returnAll: true,
				filters: { from: '2030-03-31', to: '2030-03-01' },
			});
			assert.match(
				reversed.error?.message ?? '',
				/Invalid "To" in item 0: must not be before From/,
			);
			assert.equal(sim.counters.totalApiRequests, 0);
		});
	});
});
