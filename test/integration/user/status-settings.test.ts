import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { OWNER_ID, type ZoomSimulator } from '../../simulator';
import { userSuite, user, json, assertFailed } from './suite';

const suite = userSuite();
const { run, apiRequests } = suite;
let sim: ZoomSimulator;
beforeEach(() => ({ sim } = suite));

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
