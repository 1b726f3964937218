import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { OWNER_ID, type ZoomSimulator } from '../../simulator';
import { meetingSuite, rl, type Credential } from './suite';

describe('meeting operations (n8n-core + Zoom simulator)', () => {
	const suite = meetingSuite();
	const { run, onlyItem } = suite;
	let sim: ZoomSimulator;
	let s2s: Credential;
	let accessToken: Credential;
	let oAuth2: Credential;
	before(() => ({ sim, s2s, accessToken, oAuth2 } = suite));

	describe('with each credential type', () => {
		const credentials = () => [s2s, accessToken, oAuth2];
		for (const index of [0, 1, 2]) {
			test(`create → get → getAll → update → getInvitation → end → delete (${['Server-to-Server OAuth', 'Access Token', 'OAuth2'][index]})`, async () => {
				const credential = credentials()[index];
				const topic = `Main flow via ${credential.label}`;
				const created = onlyItem(
					await run(
						'create',
						{
							userId: rl('me'),
							topic,
							additionalFields: {
								startTime: '2030-09-01T08:00:00Z',
								duration: 25,
								settings: { waitingRoom: true, joinBeforeHost: false },
							},
						},
						{ credential },
					),
				).json;
				const id = created.id as number;
				assert.equal(created.topic, topic);
				assert.equal(created.start_time, '2030-09-01T08:00:00Z');
				assert.equal((created.settings as IDataObject).waiting_room, true);
				assert.equal(created.host_id, OWNER_ID);

				const fetched = onlyItem(await run('get', { meetingId: rl(id) }, { credential })).json;
				assert.equal(fetched.topic, topic);
				assert.equal(fetched.duration, 25);

				const listed = await run('getAll', { userId: rl('me'), returnAll: true }, { credential });
				assert.equal(listed.error, undefined, listed.error?.message);
				assert.ok(listed.items.some((item) => item.json.id === id && item.json.topic === topic));

				const updated = onlyItem(
					await run(
						'update',
						{ meetingId: rl(id), updateFields: { settings: { waitingRoom: false } } },
						{ credential },
					),
				).json;
				assert.equal((updated.settings as IDataObject).waiting_room, false);
				assert.equal(sim.state.meetings.get(id)!.settings.waiting_room, false);

				const invitation = onlyItem(
					await run('getInvitation', { meetingId: rl(id) }, { credential }),
				).json;
				assert.match(String(invitation.invitation), new RegExp(`Topic: ${topic}`));

				sim.state.meetings.get(id)!.status = 'started';
				assert.deepEqual(onlyItem(await run('end', { meetingId: rl(id) }, { credential })).json, {
					id,
					ended: true,
				});
				assert.equal(sim.state.meetings.get(id)!.status, 'waiting');

				assert.deepEqual(
					onlyItem(await run('delete', { meetingId: rl(id) }, { credential })).json,
					{ id, deleted: true },
				);
				assert.equal(sim.state.meetings.has(id), false);
			});
		}
	});
});
