import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { IDataObject, INodeCredentialsDetails, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ZoomWorkplace } from '../../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { connectOAuth2, createCredentialsStore, executeNode, type CredentialsStore } from './harness';
import { OWNER_ID, startZoomSimulator, type ZoomMeeting, type ZoomSimulator } from '../simulator';

/*
 * Meeting operations run through real n8n-core (WorkflowExecute) against the Zoom simulator.
 * API calls go through a loopback recording proxy, so the tests also see exactly what the node
 * sent (query strings, bodies with false/0, double-encoded UUIDs).
 */

interface Recorded {
	method: string;
	/** Raw (still encoded) path, e.g. /v2/meetings/%252Fabc */
	path: string;
	query: URLSearchParams;
	body: IDataObject | undefined;
}

interface RecordingProxy {
	apiBaseUrl: string;
	requests: Recorded[];
	close(): Promise<void>;
}

async function startRecordingProxy(targetOrigin: string): Promise<RecordingProxy> {
	const requests: Recorded[] = [];
	const target = new URL(targetOrigin);
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			const url = req.url ?? '/';
			const q = url.indexOf('?');
			let body: IDataObject | undefined;
			try {
				body = raw.length ? (JSON.parse(raw.toString('utf8')) as IDataObject) : undefined;
			} catch {
				body = { unparsed: raw.toString('utf8') };
			}
			requests.push({
				method: req.method ?? 'GET',
				path: q < 0 ? url : url.slice(0, q),
				query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
				body,
			});
			const upstream = httpRequest(
				{ host: target.hostname, port: target.port, path: url, method: req.method, headers: { ...req.headers, host: target.host } },
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			upstream.on('error', (error) => {
				res.writeHead(502);
				res.end(String(error));
			});
			upstream.end(raw);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		apiBaseUrl: `http://127.0.0.1:${port}/v2`,
		requests,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

interface Credential {
	label: string;
	authentication: 'serverToServerOAuth' | 'oAuth2' | 'accessToken';
	type: string;
	ref: INodeCredentialsDetails;
}

function rl(value: string | number, mode = 'id') {
	return { __rl: true, mode, value: String(value) };
}

const LIST_ROUTE = 'GET /v2/users/{userId}/meetings';

describe('meeting operations (n8n-core + Zoom simulator)', () => {
	let sim: ZoomSimulator;
	let proxy: RecordingProxy;
	let store: CredentialsStore;
	let s2s: Credential;
	let accessToken: Credential;
	let oAuth2: Credential;

	before(async () => {
		sim = await startZoomSimulator({ seed: false });
		proxy = await startRecordingProxy(sim.url);
		store = createCredentialsStore().store;
		const custom = { cloud: 'custom', apiBaseUrl: proxy.apiBaseUrl, oauthBaseUrl: sim.oauthBaseUrl };
		s2s = {
			label: 'Server-to-Server OAuth',
			authentication: 'serverToServerOAuth',
			type: 'zoomWorkplaceServerToServerOAuthApi',
			ref: store.add({ type: 'zoomWorkplaceServerToServerOAuthApi', data: { ...custom, ...sim.defaultApp } }),
		};
		accessToken = {
			label: 'Access Token',
			authentication: 'accessToken',
			type: 'zoomWorkplaceAccessTokenApi',
			ref: store.add({ type: 'zoomWorkplaceAccessTokenApi', data: { ...custom, accessToken: sim.issueAccessToken() } }),
		};
		const oauthRef = store.add({
			type: 'zoomWorkplaceOAuth2Api',
			data: { ...custom, clientId: sim.defaultOAuthApp.clientId, clientSecret: sim.defaultOAuthApp.clientSecret },
		});
		await connectOAuth2({ store, id: oauthRef.id });
		oAuth2 = { label: 'OAuth2', authentication: 'oAuth2', type: 'zoomWorkplaceOAuth2Api', ref: oauthRef };
	});

	after(async () => {
		await proxy?.close();
		await sim?.close();
	});

	beforeEach(() => {
		proxy.requests.length = 0;
		sim.resetCounters();
	});

	async function run(
		operation: string,
		parameters: INodeParameters,
		options: { credential?: Credential; inputItems?: IDataObject[]; continueOnFail?: boolean } = {},
	) {
		const credential = options.credential ?? s2s;
		return await executeNode({
			nodeType: new ZoomWorkplace(),
			parameters: { authentication: credential.authentication, resource: 'meeting', operation, ...parameters },
			credentials: { [credential.type]: credential.ref },
			credentialsStore: store,
			inputItems: options.inputItems,
			continueOnFail: options.continueOnFail,
		});
	}

	/** The one item of a successful single-item run. */
	function onlyItem(result: Awaited<ReturnType<typeof run>>): INodeExecutionData {
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items.length, 1);
		assert.deepEqual(result.items[0].pairedItem, { item: 0 });
		return result.items[0];
	}

	function sent(method: string, pathEnd?: string): Recorded[] {
		return proxy.requests.filter((r) => r.method === method && (pathEnd === undefined || r.path.endsWith(pathEnd)));
	}

	function futureMeeting(partial: Partial<ZoomMeeting> = {}): ZoomMeeting {
		return sim.state.addMeeting(OWNER_ID, { topic: 'Planning', start_time: '2030-02-01T10:00:00Z', duration: 30, ...partial });
	}

	describe('create', () => {
		test('a weekly recurring meeting with settings, false values included', async () => {
			const result = await run('create', {
				userId: rl('me'),
				topic: 'Weekly sync',
				additionalFields: {
					type: 8,
					startTime: '2030-01-07T10:00:00',
					timezone: 'Europe/Berlin',
					duration: 45,
					agenda: 'Plan the week',
					password: 'abc123',
					settings: {
						hostVideo: false,
						participantVideo: false,
						joinBeforeHost: false,
						jbhTime: 0,
						muteUponEntry: true,
						waitingRoom: false,
						meetingAuthentication: false,
						autoRecording: 'none',
					},
					recurrence: { recurrenceValues: { type: 2, repeatInterval: 1, weeklyDays: [4, 2], endTimes: 4 } },
				},
			});
			const meeting = onlyItem(result).json;
			assert.equal(meeting.topic, 'Weekly sync');
			assert.equal(meeting.type, 8);
			assert.equal(meeting.timezone, 'Europe/Berlin');
			assert.equal(meeting.duration, 45);
			assert.equal(meeting.agenda, 'Plan the week');
			assert.equal(meeting.password, 'abc123');
			// 10:00 in Berlin in January is 09:00 UTC; 2030-01-07 is a Monday (weekly day 2).
			assert.equal(meeting.start_time, '2030-01-07T09:00:00Z');
			assert.deepEqual(meeting.recurrence, { type: 2, repeat_interval: 1, weekly_days: '2,4', end_times: 4 });
			assert.equal((meeting.occurrences as IDataObject[]).length, 4);
			const settings = meeting.settings as IDataObject;
			assert.equal(settings.mute_upon_entry, true);
			assert.equal(settings.waiting_room, false);

			const [post] = sent('POST', '/users/me/meetings');
			assert.ok(post, 'POST /users/me/meetings sent');
			const body = post.body as IDataObject;
			assert.equal(body.start_time, '2030-01-07T10:00:00');
			assert.equal(body.timezone, 'Europe/Berlin');
			assert.deepEqual(body.settings, {
				host_video: false,
				participant_video: false,
				join_before_host: false,
				jbh_time: 0,
				mute_upon_entry: true,
				waiting_room: false,
				meeting_authentication: false,
				auto_recording: 'none',
			});
			const stored = sim.state.meetings.get(meeting.id as number);
			assert.ok(stored, 'meeting exists in Zoom');
			assert.equal(stored.host_id, OWNER_ID);
			assert.equal(stored.settings.mute_upon_entry, true);
		});
	});

	describe('get', () => {
		test('by meeting ID', async () => {
			const m = futureMeeting({ topic: 'By ID' });
			const meeting = onlyItem(await run('get', { meetingId: rl(m.id) })).json;
			assert.equal(meeting.id, m.id);
			assert.equal(meeting.uuid, m.uuid);
			assert.equal(meeting.topic, 'By ID');
			assert.equal(meeting.start_time, '2030-02-01T10:00:00Z');
			assert.equal(meeting.join_url, m.join_url);
			assert.deepEqual(proxy.requests.map((r) => `${r.method} ${r.path}`), [`GET /v2/meetings/${m.id}`]);
		});

		test('by join URL (with passcode) and by an ID typed with spaces', async () => {
			const m = futureMeeting({ topic: 'By URL' });
			assert.match(m.join_url, /\/j\/\d+\?pwd=/);
			assert.equal(onlyItem(await run('get', { meetingId: rl(m.join_url, 'url') })).json.topic, 'By URL');
			const spaced = String(m.id).replace(/^(\d{3})(\d{4})/, '$1 $2 ');
			assert.equal(onlyItem(await run('get', { meetingId: rl(spaced) })).json.id, m.id);
			assert.deepEqual(
				proxy.requests.map((r) => r.path),
				[`/v2/meetings/${m.id}`, `/v2/meetings/${m.id}`],
			);
		});

		for (const [label, uuid, encodings] of [
			['beginning with "/"', '/ajXp112QmuoKj4854875==', 2],
			['containing "//"', 'Kq7Hn//Wq3TeMx0eTcA9bNQ==', 2],
			['with "+" and "=" only', 'Kq7Hn+Wq3TeMx0eTcA9bNQ==', 1],
		] as const) {
			test(`by UUID ${label}: refused by name, Zoom's spec takes only numeric IDs here (${encodings} encoding(s) where a UUID is allowed)`, async () => {
				futureMeeting({ topic: `UUID ${label}`, uuid });
				const result = await run('get', { meetingId: rl(uuid) }, { continueOnFail: true });
				const error = String(onlyItem(result).json.error);
				assert.match(error, /Invalid "Meeting" in item 0: this operation takes a meeting ID \(9 to 11 digits\) or a join URL, not a UUID/);
				assert.equal(proxy.requests.length, 0);
			});
		}

		test('one occurrence, and previous occurrences', async () => {
			const past = sim.state.addMeeting(OWNER_ID, {
				topic: 'Daily (past)',
				type: 8,
				start_time: '2020-03-02T09:00:00Z',
				recurrence: { type: 1, repeat_interval: 1, end_times: 3 },
			});
			const occurrences = past.occurrences ?? [];
			assert.equal(occurrences.length, 3);

			const withoutPrevious = onlyItem(await run('get', { meetingId: rl(past.id) })).json;
			assert.deepEqual(withoutPrevious.occurrences, []);

			const withPrevious = onlyItem(
				await run('get', { meetingId: rl(past.id), options: { showPreviousOccurrences: true } }),
			).json;
			assert.equal((withPrevious.occurrences as IDataObject[]).length, 3);

			const second = occurrences[1];
			const occurrence = onlyItem(
				await run('get', { meetingId: rl(past.id), options: { occurrenceId: second.occurrence_id } }),
			).json;
			assert.equal(occurrence.start_time, second.start_time);

			const queries = proxy.requests.map((r) => r.query.toString());
			assert.deepEqual(queries, ['', 'show_previous_occurrences=true', `occurrence_id=${second.occurrence_id}`]);
		});
	});

	describe('getAll', () => {
		let bulkEmail: string;
		let bulkIds: number[];

		before(() => {
			const user = sim.state.addUser({ email: 'bulk.host@sim.example.com', first_name: 'Bulk', last_name: 'Host' });
			bulkEmail = user.email;
			bulkIds = [];
			for (let i = 0; i < 653; i++) {
				const day = String(1 + (i % 28)).padStart(2, '0');
				bulkIds.push(
					sim.state.addMeeting(user.id, { topic: `Bulk ${i}`, start_time: `2031-01-${day}T10:00:00Z` }).id,
				);
			}
		});

		test('Return All pages through 653 meetings with 300 per page (3 requests)', async () => {
			const result = await run('getAll', { userId: rl(bulkEmail, 'email'), returnAll: true });
			assert.equal(result.error, undefined, result.error?.message);
			assert.equal(result.items.length, 653);
			assert.deepEqual(result.items.map((item) => item.json.id), bulkIds);
			assert.ok(result.items.every((item) => (item.pairedItem as { item: number }).item === 0));
			assert.equal(result.items[0].json.topic, 'Bulk 0');
			assert.equal(result.items[0].json.start_time, '2031-01-01T10:00:00Z');
			assert.equal(sim.counters.requests[LIST_ROUTE], 3);
			assert.deepEqual(proxy.requests.map((r) => r.query.get('page_size')), ['300', '300', '300']);
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
				const result = await run('getAll', { userId: rl(bulkEmail, 'email'), returnAll: false, limit });
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(result.items.length, limit);
				assert.deepEqual(result.items.map((item) => item.json.id), bulkIds.slice(0, limit));
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
			const previous = await run('getAll', { userId: rl(host.id), returnAll: true, filters: { type: 'previous_meetings' } });
			assert.deepEqual(previous.items.map((item) => item.json.topic), ['Past 1', 'Past 2']);
			assert.equal(proxy.requests[0].query.get('type'), 'previous_meetings');

			const march = await run('getAll', {
				userId: rl(host.id),
				returnAll: true,
				filters: { type: 'upcoming', from: '2030-03-01T00:00:00', to: '2030-03-31T00:00:00' },
			});
			assert.deepEqual(march.items.map((item) => item.json.topic), ['March A', 'March B']);
			const query = proxy.requests[1].query;
			assert.equal(query.get('from'), '2030-03-01');
			assert.equal(query.get('to'), '2030-03-31');
			assert.equal(query.get('type'), 'upcoming');
		});

		test('bad dates stop the item before any request', async () => {
			const notADate = await run('getAll', { userId: rl('me'), returnAll: true, filters: { from: 'next monday' } });
			assert.match(notADate.error?.message ?? '', /Invalid "From" in item 0/);
			const reversed = await run('getAll', {
				userId: rl('me'),
				returnAll: true,
				filters: { from: '2030-03-31', to: '2030-03-01' },
			});
			assert.match(reversed.error?.message ?? '', /Invalid "To" in item 0: must not be before From/);
			assert.equal(sim.counters.totalApiRequests, 0);
		});
	});

	describe('update', () => {
		test('sends false and 0, then returns the meeting as read back', async () => {
			const m = futureMeeting({
				topic: 'Before',
				settings: { waiting_room: true, mute_upon_entry: true, join_before_host: true, jbh_time: 10, host_video: true },
			});
			const result = await run('update', {
				meetingId: rl(m.id),
				updateFields: {
					topic: 'After',
					settings: { waitingRoom: false, muteUponEntry: false, joinBeforeHost: false, jbhTime: 0, hostVideo: false },
				},
			});
			const meeting = onlyItem(result).json;
			assert.deepEqual(sent('PATCH')[0].body, {
				topic: 'After',
				settings: { waiting_room: false, mute_upon_entry: false, join_before_host: false, jbh_time: 0, host_video: false },
			});
			const stored = sim.state.meetings.get(m.id)!;
			assert.equal(stored.topic, 'After');
			assert.equal(stored.settings.waiting_room, false);
			assert.equal(stored.settings.mute_upon_entry, false);
			assert.equal(stored.settings.join_before_host, false);
			assert.equal(stored.settings.jbh_time, 0);
			assert.equal(stored.settings.host_video, false);
			// The output is the meeting's new state, as Get returns it.
			assert.equal(meeting.id, m.id);
			assert.equal(meeting.topic, 'After');
			assert.equal(meeting.start_time, '2030-02-01T10:00:00Z');
			assert.equal((meeting.settings as IDataObject).waiting_room, false);
			assert.equal((meeting.settings as IDataObject).jbh_time, 0);
			assert.deepEqual(proxy.requests.map((r) => `${r.method} ${r.path}`), [
				`PATCH /v2/meetings/${m.id}`,
				`GET /v2/meetings/${m.id}`,
			]);
		});

		test('start time in a chosen time zone is formatted as Create does', async () => {
			const m = futureMeeting();
			const meeting = onlyItem(
				await run('update', {
					meetingId: rl(m.id),
					updateFields: { startTime: '2030-07-01T09:30:00', timezone: 'America/New_York', duration: 90 },
				}),
			).json;
			assert.deepEqual(sent('PATCH')[0].body, {
				start_time: '2030-07-01T09:30:00',
				timezone: 'America/New_York',
				duration: 90,
			});
			assert.equal(meeting.start_time, '2030-07-01T13:30:00Z');
			assert.equal(meeting.timezone, 'America/New_York');
			assert.equal(meeting.duration, 90);
		});

		test('one occurrence: occurrence_id on the update and on the read-back', async () => {
			const m = futureMeeting({ type: 8, start_time: '2030-03-01T09:00:00Z', recurrence: { type: 1, repeat_interval: 1, end_times: 3 } });
			const second = m.occurrences![1];
			const meeting = onlyItem(
				await run('update', {
					meetingId: rl(m.id),
					updateFields: { duration: 75 },
					options: { occurrenceId: second.occurrence_id },
				}),
			).json;
			assert.equal(sim.state.meetings.get(m.id)!.occurrences![1].duration, 75);
			assert.equal(sim.state.meetings.get(m.id)!.occurrences![0].duration, 30);
			assert.equal(meeting.start_time, second.start_time);
			assert.equal(meeting.duration, 75);
			assert.deepEqual(
				proxy.requests.map((r) => `${r.method} ${r.query.get('occurrence_id')}`),
				[`PATCH ${second.occurrence_id}`, `GET ${second.occurrence_id}`],
			);
		});

		test('nothing to update is an error naming the item, and nothing is sent', async () => {
			for (const updateFields of [{}, { settings: {} }]) {
				const result = await run('update', { meetingId: rl('85746065432'), updateFields });
				assert.match(result.error?.message ?? '', /Add at least one field to update \(item 0\)/);
			}
			assert.equal(sim.counters.totalApiRequests, 0);
		});

		test('an app that may write but not read meetings gets { id, updated: true }', async () => {
			sim.addServerToServerApp({ clientId: 'write-only-app', clientSecret: 'write-only-secret', scopes: ['meeting:write:admin'] });
			const writeOnly: Credential = {
				label: 'write-only S2S',
				authentication: 'serverToServerOAuth',
				type: 'zoomWorkplaceServerToServerOAuthApi',
				ref: store.add({
					type: 'zoomWorkplaceServerToServerOAuthApi',
					data: {
						cloud: 'custom',
						apiBaseUrl: proxy.apiBaseUrl,
						oauthBaseUrl: sim.oauthBaseUrl,
						accountId: sim.defaultApp.accountId,
						clientId: 'write-only-app',
						clientSecret: 'write-only-secret',
					},
				}),
			};
			const m = futureMeeting({ topic: 'Write only' });
			const output = onlyItem(
				await run('update', { meetingId: rl(m.id), updateFields: { topic: 'Written' } }, { credential: writeOnly }),
			).json;
			assert.equal(sim.state.meetings.get(m.id)!.topic, 'Written');
			assert.equal(output.id, m.id);
			assert.equal(output.updated, true);
			assert.match(String(output.readBackError), /4711|scope/i);
		});
	});

	describe('delete', () => {
		test('a meeting, with notification choices sent as given', async () => {
			const m = futureMeeting({ topic: 'To delete' });
			const output = onlyItem(
				await run('delete', { meetingId: rl(m.id), options: { notifyHost: false, notifyRegistrants: true } }),
			).json;
			assert.deepEqual(output, { id: m.id, deleted: true });
			assert.equal(sim.state.meetings.has(m.id), false);
			assert.equal(sim.state.deletedMeetings.has(m.id), true);
			const [del] = sent('DELETE');
			assert.equal(del.path, `/v2/meetings/${m.id}`);
			assert.equal(del.query.get('schedule_for_reminder'), 'false');
			assert.equal(del.query.get('cancel_meeting_reminder'), 'true');
		});

		test('without options no notification parameter is sent', async () => {
			const m = futureMeeting();
			onlyItem(await run('delete', { meetingId: rl(m.id) }));
			assert.equal(sent('DELETE')[0].query.toString(), '');
		});

		test('one occurrence', async () => {
			const m = futureMeeting({ type: 8, start_time: '2030-03-01T09:00:00Z', recurrence: { type: 1, repeat_interval: 1, end_times: 3 } });
			const occurrenceId = m.occurrences![2].occurrence_id;
			const output = onlyItem(await run('delete', { meetingId: rl(m.id), options: { occurrenceId } })).json;
			assert.deepEqual(output, { id: m.id, occurrenceId, deleted: true });
			const stored = sim.state.meetings.get(m.id)!;
			assert.equal(stored.occurrences![2].status, 'deleted');
			assert.equal(stored.occurrences![1].status, 'available');
			assert.equal(sent('DELETE')[0].query.get('occurrence_id'), occurrenceId);
		});
	});

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
			const output = onlyItem(await run('getInvitation', { meetingId: rl(m.join_url, 'url') })).json;
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
				{ inputItems: [{ meetingId: a.id }, { meetingId: '99999999999' }, { meetingId: b.id }], continueOnFail: true },
			);
			assert.equal(result.error, undefined);
			assert.equal(result.items.length, 3);
			assert.deepEqual(result.items.map((item) => item.pairedItem), [{ item: 0 }, { item: 1 }, { item: 2 }]);
			assert.equal(result.items[0].json.topic, 'First');
			assert.equal(result.items[2].json.topic, 'Third');
			assert.match(String(result.items[1].json.error), /3001/);
			assert.match(String(result.items[1].json.error), /99999999999/);
			assert.equal(result.items[1].json.httpCode, '404');
		});

		test('404/3001 without Continue On Fail stops the node with Zoom\'s code and message', async () => {
			for (const operation of ['get', 'update', 'delete', 'end', 'getInvitation']) {
				const result = await run(operation, { meetingId: rl('99999999998'), updateFields: { topic: 'x' } });
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
				assert.match(result.error?.message ?? '', /Invalid "Occurrence ID" in item 0: must contain only digits/, operation);
			}
			assert.equal(sim.counters.totalApiRequests, 0);
		});

		test('a bad item among good ones: only the good ones are sent (Continue On Fail)', async () => {
			const m = futureMeeting({ topic: 'Good' });
			const result = await run(
				'get',
				{ meetingId: rl('={{ $json.meetingId }}') },
				{ inputItems: [{ meetingId: m.id }, { meetingId: 'not a meeting!' }], continueOnFail: true },
			);
			assert.equal(result.items[0].json.topic, 'Good');
			assert.match(String(result.items[1].json.error), /Invalid "Meeting" in item 1/);
			assert.deepEqual(result.items[1].pairedItem, { item: 1 });
			assert.equal(sim.counters.totalApiRequests, 1);
		});

		test('bad meeting fields on update name the field; nothing is sent', async () => {
			const badPassword = await run('update', { meetingId: rl('85746065432'), updateFields: { password: 'no spaces!' } });
			assert.match(badPassword.error?.message ?? '', /Invalid "Password" in item 0/);
			const badMeeting = await run('end', { meetingId: rl('https://example.com/not-a-meeting') });
			assert.match(badMeeting.error?.message ?? '', /Meeting/);
			assert.equal(sim.counters.totalApiRequests, 0);
		});
	});

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
							additionalFields: { startTime: '2030-09-01T08:00:00Z', duration: 25, settings: { waitingRoom: true, joinBeforeHost: false } },
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
					await run('update', { meetingId: rl(id), updateFields: { settings: { waitingRoom: false } } }, { credential }),
				).json;
				assert.equal((updated.settings as IDataObject).waiting_room, false);
				assert.equal(sim.state.meetings.get(id)!.settings.waiting_room, false);

				const invitation = onlyItem(await run('getInvitation', { meetingId: rl(id) }, { credential })).json;
				assert.match(String(invitation.invitation), new RegExp(`Topic: ${topic}`));

				sim.state.meetings.get(id)!.status = 'started';
				assert.deepEqual(onlyItem(await run('end', { meetingId: rl(id) }, { credential })).json, { id, ended: true });
				assert.equal(sim.state.meetings.get(id)!.status, 'waiting');

				assert.deepEqual(onlyItem(await run('delete', { meetingId: rl(id) }, { credential })).json, { id, deleted: true });
				assert.equal(sim.state.meetings.has(id), false);
			});
		}
	});
});
