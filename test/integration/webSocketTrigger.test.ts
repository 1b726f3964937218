/**
 * Connection "WebSocket" of the Zoom Workplace Trigger, run by n8n-core's TriggerContext (real
 * httpRequestWithAuthentication with the credential's preAuthentication, as in n8n) against the
 * simulator's Zoom-like WebSocket endpoint: events arrive once each, drops and refused tokens
 * reconnect (with a token n8n renewed and stored), the gap is logged, one connection is shared by
 * every listener of a subscription, and a delivery whose execution did not start is not
 * remembered as received.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { TriggerContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, IRun, ITriggerResponse } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ZoomWorkplaceTrigger } from '../../nodes/ZoomWorkplaceTrigger/ZoomWorkplaceTrigger.node';
import { openConnection } from '../../nodes/ZoomWorkplaceTrigger/webSocket/connection';
import {
	addMeetingSummary,
	addRecording,
	OWNER_EMAIL,
	startZoomSimulator,
	type ZoomSimulator,
} from '../simulator';
import { meetingEvent, sampleEvent, summaryEvent } from '../simulator/webhooks/events';
import {
	buildAdditionalData,
	createCredentialsStore,
	NodeTypes,
	type CredentialsStore,
} from './harness';
import type { InMemoryCredentialsHelper } from './harness';

const S2S = 'zoomWorkplaceServerToServerOAuthApi';
const TYPE = 'zoomWorkplaceTrigger';

interface Emitted {
	data: INodeExecutionData[][];
	done?: { resolve: (run: IRun) => void; reject: (error: Error) => void };
}

interface Running {
	response: ITriggerResponse | undefined;
	emitted: Emitted[];
	logs: string[];
	failures: Error[];
	close(): Promise<void>;
	waitForEmits(n: number, timeoutMs?: number): Promise<void>;
}

async function until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const started = Date.now();
	while (!predicate()) {
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('Zoom Workplace Trigger, Connection WebSocket (n8n-core TriggerContext + simulator)', () => {
	let sim: ZoomSimulator;
	let store: CredentialsStore;
	let helper: InMemoryCredentialsHelper;
	let credential: { id: string; name: string };

	before(async () => {
		sim = await startZoomSimulator({ enforceRateLimits: false });
		({ store, credentialsHelper: helper } = createCredentialsStore());
		helper.credentialTypes.addSupportedNode(S2S, TYPE);
		credential = store.add({
			type: S2S,
			data: {
				...sim.defaultApp,
				cloud: 'custom',
				apiBaseUrl: sim.apiBaseUrl,
				oauthBaseUrl: sim.oauthBaseUrl,
			},
		});
	});
	after(async () => await sim.close());

	async function start(
		options: {
			events?: string[];
			nodeOptions?: IDataObject;
			mode?: 'trigger' | 'manual';
			url?: string;
			workflowId?: string;
			/** how each emit's done promise settles: 'started' (resolved), 'failed' (rejected) */
			outcome?: (index: number) => 'started' | 'failed';
		} = {},
	): Promise<Running> {
		const node: INode = {
			id: randomUUID(),
			name: 'Zoom Workplace Trigger',
			type: TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				connection: 'webSocket',
				webSocketUrl: options.url ?? sim.webSocketUrl,
				events: options.events ?? ['meeting.started'],
				options: (options.nodeOptions ?? {}) as never,
			},
			credentials: { [S2S]: credential },
		};
		const nodeType = new ZoomWorkplaceTrigger();
		const workflowId = options.workflowId ?? randomUUID();
		const workflow = new Workflow({
			id: workflowId,
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: new NodeTypes([nodeType]),
		});
		const running = { emitted: [], logs: [], failures: [] } as unknown as Running;
		const emit = (data: INodeExecutionData[][], _response?: unknown, done?: Emitted['done']) => {
			const index = running.emitted.length;
			running.emitted.push({ data, done });
			const outcome = options.outcome?.(index) ?? 'started';
			if (outcome === 'failed') done?.reject(new Error('could not start the execution'));
			else done?.resolve({} as IRun);
		};
		const ctx = new TriggerContext(
			workflow,
			workflow.getNode(node.name)!,
			buildAdditionalData({ credentialsHelper: helper, workflowId }),
			options.mode ?? 'trigger',
			'activate',
			emit as never,
			(error) => running.failures.push(error),
			(error) => running.failures.push(error as Error),
		);
		const log = (level: string) => (message: string) => running.logs.push(`${level}: ${message}`);
		Object.defineProperty(ctx, 'logger', {
			value: { debug: () => {}, info: log('info'), warn: log('warn'), error: log('error') },
		});
		running.response = await nodeType.trigger.call(ctx);
		running.close = async () => await running.response?.closeFunction?.();
		running.waitForEmits = async (n, timeoutMs = 10_000) =>
			await until(() => running.emitted.length >= n, timeoutMs, `${n} emitted run(s)`);
		return running;
	}

	const eventsOf = (running: Running) => running.emitted.map((e) => e.data[0][0].json);

	test('events arrive over the connection, each once, only those chosen', async () => {
		const running = await start({ events: ['meeting.started', 'user.created'] });
		try {
			assert.equal(sim.webSockets.open().length, 1);
			const started = meetingEvent('meeting.started', { id: 81234567890, topic: 'WS standup' });
			assert.equal(sim.webSockets.sendEvent(started), 1);
			sim.webSockets.sendEvent(meetingEvent('meeting.ended'));
			sim.webSockets.sendEvent(sampleEvent('user.created'), { unwrapped: true });
			sim.webSockets.sendEvent(started); // a repeat
			await running.waitForEmits(2);
			await new Promise((resolve) => setTimeout(resolve, 200));
			const items = eventsOf(running);
			assert.deepEqual(
				items.map((item) => item.event),
				['meeting.started', 'user.created'],
			);
			assert.equal(items[0].meetingId, 81234567890);
			assert.equal(items[0].topic, 'WS standup');
			assert.deepEqual(items[0].payload, started.payload);
			// the token never reaches a log line
			const token = String(store.data(credential.id).accessToken);
			assert.ok(token.length > 10);
			assert.ok(!running.logs.join('\n').includes(token), 'token in the logs');
		} finally {
			await running.close();
		}
		await sim.webSockets.waitFor(() => sim.webSockets.open().length === 0, 5_000, 'the close');
		assert.equal(sim.webSockets.connections.at(-1)?.closedBy, 'client');
	});

	test('a dropped connection reconnects; the gap is logged; events flow again', async () => {
		const running = await start();
		try {
			const before = sim.webSockets.connections.length;
			assert.equal(sim.webSockets.drop(), 1);
			await sim.webSockets.waitFor(
				() =>
					sim.webSockets.connections.length === before + 1 && sim.webSockets.open().length === 1,
				15_000,
				'a new connection',
			);
			await until(() => running.logs.some((l) => l.includes('connection back')), 5_000, 'the log');
			const back = running.logs.find((l) => l.includes('connection back'))!;
			assert.match(back, /Events Zoom sent between \S+Z and \S+Z \(\d+ s\) are lost/);
			assert.ok(running.logs.some((l) => l.startsWith('warn: Zoom WebSocket connection lost')));
			sim.webSockets.sendEvent(meetingEvent('meeting.started'));
			await running.waitForEmits(1);
			assert.deepEqual(running.failures, []);
		} finally {
			await running.close();
		}
	});

	test('a refused (expired) token: n8n renews and stores it, the trigger reconnects with it', async () => {
		const running = await start();
		try {
			const oldToken = String(store.data(credential.id).accessToken);
			const mints = sim.counters.tokenMints;
			const before = sim.webSockets.connections.length;
			assert.equal(sim.webSockets.expireTokens(), 1);
			await sim.webSockets.waitFor(
				() => sim.webSockets.open().length === 1 && sim.webSockets.connections.length > before,
				15_000,
				'a connection with a new token',
			);
			const newToken = String(store.data(credential.id).accessToken);
			assert.notEqual(newToken, oldToken);
			assert.equal(sim.webSockets.open()[0].token, newToken, 'connected with the stored token');
			assert.equal(sim.counters.tokenMints, mints + 1, 'one mint, by n8n');
			sim.webSockets.sendEvent(meetingEvent('meeting.started'));
			await running.waitForEmits(1);
		} finally {
			await running.close();
		}
	});

	test('two listeners of one subscription share one connection; the last one closes it', async () => {
		const published = await start();
		const before = sim.webSockets.connections.length;
		const manual = await start({ mode: 'manual', workflowId: 'other-workflow' });
		try {
			assert.equal(sim.webSockets.connections.length, before, 'no second connection');
			assert.equal(openConnection(sim.webSocketUrl)?.listenerCount, 2);
			sim.webSockets.sendEvent(meetingEvent('meeting.started'));
			await published.waitForEmits(1);
			await manual.waitForEmits(1);
			await manual.close();
			assert.equal(sim.webSockets.open().length, 1, 'still open for the published workflow');
			sim.webSockets.sendEvent(meetingEvent('meeting.started'));
			await published.waitForEmits(2);
		} finally {
			await published.close();
		}
		await sim.webSockets.waitFor(() => sim.webSockets.open().length === 0, 5_000, 'the close');
		assert.equal(openConnection(sim.webSocketUrl), undefined);
		// nothing reconnects after the close
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		assert.equal(sim.webSockets.open().length, 0);
	});

	test('an event whose execution n8n could not start is emitted again, and only that once', async () => {
		const running = await start({ outcome: (index) => (index === 0 ? 'failed' : 'started') });
		try {
			const event = meetingEvent('meeting.started');
			sim.webSockets.sendEvent(event);
			await running.waitForEmits(2, 15_000);
			assert.deepEqual(running.emitted[1].data, running.emitted[0].data, 'the same event again');
			assert.ok(running.logs.some((l) => l.includes('could not start the execution')));
			sim.webSockets.sendEvent(event); // it started the second time: a copy is a repeat
			await new Promise((resolve) => setTimeout(resolve, 300));
			assert.equal(running.emitted.length, 2);
		} finally {
			await running.close();
		}
	});

	test('after a reconnect, recordings completed during the gap are recovered once, marked recovered', async () => {
		const running = await start({
			events: ['recording.completed'],
			nodeOptions: { recoverMissedRecordings: true },
		});
		try {
			const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
			// ended 10 minutes ago: within the processing margin before the gap
			const missed = addRecording(sim.state, {
				hostId: OWNER_EMAIL,
				topic: 'Missed while disconnected',
				start_time: iso(Date.now() - 40 * 60_000),
				duration: 30,
				files: [{ file_type: 'MP4' }, { file_type: 'TRANSCRIPT' }],
			});
			// one that did arrive live before the drop
			const live = addRecording(sim.state, {
				hostId: OWNER_EMAIL,
				topic: 'Arrived live',
				start_time: iso(Date.now() - 35 * 60_000),
				duration: 30,
				files: [{ file_type: 'MP4' }],
			});
			// long before the gap
			addRecording(sim.state, {
				hostId: OWNER_EMAIL,
				topic: 'Old',
				start_time: iso(Date.now() - 5 * 60 * 60_000),
				duration: 30,
				files: [{ file_type: 'MP4' }],
			});
			sim.webSockets.sendEvent({
				event: 'recording.completed',
				event_ts: Date.now(),
				payload: { account_id: 'acc', object: { uuid: live.uuid, id: live.id, topic: live.topic } },
			});
			await running.waitForEmits(1);
			const requestsBefore = sim.counters.requests['GET /v2/users/{userId}/recordings'] ?? 0;
			sim.webSockets.drop();
			await until(
				() => running.logs.some((l) => l.includes('recovered 1 recording(s)')),
				20_000,
				'the recovery',
			);
			const items = eventsOf(running);
			assert.equal(items.length, 2, JSON.stringify(items.map((i) => i.topic)));
			const recovered = items[1];
			assert.equal(recovered.event, 'recording.completed');
			assert.equal(recovered.recovered, true);
			assert.equal(recovered.topic, 'Missed while disconnected');
			const object = (recovered.payload as IDataObject).object as IDataObject;
			assert.equal(object.uuid, missed.uuid);
			assert.equal((object.recording_files as IDataObject[]).length, 2);
			// every user of the account (List Users, then one List Recordings per user)
			assert.ok((sim.counters.requests['GET /v2/users'] ?? 0) >= 1);
			assert.ok((sim.counters.requests['GET /v2/users/{userId}/recordings'] ?? 0) > requestsBefore);
			// a second gap finds the same recording again, but it is not emitted twice
			sim.webSockets.drop();
			await until(
				() => running.logs.filter((l) => l.includes('recovered 0 recording(s)')).length >= 1,
				20_000,
				'the second recovery',
			);
			assert.equal(running.emitted.length, 2);
		} finally {
			await running.close();
		}
	});

	test('Include Full Summary: a summary event without its Markdown gets the summary fetched; a failed fetch still starts the workflow', async () => {
		const running = await start({
			events: ['meeting.summary_completed'],
			nodeOptions: { includeSummary: true },
		});
		try {
			// a UUID Zoom finds only double-encoded
			const summary = addMeetingSummary(sim.state, {
				hostId: OWNER_EMAIL,
				uuid: '/wsSummary+Uuid//1234==',
				topic: 'Design review',
				start_time: new Date(Date.now() - 2 * 60 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
				content: '## Key takeaways\n- **Ship** the beta\n- Ask [Ada](https://example.com/ada)',
			});
			const fetchesBefore =
				sim.counters.requests['GET /v2/meetings/{meetingId}/meeting_summary'] ?? 0;
			sim.webSockets.sendEvent(summaryEvent(summary, { withContent: false }));
			await running.waitForEmits(1);
			const [item] = eventsOf(running);
			assert.equal(item.summaryFetchError, undefined, JSON.stringify(item.summaryFetchError));
			assert.equal((item.summary as IDataObject).summary_content, summary.summary_content);
			assert.equal(
				item.summaryText,
				'Key takeaways\n• Ship the beta\n• Ask Ada (https://example.com/ada)',
			);
			assert.equal(
				sim.counters.requests['GET /v2/meetings/{meetingId}/meeting_summary'],
				fetchesBefore + 1,
			);
			// a summary Zoom does not have (deleted since): 404/3001 in the item, the workflow runs
			sim.webSockets.sendEvent(
				summaryEvent(
					{ ...summary, meeting_uuid: 'goneSummaryUuid12345==' },
					{ withContent: false },
				),
			);
			await running.waitForEmits(2);
			const failed = eventsOf(running)[1];
			const error = failed.summaryFetchError as IDataObject;
			assert.equal(error.httpCode, '404');
			assert.match(String(error.message), /3001/);
			assert.equal(failed.summary, undefined);
			assert.equal(failed.event, 'meeting.summary_completed');
		} finally {
			await running.close();
		}
	});

	test('an unknown subscription or a foreign host fails the activation with the reason', async () => {
		await assert.rejects(
			start({ url: sim.webSocketUrl.replace(/subscriptionId=.*/, 'subscriptionId=unknownSub01') }),
			/Subscription not found/,
		);
		await assert.rejects(
			start({ url: 'wss://ws.zoom.us/ws?subscriptionId=simWebSocketSub0001' }),
			/"WebSocket URL" must be Zoom's WebSocket endpoint/,
		);
		assert.equal(sim.webSockets.open().length, 0);
	});
});
