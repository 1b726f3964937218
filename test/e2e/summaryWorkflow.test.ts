/**
 * AI Companion summaries and Team Chat in a real n8n 2.41.1 (`n8n start`) with the package
 * installed, against the Zoom simulator:
 * - the shipped workflow docs/workflows/meeting-summary-to-team-chat.json, saved as the editor
 *   imports a file, with only what a user fills in (the credentials it names exist; the channel
 *   picked), published, receives a signed `meeting.summary_completed` and posts the summary to
 *   the simulator's channel;
 * - Meeting Summary → Get Many over 13 months returns every summary once.
 *
 *   npm run build && node_modules/.bin/node --import tsx --test test/e2e/summaryWorkflow.test.ts
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { markdownToChatMessage } from '../../nodes/ZoomWorkplace/helpers/markdown';
import {
	addChannel,
	addMeetingSummary,
	chatStore,
	OWNER_ID,
	startZoomSimulator,
	type SimChannel,
	type StoredSummary,
	type ZoomSimulator,
} from '../simulator';
import { summaryEvent, ZoomWebhookSender } from '../simulator/webhooks';
import {
	createCredential,
	createN8nHome,
	REPO_ROOT,
	rest,
	setupOwner,
	startN8nServer,
	type N8nHome,
	type N8nServer,
	type Session,
	type WorkflowNode,
} from './harness/n8n';
import {
	createWorkflow,
	executionItems,
	plainWebhookNode,
	publishWorkflow,
	waitForExecutions,
	webhookUrls,
	type SavedWorkflow,
} from './harness/webhooks';

const SHIPPED = path.join(REPO_ROOT, 'docs/workflows/meeting-summary-to-team-chat.json');
const SECRET = 'e2eSummarySecretToken_01';
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface ShippedWorkflow {
	name: string;
	nodes: Array<
		WorkflowNode & { credentials?: Record<string, { id: string | null; name: string }> }
	>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

describe('meeting summaries and Team Chat in a real n8n', { timeout: 15 * 60_000 }, () => {
	let sim: ZoomSimulator;
	let home: N8nHome | undefined;
	let server: N8nServer | undefined;
	let session: Session;
	let channel: SimChannel;
	let credentialIds: Record<string, string>;
	const now = Date.now();
	const spread: StoredSummary[] = [];

	before(
		async () => {
			sim = await startZoomSimulator({ seed: false });
			channel = addChannel(sim.state, { name: 'Meeting notes', members: [OWNER_ID] });
			for (let i = 0; i < 15; i++)
				spread.push(
					addMeetingSummary(sim.state, {
						hostId: OWNER_ID,
						topic: `Monthly review ${i + 1}`,
						start_time: iso(now - (3 + i * 28) * DAY),
					}),
				);
			home = await createN8nHome();
			server = await startN8nServer(home);
			session = await setupOwner(server);
			// The credentials a user creates under the names the shipped workflow refers to.
			const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8')) as ShippedWorkflow;
			const named = (type: string) =>
				shipped.nodes.find((node) => node.credentials?.[type])!.credentials![type].name;
			const webhook = await createCredential(session, {
				name: named('zoomWorkplaceWebhookApi'),
				type: 'zoomWorkplaceWebhookApi',
				data: { secretToken: SECRET },
			});
			const account = await createCredential(session, {
				name: named('zoomWorkplaceServerToServerOAuthApi'),
				type: 'zoomWorkplaceServerToServerOAuthApi',
				data: {
					...sim.defaultApp,
					cloud: 'custom',
					apiBaseUrl: sim.apiBaseUrl,
					oauthBaseUrl: sim.oauthBaseUrl,
				},
			});
			credentialIds = {
				zoomWorkplaceWebhookApi: webhook.id,
				zoomWorkplaceServerToServerOAuthApi: account.id,
			};
		},
		{ timeout: 10 * 60_000 },
	);

	after(async () => {
		await server?.stop();
		await home?.cleanup();
		await sim?.close();
	});

	it('the shipped workflow posts a completed summary to the channel', async () => {
		const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8')) as ShippedWorkflow;
		// What the file must be to import as it is: no credential IDs of any machine, no channel.
		for (const node of shipped.nodes)
			for (const reference of Object.values(node.credentials ?? {}))
				assert.equal(reference.id, null);
		const post = shipped.nodes.find((node) => node.parameters?.operation === 'send')!;
		assert.equal((post.parameters!.channelId as { value: string }).value, '');

		// The one thing a user fills in: the channel, picked from the list.
		post.parameters!.channelId = {
			__rl: true,
			mode: 'list',
			value: channel.id,
			cachedResultName: channel.name,
		};
		const saved = await rest<SavedWorkflow & ShippedWorkflow>(session, 'POST', '/rest/workflows', {
			name: shipped.name,
			nodes: shipped.nodes,
			connections: shipped.connections,
			settings: shipped.settings,
		});
		// n8n bound the credentials by their names, as it does for an imported file.
		for (const node of saved.nodes)
			for (const [type, reference] of Object.entries(node.credentials ?? {}))
				assert.equal(reference.id, credentialIds[type], `${node.name}: ${type}`);
		await publishWorkflow(session, saved);

		const trigger = saved.nodes.find(
			(node) => node.type === 'n8n-nodes-zoom.zoomWorkplaceTrigger',
		)!;
		const url =
			typeof trigger.webhookId === 'string'
				? webhookUrls(server!.baseUrl, trigger.webhookId).production
				: `${server!.baseUrl}/webhook/${saved.id}/${encodeURIComponent(trigger.name.toLowerCase())}/webhook`;
		const sender = new ZoomWebhookSender({
			url,
			secretToken: SECRET,
			retryDelaysMs: [200, 200, 200],
		});
		assert.equal(await sender.validate(), true, JSON.stringify(sender.validations));

		const summary = addMeetingSummary(sim.state, {
			hostId: OWNER_ID,
			// A UUID Zoom wants double-encoded.
			uuid: '/summaryE2E+abc//def==',
			topic: 'Quarterly planning',
			start_time: iso(now - 2 * 3600_000),
		});
		const delivery = await sender.deliver(summaryEvent(summary));
		assert.equal(delivery.delivered, true, JSON.stringify(delivery.attempts));
		const [execution] = await waitForExecutions(session, saved.id, 1);
		assert.equal(execution.status, 'success', JSON.stringify(execution));

		const posted = chatStore(sim.state).messages.filter((m) => m.channelId === channel.id);
		assert.ok(posted.length >= 1);
		const [first, ...replies] = posted;
		assert.match(first.message, /^Quarterly planning: AI Companion meeting summary/);
		// A long summary continues in the thread of the first message.
		for (const reply of replies) assert.equal(reply.reply_main_message_id, first.id);
		const text = posted.map((m) => m.message).join('\n');
		for (const line of markdownToChatMessage(summary.summary_content).text.split('\n'))
			assert.ok(text.includes(line), `the channel lacks "${line}"`);
		assert.ok(text.includes('Open the summary in Zoom Docs'));
		assert.ok(
			first.rich_text?.some((r) => (r as { format_type: string }).format_type === 'Bold'),
			'the topic is bold',
		);
		const output = await executionItems(session, execution.id, 'Post to Team Chat');
		assert.equal(output[0].json.id, first.id);
		assert.equal(output[0].json.to_channel, channel.id);
	});

	it('Get Many over 13 months returns every summary once', async () => {
		const hook = plainWebhookNode();
		hook.parameters = {
			...hook.parameters,
			responseMode: 'lastNode',
			responseData: 'allEntries',
		};
		const list: WorkflowNode = {
			name: 'Summaries',
			type: 'n8n-nodes-zoom.zoomWorkplace',
			typeVersion: 1,
			parameters: {
				resource: 'meetingSummary',
				operation: 'getAll',
				scope: 'account',
				from: iso(now - 395 * DAY),
				to: iso(now),
				returnAll: true,
			},
			credentials: {
				zoomWorkplaceServerToServerOAuthApi: {
					id: credentialIds.zoomWorkplaceServerToServerOAuthApi,
					name: 'Zoom Workplace account',
				},
			},
		};
		const saved = await createWorkflow(session, {
			name: 'summaries of 13 months',
			nodes: [hook, list],
			connections: { Webhook: { main: [[{ node: 'Summaries', type: 'main', index: 0 }]] } },
		});
		await publishWorkflow(session, saved);
		sim.resetCounters();
		// n8n's Webhook node is served at its path (here its webhookId).
		const res = await fetch(`${server!.baseUrl}/webhook/${hook.webhookId}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		assert.equal(res.status, 200, await res.clone().text());
		const items = (await res.json()) as Array<{ meeting_uuid: string; meeting_topic: string }>;
		assert.ok(Array.isArray(items), JSON.stringify(items).slice(0, 500));
		const expected = spread
			.filter((s) => Date.parse(s.summary_start_time) >= Date.parse(iso(now - 395 * DAY)))
			.map((s) => s.meeting_uuid);
		const got = items
			.map((item) => item.meeting_uuid)
			.filter((uuid) => uuid !== '/summaryE2E+abc//def==');
		assert.equal(new Set(got).size, got.length, 'each summary once');
		assert.deepEqual([...got].sort(), [...expected].sort());
		assert.ok(expected.length >= 14, `${expected.length} summaries in the range`);
		const requests = sim.counters.requests['GET /v2/meetings/meeting_summaries'] ?? 0;
		assert.ok(requests >= 13, `asked month by month (${requests} requests)`);
	});
});
