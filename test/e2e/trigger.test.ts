/**
 * The Zoom Workplace Trigger in a real n8n 2.41.1 (`n8n start`), published, receiving events from
 * the simulator's Zoom-like webhook sender (test/simulator/webhooks): URL validation first, then
 * signed events; refused requests (tampered, wrong secret, stale, unsigned, oversized) start
 * nothing; repeats are dropped; recording.completed files arrive as binary data.
 *
 *   npm run build && node_modules/.bin/node --import tsx --test test/e2e/trigger.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
	meetingEvent,
	participantJoined,
	recordingCompleted,
	recordingSha256,
	startRecordingFileServer,
	userCreated,
	ZoomWebhookSender,
	type RecordingFileServer,
} from '../simulator/webhooks';
import {
	createCredential,
	createN8nHome,
	login,
	rest,
	setupOwner,
	startN8nServer,
	type N8nHome,
	type N8nServer,
	type Session,
} from './harness/n8n';
import {
	binaryDigest,
	createWorkflow,
	executionItems,
	listExecutions,
	publishWorkflow,
	triggerNode,
	waitForExecutions,
	webhookUrls,
	WEBHOOK_CREDENTIAL_TYPE,
} from './harness/webhooks';

const SECRET = 'e2eZoomSecretToken_0001';
const NODE = 'Zoom Workplace Trigger';

describe('Zoom Workplace Trigger in a real n8n', { timeout: 15 * 60_000 }, () => {
	let home: N8nHome | undefined;
	let server: N8nServer | undefined;
	let files: RecordingFileServer | undefined;
	let session: Session;
	let credential: { id: string; name: string };

	/** A published workflow with one trigger; returns its id and a validated sender. */
	async function publishedTrigger(
		events: string[],
		options: Record<string, unknown> = {},
		typeVersion = 1,
	): Promise<{ workflowId: string; sender: ZoomWebhookSender; url: string }> {
		const node = triggerNode({ credential, events, options, typeVersion });
		const saved = await createWorkflow(session, {
			name: `trigger ${events.join(',')}`,
			nodes: [node],
		});
		await publishWorkflow(session, saved);
		const url = webhookUrls(server!.baseUrl, node.webhookId).production;
		const sender = new ZoomWebhookSender({
			url,
			secretToken: SECRET,
			retryDelaysMs: [200, 200, 200],
		});
		return { workflowId: saved.id, sender, url };
	}

	before(
		async () => {
			files = await startRecordingFileServer();
			home = await createN8nHome();
			server = await startN8nServer(home);
			session = await setupOwner(server);
			const saved = await createCredential(session, {
				name: 'Zoom webhook (e2e)',
				type: WEBHOOK_CREDENTIAL_TYPE,
				data: { secretToken: SECRET },
			});
			credential = { id: saved.id, name: saved.name };
		},
		{ timeout: 10 * 60_000 },
	);

	after(async () => {
		await server?.stop();
		await home?.cleanup();
		await files?.close();
	});

	it('validates the URL without starting an execution, then runs the workflow for each signed event', async () => {
		const { workflowId, sender } = await publishedTrigger([
			'meeting.started',
			'meeting.participant_joined',
		]);
		assert.equal(await sender.validate(), true, JSON.stringify(sender.validations));
		const validation = sender.validations[0];
		assert.ok(validation.ms < 3_000, `validation answered in ${validation.ms} ms`);
		// validated twice (Zoom re-validates every 72 hours): still no execution
		assert.equal(await sender.validate(), true);
		assert.equal((await listExecutions(session, workflowId)).length, 0);

		const started = meetingEvent('meeting.started', { id: 81234567890, topic: 'E2E standup' });
		const joined = participantJoined(
			{ id: 81234567890 },
			{ user_name: 'Bea', email: 'bea@example.com' },
		);
		const ignored = meetingEvent('meeting.ended');
		for (const event of [started, joined, ignored]) {
			const delivery = await sender.deliver(event);
			assert.equal(delivery.delivered, true, JSON.stringify(delivery.attempts));
			assert.equal(delivery.attempts.length, 1, 'answered 200 within 3 s the first time');
		}
		const executions = await waitForExecutions(session, workflowId, 2);
		await new Promise((r) => setTimeout(r, 1_000));
		assert.equal(
			(await listExecutions(session, workflowId)).length,
			2,
			'meeting.ended was not chosen',
		);
		const items = await Promise.all(
			executions.map(async (e) => (await executionItems(session, e.id, NODE))[0].json),
		);
		const byEvent = Object.fromEntries(items.map((json) => [json.event, json]));
		assert.equal(byEvent['meeting.started'].meetingId, 81234567890);
		assert.equal(byEvent['meeting.started'].topic, 'E2E standup');
		assert.equal(byEvent['meeting.started'].event_ts, started.event_ts);
		assert.deepEqual(
			(byEvent['meeting.participant_joined'].participant as Record<string, unknown>).user_name,
			'Bea',
		);
		assert.ok(executions.every((e) => e.mode === 'webhook' && e.status === 'success'));
	});

	it('refuses tampered, wrongly signed, stale, unsigned and oversized requests: 401 and no execution', async () => {
		const { workflowId, sender } = await publishedTrigger(['*']);
		assert.equal(await sender.validate(), true);
		const body = meetingEvent('meeting.started');
		const cases = {
			tampered: await sender.sendRaw({
				body,
				tamper: (b) => b.replace('Weekly sync', 'Weekly sink'),
			}),
			wrongSecret: await sender.sendRaw({ body, secretToken: 'not-the-apps-secret-token' }),
			stale: await sender.sendRaw({ body, clockOffsetSeconds: -330 }),
			// 30 s beyond the 5-minute window: a loaded machine may take a second or more to answer
			future: await sender.sendRaw({ body, clockOffsetSeconds: 330 }),
			noSignature: await sender.sendRaw({ body, omit: ['signature'] }),
			noTimestamp: await sender.sendRaw({ body, omit: ['timestamp'] }),
			unsigned: await sender.sendRaw({ body, omit: ['signature', 'timestamp'] }),
		};
		for (const [name, attempt] of Object.entries(cases)) {
			assert.equal(attempt.status, 401, `${name}: ${JSON.stringify(attempt)}`);
			assert.ok(!attempt.body?.includes(SECRET), `${name} echoes the secret`);
			assert.ok(!/v0=[0-9a-f]{64}/.test(attempt.body ?? ''), `${name} echoes a signature`);
		}
		// an unsigned URL validation gets no answer that Zoom would accept
		const unsignedValidation = await sender.sendRaw({
			body: {
				event: 'endpoint.url_validation',
				event_ts: Date.now(),
				payload: { plainToken: 'abc' },
			},
			omit: ['signature'],
		});
		assert.equal(unsignedValidation.status, 401);
		// larger than n8n's body limit (16 MiB by default), properly signed: refused before the node
		const oversized = await sender.sendRaw({
			body,
			padToBytes: 17 * 1024 * 1024,
			timeoutMs: 30_000,
		});
		// n8n's body reader refuses it before the node runs (2.41 answers 500 "There was a problem
		// executing the workflow"; a proxy in front may answer 413 or drop the connection)
		assert.ok(
			oversized.status === undefined || oversized.status >= 400,
			`oversized: ${JSON.stringify(oversized).slice(0, 300)}`,
		);
		assert.ok(!oversized.body?.includes(SECRET));
		// the same event, signed correctly, still gets through afterwards
		const good = await sender.sendRaw({ body });
		assert.equal(good.status, 200);
		const executions = await waitForExecutions(session, workflowId, 1);
		await new Promise((r) => setTimeout(r, 1_000));
		assert.equal((await listExecutions(session, workflowId)).length, 1, JSON.stringify(executions));
	});

	it('node version 1.1: n8n hands it the raw body to verify (JSON), the node reads it itself for a type n8n does not parse; the early answer runs the workflow too', async () => {
		const { workflowId, sender } = await publishedTrigger(['meeting.started'], {}, 1.1);
		assert.equal(await sender.validate(), true, JSON.stringify(sender.validations));
		const json = meetingEvent('meeting.started', { id: 81234500011, topic: 'Version 1.1 JSON' });
		assert.equal((await sender.sendRaw({ body: json })).status, 200);
		const octets = meetingEvent('meeting.started', { id: 81234500012, topic: 'Version 1.1 bytes' });
		const binary = { 'content-type': 'application/octet-stream' };
		const tampered = await sender.sendRaw({
			body: octets,
			headers: binary,
			tamper: (b) => b.replace('bytes', 'bites'),
		});
		assert.equal(tampered.status, 401, JSON.stringify(tampered));
		assert.equal((await sender.sendRaw({ body: octets, headers: binary })).status, 200);
		const executions = await waitForExecutions(session, workflowId, 2);
		await new Promise((r) => setTimeout(r, 1_000));
		assert.equal(
			(await listExecutions(session, workflowId)).length,
			2,
			'the tampered one started nothing',
		);
		const topics = await Promise.all(
			executions.map(async (e) => (await executionItems(session, e.id, NODE))[0].json.topic),
		);
		assert.deepEqual(topics.sort(), ['Version 1.1 JSON', 'Version 1.1 bytes']);

		const early = await publishedTrigger(['meeting.started'], { answerBeforeExecution: true }, 1.1);
		assert.equal(await early.sender.validate(), true);
		const event = meetingEvent('meeting.started', { id: 81234500013, topic: 'Answered early' });
		const delivery = await early.sender.deliver(event);
		assert.equal(delivery.delivered, true, JSON.stringify(delivery.attempts));
		assert.equal(delivery.attempts[0].body, JSON.stringify({ message: 'Event received' }));
		const [execution] = await waitForExecutions(session, early.workflowId, 1);
		assert.equal(execution.status, 'success');
		assert.equal(
			(await executionItems(session, execution.id, NODE))[0].json.topic,
			'Answered early',
		);
	});

	it('drops a repeated delivery; a new event with the same object still runs', async () => {
		const { workflowId, sender } = await publishedTrigger(['user.created'], { dropRepeats: true });
		assert.equal(await sender.validate(), true);
		const event = userCreated('repeat@example.com');
		const first = await sender.sendRaw({ body: event });
		const repeat = await sender.sendRaw({ body: event });
		assert.equal(first.status, 200);
		assert.equal(repeat.status, 200, 'a repeat is acknowledged so Zoom stops retrying');
		const later = { ...event, event_ts: event.event_ts + 1 };
		assert.equal((await sender.sendRaw({ body: later })).status, 200);
		await waitForExecutions(session, workflowId, 2);
		await new Promise((r) => setTimeout(r, 1_000));
		const executions = await listExecutions(session, workflowId);
		assert.equal(executions.length, 2, 'the repeat started nothing');
	});

	it('repeats run again when repeat-dropping is off', async () => {
		const { workflowId, sender } = await publishedTrigger(['user.created'], { dropRepeats: false });
		assert.equal(await sender.validate(), true);
		const event = userCreated('twice@example.com');
		await sender.sendRaw({ body: event });
		await sender.sendRaw({ body: event });
		await waitForExecutions(session, workflowId, 2);
	});

	it('recording.completed: downloads the chosen files into binary data, right size and content', async () => {
		const store = files!.store;
		const video = store.add({
			size: 5 * 1024 * 1024 + 123,
			contentType: 'video/mp4',
			dropAfterBytes: [1_500_000],
		});
		const audio = store.add({
			size: 700_001,
			contentType: 'audio/mp4',
			acceptRanges: false,
			dropAfterBytes: [300_000],
		});
		const chat = store.add({ size: 2_345, contentType: 'text/plain' });
		const timeline = store.add({ size: 999, contentType: 'application/json' });
		const { workflowId, sender } = await publishedTrigger(['recording.completed'], {
			downloadRecordings: true,
			recordingFileTypes: ['MP4', 'M4A', 'CHAT'],
		});
		assert.equal(await sender.validate(), true);
		const event = recordingCompleted(
			store,
			files!.url,
			[
				{ file: video, file_type: 'MP4' },
				{ file: audio, file_type: 'M4A', recording_type: 'audio_only' },
				{ file: chat, file_type: 'CHAT', file_extension: 'TXT', recording_type: 'chat_file' },
				{
					file: timeline,
					file_type: 'TIMELINE',
					file_extension: 'JSON',
					recording_type: 'timeline',
				},
			],
			{ topic: 'Recorded sync' },
		);
		const delivery = await sender.deliver(event);
		assert.equal(delivery.attempts.length, 1, 'Zoom was answered within 3 s, before the downloads');
		const [execution] = await waitForExecutions(session, workflowId, 1, 120_000);
		assert.equal(execution.status, 'success');
		const [item] = await executionItems(session, execution.id, NODE);
		assert.equal(
			item.json.recordingDownloadErrors,
			undefined,
			JSON.stringify(item.json.recordingDownloadErrors),
		);
		assert.ok(
			!JSON.stringify(item.json).includes(event.download_token!),
			'the download token stays out',
		);
		const binary = item.binary ?? {};
		assert.deepEqual(Object.keys(binary).sort(), ['recording_0', 'recording_1', 'recording_2']);
		const expected = [
			[video, 'video/mp4', /\.mp4$/],
			[audio, 'audio/mp4', /\.m4a$/],
			[chat, 'text/plain', /\.txt$/],
		] as const;
		for (const [index, [file, mimeType, name]] of expected.entries()) {
			const stored = binary[`recording_${index}`];
			assert.equal(stored.mimeType, mimeType);
			assert.match(stored.fileName ?? '', name);
			assert.match(stored.fileName ?? '', /^Recorded_sync_/);
			const digest = await binaryDigest(session, stored.id!);
			assert.equal(digest.bytes, file.size, `recording_${index} size`);
			assert.equal(
				digest.sha256,
				recordingSha256(file.seed, file.size),
				`recording_${index} content`,
			);
		}
		assert.equal(store.credentialLeaks, 0, 'no token reached the storage host');
		assert.equal(store.tokensInQuery, 0, 'the download token went as a header, not in a URL');
		const summary = item.json.recordingFiles as Array<Record<string, unknown>>;
		assert.equal(summary[0].resumes, 1, 'the dropped video connection was resumed');
		assert.equal(summary[1].resumes, 1, 'the audio was fetched again without Range');
	});

	it('recording.completed with an expired download token: the event still runs, the failure is reported', async () => {
		const store = files!.store;
		const video = store.add({ size: 10_000, contentType: 'video/mp4' });
		const { workflowId, sender } = await publishedTrigger(['recording.completed'], {
			downloadRecordings: true,
		});
		assert.equal(await sender.validate(), true);
		const event = recordingCompleted(store, files!.url, [{ file: video, file_type: 'MP4' }]);
		store.expireDownloadTokens();
		await sender.deliver(event);
		const [execution] = await waitForExecutions(session, workflowId, 1);
		const [item] = await executionItems(session, execution.id, NODE);
		const errors = item.json.recordingDownloadErrors as Array<Record<string, unknown>>;
		assert.equal(errors.length, 1);
		assert.match(String(errors[0].error), /HTTP 401.*24 hours/);
		assert.equal(item.binary?.recording_0, undefined);
	});

	it('a Secret Token changed in n8n applies at once', async () => {
		const rotating = await createCredential(session, {
			name: 'Zoom webhook (rotated)',
			type: WEBHOOK_CREDENTIAL_TYPE,
			data: { secretToken: 'firstZoomSecretToken_01' },
		});
		const node = triggerNode({
			credential: { id: rotating.id, name: rotating.name },
			events: ['meeting.started'],
		});
		const saved = await createWorkflow(session, { name: 'rotation', nodes: [node] });
		await publishWorkflow(session, saved);
		const url = webhookUrls(server!.baseUrl, node.webhookId).production;
		const before = new ZoomWebhookSender({ url, secretToken: 'firstZoomSecretToken_01' });
		assert.equal(await before.validate(), true);
		await rest(session, 'PATCH', `/rest/credentials/${rotating.id}`, {
			name: rotating.name,
			type: WEBHOOK_CREDENTIAL_TYPE,
			data: { secretToken: 'secondZoomSecretToken_02' },
		});
		await new Promise((r) => setTimeout(r, 2_100)); // past the re-read throttle of 2 s
		const after = new ZoomWebhookSender({ url, secretToken: 'secondZoomSecretToken_02' });
		assert.equal(await after.validate(), true, JSON.stringify(after.validations));
		assert.equal((await after.sendRaw({ body: meetingEvent('meeting.started') })).status, 200);
		await waitForExecutions(session, saved.id, 1);
	});

	it('repeat memory belongs to the n8n process: after a restart a repeat runs again (as documented)', async () => {
		const { workflowId, sender } = await publishedTrigger(['meeting.ended']);
		assert.equal(await sender.validate(), true);
		const event = meetingEvent('meeting.ended');
		assert.equal((await sender.sendRaw({ body: event })).status, 200);
		assert.equal((await sender.sendRaw({ body: event })).status, 200);
		await waitForExecutions(session, workflowId, 1);
		await new Promise((r) => setTimeout(r, 1_000));
		assert.equal((await listExecutions(session, workflowId)).length, 1, 'dropped before');

		const port = server!.port;
		await server!.stop();
		server = await startN8nServer(home!, { port });
		session = await login(server);
		// published workflows come back with the process; wait until the webhook answers again
		for (let i = 0; i < 100 && !(await sender.validate()); i++)
			await new Promise((r) => setTimeout(r, 200));
		assert.equal((await sender.sendRaw({ body: event })).status, 200);
		await waitForExecutions(session, workflowId, 2);
	});
});
