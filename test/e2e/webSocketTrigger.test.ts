/**
 * The Zoom Workplace Trigger with Connection "WebSocket" in a real n8n 2.41.1 (`n8n start`),
 * published: n8n opens the connection to the simulator's Zoom-like WebSocket endpoint with the
 * Server-to-Server credential's token; events start one execution each; the simulator drops the
 * connection, goes silent and expires the token, and the trigger reconnects every time (the gap
 * in n8n's log); unpublishing closes the connection for good.
 *
 *   npm run build && node_modules/.bin/node --import tsx --test test/e2e/webSocketTrigger.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
	addMeetingSummary,
	OWNER_EMAIL,
	startZoomSimulator,
	type ZoomSimulator,
} from '../simulator';
import { meetingEvent, summaryEvent } from '../simulator/webhooks/events';
import {
	createCredential,
	createN8nHome,
	setupOwner,
	startN8nServer,
	type N8nHome,
	type N8nServer,
	type Session,
} from './harness/n8n';
import {
	createWorkflow,
	executionItems,
	listExecutions,
	publishWorkflow,
	TRIGGER_TYPE,
	unpublishWorkflow,
	waitForExecutions,
} from './harness/webhooks';

const S2S = 'zoomWorkplaceServerToServerOAuthApi';

describe('Zoom Workplace Trigger over a WebSocket in a real n8n', { timeout: 15 * 60_000 }, () => {
	let sim: ZoomSimulator;
	let home: N8nHome | undefined;
	let server: N8nServer | undefined;
	let session: Session;
	let credential: { id: string; name: string };

	before(
		async () => {
			sim = await startZoomSimulator({ enforceRateLimits: false });
			home = await createN8nHome();
			server = await startN8nServer(home);
			session = await setupOwner(server);
			const saved = await createCredential(session, {
				name: 'Zoom S2S (WebSocket e2e)',
				type: S2S,
				data: {
					...sim.defaultApp,
					cloud: 'custom',
					apiBaseUrl: sim.apiBaseUrl,
					oauthBaseUrl: sim.oauthBaseUrl,
				},
			});
			credential = { id: saved.id, name: saved.name };
		},
		{ timeout: 10 * 60_000 },
	);

	after(async () => {
		await server?.stop();
		await home?.cleanup();
		await sim?.close();
	});

	it('receives events, survives a drop, silence and an expired token, and closes when unpublished', async () => {
		const workflow = await createWorkflow(session, {
			name: 'Zoom WebSocket trigger (e2e)',
			nodes: [
				{
					name: 'Zoom Workplace Trigger',
					type: TRIGGER_TYPE,
					typeVersion: 1,
					parameters: {
						connection: 'webSocket',
						webSocketUrl: sim.webSocketUrl,
						events: ['meeting.started'],
						options: {},
					},
					credentials: { [S2S]: credential },
				},
			],
		});
		const ws = sim.webSockets;
		await publishWorkflow(session, workflow);
		await ws.waitFor(() => ws.open().length === 1, 60_000, 'n8n to connect');
		assert.equal(ws.connections.length, 1, 'one connection');

		const sent: number[] = [];
		const send = (count: number) => {
			for (let i = 0; i < count; i++) {
				const event = meetingEvent('meeting.started', { topic: `ws e2e ${sent.length}` });
				assert.equal(ws.sendEvent(event), 1, 'the simulator has a connection to send to');
				sent.push(event.event_ts);
			}
		};
		/** a fresh connection after `before` connections, confirmed and open */
		const reconnected = async (before: number, what: string) =>
			await ws.waitFor(
				() => ws.connections.length > before && ws.open().length === 1,
				90_000,
				`n8n to reconnect after ${what}`,
			);

		send(5);
		await waitForExecutions(session, workflow.id, 5);

		let count = ws.connections.length;
		ws.drop();
		await reconnected(count, 'a drop');
		send(3);
		await waitForExecutions(session, workflow.id, 8);

		count = ws.connections.length;
		ws.goSilent();
		// nothing is sent while silent (Zoom would not deliver either); n8n notices after 45 s
		await reconnected(count, 'silence');
		send(3);
		await waitForExecutions(session, workflow.id, 11);

		count = ws.connections.length;
		const mintsBefore = sim.counters.tokenMints;
		ws.expireTokens();
		await reconnected(count, 'an expired token');
		assert.equal(sim.counters.tokenMints, mintsBefore + 1, 'n8n minted one new token');
		assert.equal(ws.open()[0].heartbeats >= 0, true);
		send(3);
		const executions = await waitForExecutions(session, workflow.id, 14);

		// every event sent while connected started exactly one execution
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		const all = await listExecutions(session, workflow.id);
		assert.equal(all.length, sent.length, 'no duplicate and no lost execution');
		assert.ok(
			executions.every((e) => e.status === 'success'),
			JSON.stringify(executions),
		);
		const timestamps: number[] = [];
		for (const execution of all) {
			const items = await executionItems(session, execution.id, 'Zoom Workplace Trigger');
			assert.equal(items.length, 1);
			timestamps.push(items[0].json.event_ts as number);
		}
		assert.deepEqual(
			[...timestamps].sort((a, b) => a - b),
			[...sent].sort((a, b) => a - b),
		);

		// the gaps are in n8n's log, the token is not
		const logs = server!.logs();
		const gaps =
			logs.match(/Zoom WebSocket connection back: .*Events Zoom sent between \S+ and \S+/g) ?? [];
		assert.ok(gaps.length >= 3, `three gaps logged, got:\n${gaps.join('\n')}`);
		assert.match(logs, /Zoom WebSocket connection lost at \S+: no frame from Zoom for 4\d s/);
		for (const connection of ws.connections)
			assert.ok(!logs.includes(connection.token), 'an access token in the n8n log');

		// unpublishing closes the connection, and nothing reconnects
		const total = ws.connections.length;
		await unpublishWorkflow(session, workflow.id);
		await ws.waitFor(() => ws.open().length === 0, 60_000, 'the connection to close');
		assert.equal(ws.connections.at(-1)?.closedBy, 'client', 'n8n closed it');
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		assert.equal(ws.connections.length, total, 'no reconnect after unpublishing');
	});

	it('Include Full Summary: a summary event without its Markdown gets the summary, fetched with the credential', async () => {
		const summary = addMeetingSummary(sim.state, {
			hostId: OWNER_EMAIL,
			uuid: '/e2eSummary+Uuid//5678==',
			topic: 'Quarterly planning',
			start_time: new Date(Date.now() - 3 * 60 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
			content: '## Decisions\n- **Hire** two engineers',
		});
		const workflow = await createWorkflow(session, {
			name: 'Zoom WebSocket trigger with the full summary (e2e)',
			nodes: [
				{
					name: 'Zoom Workplace Trigger',
					type: TRIGGER_TYPE,
					typeVersion: 1.1,
					parameters: {
						connection: 'webSocket',
						webSocketUrl: sim.webSocketUrl,
						events: ['meeting.summary_completed'],
						options: { includeSummary: true },
					},
					credentials: { [S2S]: credential },
				},
			],
		});
		const ws = sim.webSockets;
		await publishWorkflow(session, workflow);
		try {
			await ws.waitFor(() => ws.open().length === 1, 60_000, 'n8n to connect');
			assert.equal(ws.sendEvent(summaryEvent(summary, { withContent: false })), 1);
			const [execution] = await waitForExecutions(session, workflow.id, 1);
			assert.equal(execution.status, 'success');
			const [item] = await executionItems(session, execution.id, 'Zoom Workplace Trigger');
			assert.equal(
				item.json.summaryFetchError,
				undefined,
				JSON.stringify(item.json.summaryFetchError),
			);
			assert.equal(item.json.summaryText, 'Decisions\n• Hire two engineers');
			assert.equal(
				(item.json.summary as Record<string, unknown>).summary_content,
				summary.summary_content,
			);
		} finally {
			await unpublishWorkflow(session, workflow.id);
		}
	});
});
