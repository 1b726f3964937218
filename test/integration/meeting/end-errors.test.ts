import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { type ZoomSimulator } from '../../simulator';
import { meetingSuite, rl, type RecordingProxy } from './suite';

describe('meeting operations (n8n-core + Zoom simulator)', () => {
	const suite = meetingSuite();
	const { run, onlyItem, sent, futureMeeting } = suite;
	let sim: ZoomSimulator;
	let proxy: RecordingProxy;
	before(() => ({ sim, proxy } = suite));

	describe('end and getInvitation', () => {
		test('end a running meeting', async () => {
			const m = futureMeeting({ status: 'started' });
			const output = onlyItem(await run('end', { meetingId: rl(m.id) })).json;
			assert.deepEqual(output, { id: m.id, ended: true });
			assert.equal(sim.state.meetings.get(m.id)!.status, 'waiting');
			const [put] = sent('PUT');
			assert.equal(put.path, `/v2/meetings/${m.id}/status`);
			assert.deepEqual(put.body, { action: 'end' });
		});

		test('invitation text', async () => {
			const m = futureMeeting({ topic: 'Invitation topic', password: '424242' });
			const output = onlyItem(
				await run('getInvitation', { meetingId: rl(m.join_url, 'url') }),
			).json;
			assert.equal(output.id, m.id);
			assert.match(String(output.invitation), /Topic: Invitation topic/);
			assert.ok(String(output.invitation).includes(m.join_url));
			assert.match(String(output.invitation), /Passcode: 424242/);
			assert.deepEqual(output.sip_links, []);
			assert.equal(proxy.requests[0].path, `/v2/meetings/${m.id}/invitation`);
		});
	});

	describe('errors', () => {
		test('404/3001 with Continue On Fail: an error item paired to its input, the others succeed', async () => {
			const a = futureMeeting({ topic: 'First' });
			const b = futureMeeting({ topic: 'Third' });
			const result = await run(
				'get',
				{ meetingId: rl('={{ $json.meetingId }}') },
				{
					inputItems: [{ meetingId: a.id }, { meetingId: '99999999999' }, { meetingId: b.id }],
					continueOnFail: true,
				},
			);
			assert.equal(result.error, undefined);
			assert.equal(result.items.length, 3);
			assert.deepEqual(
				result.items.map((item) => item.pairedItem),
				[{ item: 0 }, { item: 1 }, { item: 2 }],
			);
			assert.equal(result.items[0].json.topic, 'First');
			assert.equal(result.items[2].json.topic, 'Third');
			assert.match(String(result.items[1].json.error), /3001/);
			assert.match(String(result.items[1].json.error), /99999999999/);
			assert.equal(result.items[1].json.httpCode, '404');
		});

		test("404/3001 without Continue On Fail stops the node with Zoom's code and message", async () => {
			for (const operation of ['get', 'update', 'delete', 'end', 'getInvitation']) {
				const result = await run(operation, {
					meetingId: rl('99999999998'),
					updateFields: { topic: 'x' },
				});
				assert.match(result.error?.message ?? '', /Zoom error 3001/, operation);
				assert.equal(result.items.length, 0);
			}
		});

		test('an occurrence ID with letters names the field and the item; nothing is sent', async () => {
			for (const operation of ['get', 'update', 'delete']) {
				const result = await run(operation, {
					meetingId: rl('85746065432'),
					updateFields: { topic: 'x' },
					options: { occurrenceId: '16481943600ab' },
				});
				assert.match(
					result.error?.message ?? '',
					/Invalid "Occurrence ID" in item 0: must contain only digits/,
					operation,
				);
			}
			assert.equal(sim.counters.totalApiRequests, 0);
		});

		test('a bad item among good ones: only the good ones are sent (Continue On Fail)', async () => {
			const m = futureMeeting({ topic: 'Good' });
			const result = await run(
				'get',
				{ meetingId: rl('={{ $json.meetingId }}') },
				{
					inputItems: [{ meetingId: m.id }, { meetingId: 'not a meeting!' }],
					continueOnFail: true,
				},
			);
			assert.equal(result.items[0].json.topic, 'Good');
			assert.match(String(result.items[1].json.error), /Invalid "Meeting" in item 1/);
			assert.deepEqual(result.items[1].pairedItem, { item: 1 });
			assert.equal(sim.counters.totalApiRequests, 1);
		});

		test('bad meeting fields on update name the field; nothing is sent', async () => {
			const badPassword = await run('update', {
				meetingId: rl('85746065432'),
				updateFields: { password: 'no spaces!' },
			});
			assert.match(badPassword.error?.message ?? '', /Invalid "Password" in item 0/);
			const badMeeting = await run('end', { meetingId: rl('https://example.com/not-a-meeting') });
			assert.match(badMeeting.error?.message ?? '', /Meeting/);
			assert.equal(sim.counters.totalApiRequests, 0);
		});
	});
});
