/**
 * The trigger's webhook() against n8n's IWebhookFunctions contract, with a stand-in context:
 * what it answers itself (401, 400, the early 200 before downloads), what it hands to n8n
 * (`webhookResponse` alone for validation and ignored events, `workflowData` for events).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';

import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { ZoomWorkplaceTrigger } from '../../nodes/ZoomWorkplaceTrigger/ZoomWorkplaceTrigger.node';
import { zoomSignature } from '../../nodes/ZoomWorkplaceTrigger/verification';

const SECRET = 'unitZoomSecretToken_0001';
let nodeCounter = 0;

interface Answer {
	status?: number;
	body?: unknown;
}

function context(
	body: IDataObject | string,
	options: {
		headers?: Record<string, string>;
		sign?: { secret?: string; offsetSeconds?: number } | false;
		events?: string[];
		nodeOptions?: IDataObject;
		nodeId?: string;
		helpers?: Record<string, unknown>;
		/** the Secret Token in the credential (SECRET unless given) */
		secret?: string;
		logged?: unknown[];
		/** n8n neither parsed the body nor read its bytes (a content type it does not parse) */
		unparsed?: boolean;
	} = {},
) {
	const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		...options.headers,
	};
	if (options.sign !== false) {
		const ts = String(Math.floor(Date.now() / 1000) + (options.sign?.offsetSeconds ?? 0));
		headers['x-zm-request-timestamp'] = ts;
		headers['x-zm-signature'] = zoomSignature(
			options.sign?.secret ?? options.secret ?? SECRET,
			ts,
			raw,
		);
	}
	const answer: Answer = {};
	const res = {
		status(code: number) {
			answer.status = code;
			return res;
		},
		json(value: unknown) {
			answer.body = value;
			return res;
		},
	};
	/**
	 * What n8n 2.41 hands the node: body and raw bytes read for version 1 and for the content
	 * types it parses; for others (above version 1) neither, until the node calls readRawBody()
	 */
	const request: {
		headers: Record<string, string>;
		rawBody?: Buffer;
		body?: unknown;
		readRawBody: () => Promise<void>;
	} = options.unparsed
		? { headers, readRawBody: async () => void (request.rawBody = raw) }
		: {
				headers,
				rawBody: raw,
				body: typeof body === 'string' ? JSON.parse(body) : body,
				readRawBody: async () => undefined,
			};
	const nodeId = options.nodeId ?? `node-${++nodeCounter}`;
	const ctx = {
		getRequestObject: () => request,
		getResponseObject: () => res,
		getCredentials: async () => ({ secretToken: options.secret ?? SECRET }),
		getNodeParameter: (name: string, fallback: unknown) =>
			name === 'events'
				? (options.events ?? ['meeting.started'])
				: name === 'options'
					? (options.nodeOptions ?? {})
					: fallback,
		getWorkflow: () => ({ id: 'wf1', active: true }),
		getNode: () => ({ id: nodeId, name: 'Zoom Workplace Trigger' }),
		getMode: () => 'webhook',
		helpers: options.helpers ?? {},
		logger: Object.fromEntries(
			['debug', 'info', 'warn', 'error'].map((level) => [
				level,
				(...args: unknown[]) => options.logged?.push(args),
			]),
		),
	} as unknown as IWebhookFunctions;
	return { ctx, answer };
}

const trigger = new ZoomWorkplaceTrigger();
const run = async (ctx: IWebhookFunctions): Promise<IWebhookResponseData> =>
	await trigger.webhook.call(ctx);

const started = (ts = Date.now()) => ({
	event: 'meeting.started',
	event_ts: ts,
	payload: { account_id: 'acc', object: { id: 85746065432, uuid: 'u==', topic: 'T' } },
});

describe('the trigger webhook', () => {
	test('URL validation: the answer alone, no workflowData', async () => {
		const { ctx, answer } = context({
			event: 'endpoint.url_validation',
			event_ts: Date.now(),
			payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' },
		});
		const result = await run(ctx);
		assert.equal(result.workflowData, undefined);
		assert.equal(result.noWebhookResponse, undefined);
		assert.deepEqual(Object.keys(result.webhookResponse as object).sort(), [
			'encryptedToken',
			'plainToken',
		]);
		assert.equal(answer.status, undefined, 'n8n sends webhookResponse itself');
	});

	test('an unsigned validation gets 401 and no token', async () => {
		const { ctx, answer } = context(
			{ event: 'endpoint.url_validation', event_ts: 1, payload: { plainToken: 'abc' } },
			{ sign: false },
		);
		const result = await run(ctx);
		assert.deepEqual(result, { noWebhookResponse: true });
		assert.equal(answer.status, 401);
		assert.ok(!JSON.stringify(answer.body).includes('encryptedToken'));
	});

	test('a validation with an implausible plainToken gets 400', async () => {
		const { ctx, answer } = context({
			event: 'endpoint.url_validation',
			event_ts: 1,
			payload: { plainToken: 'v0:1:{"a":1}' },
		});
		assert.deepEqual(await run(ctx), { noWebhookResponse: true });
		assert.equal(answer.status, 400);
	});

	test('wrong secret, stale timestamp: 401, nothing starts', async () => {
		for (const sign of [{ secret: 'another-secret-token' }, { offsetSeconds: -400 }]) {
			const { ctx, answer } = context(started(), { sign });
			const result = await run(ctx);
			assert.equal(result.workflowData, undefined);
			assert.equal(answer.status, 401);
		}
	});

	test('no answer, item or log of a handled request shows the Secret Token or the signature it expects', async () => {
		// a secret the code cannot know in advance, and every way a request can be handled
		const secret = randomBytes(18).toString('base64url');
		const body = started();
		const raw = Buffer.from(JSON.stringify(body));
		const now = String(Math.floor(Date.now() / 1000));
		const expected = zoomSignature(secret, now, raw).slice(3);
		const validation = {
			event: 'endpoint.url_validation',
			event_ts: Date.now(),
			payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' },
		};
		const cases: Array<[string, IDataObject, Parameters<typeof context>[1]]> = [
			['signed by another secret', body, { sign: { secret: `${secret}x` } }],
			['stale', body, { sign: { offsetSeconds: -400 } }],
			['from the future', body, { sign: { offsetSeconds: 400 } }],
			['unsigned', body, { sign: false }],
			[
				'bad timestamp',
				body,
				{ sign: false, headers: { 'x-zm-request-timestamp': 'soon', 'x-zm-signature': 'v0=00' } },
			],
			[
				'tampered',
				body,
				{
					sign: false,
					headers: { 'x-zm-request-timestamp': now, 'x-zm-signature': 'v0=' + '0'.repeat(64) },
				},
			],
			['accepted event', body, {}],
			['URL validation', validation, {}],
			['URL validation signed by another secret', validation, { sign: { secret: 'nope' } }],
			['implausible plainToken', { ...validation, payload: { plainToken: 'v0:1:{}' } }, {}],
			['event not chosen', { ...body, event: 'meeting.ended' }, {}],
		];
		for (const [name, request, options] of cases) {
			const logged: unknown[] = [];
			const { ctx, answer } = context(request, {
				...options,
				secret,
				logged,
				nodeId: `leak-${name}`,
			});
			const result = await run(ctx);
			const seen = JSON.stringify({ answer, result, logged });
			assert.ok(!seen.includes(secret), `${name}: the Secret Token is shown`);
			assert.ok(!seen.includes(expected), `${name}: the expected signature is shown`);
			assert.ok(!seen.includes(secret.slice(0, 12)), `${name}: part of the Secret Token is shown`);
		}
	});

	test('a chosen event starts the workflow with one item', async () => {
		const event = started();
		const { ctx } = context(event);
		const result = await run(ctx);
		const items = result.workflowData?.[0] ?? [];
		assert.equal(items.length, 1);
		assert.equal(items[0].json.event, 'meeting.started');
		assert.equal(items[0].json.meetingId, 85746065432);
		assert.equal(items[0].json.event_ts, event.event_ts);
	});

	test('a body n8n did not read (node 1.1, a content type n8n does not parse): read, verified over its bytes, parsed', async () => {
		const event = started();
		const { ctx } = context(event, {
			unparsed: true,
			headers: { 'content-type': 'application/octet-stream' },
		});
		const items = (await run(ctx)).workflowData?.[0] ?? [];
		assert.equal(items.length, 1);
		assert.equal(items[0].json.event_ts, event.event_ts);
		const forged = context(event, { unparsed: true, sign: { secret: 'another-secret-token' } });
		assert.equal((await run(forged.ctx)).workflowData, undefined);
		assert.equal(forged.answer.status, 401);
	});

	test('Answer Zoom Before the Execution Starts: 200 before n8n starts the execution, the items still handed over', async () => {
		const first = context(started(), { nodeOptions: { answerBeforeExecution: true } });
		const result = await run(first.ctx);
		assert.equal(first.answer.status, 200, 'answered by the node itself');
		assert.equal(result.noWebhookResponse, true);
		assert.equal(result.workflowData?.[0]?.length, 1);
		const off = context(started());
		const usual = await run(off.ctx);
		assert.equal(off.answer.status, undefined, 'off: n8n answers once the execution started');
		assert.equal(usual.noWebhookResponse, undefined);
	});

	test('an event not chosen is acknowledged and starts nothing', async () => {
		const { ctx } = context({ ...started(), event: 'meeting.ended' });
		const result = await run(ctx);
		assert.equal(result.workflowData, undefined);
		assert.ok(result.webhookResponse);
	});

	test('Other Event Names adds events to the list', async () => {
		const { ctx } = context(
			{ ...started(), event: 'phone.callee_ended' },
			{ nodeOptions: { otherEvents: 'phone.callee_ended' } },
		);
		assert.ok((await run(ctx)).workflowData);
	});

	test('a repeat is dropped per trigger node; other nodes still get it', async () => {
		const event = started();
		const first = await run(context(event, { nodeId: 'repeat-node' }).ctx);
		const again = await run(context(event, { nodeId: 'repeat-node' }).ctx);
		const elsewhere = await run(context(event, { nodeId: 'another-node' }).ctx);
		assert.ok(first.workflowData);
		assert.equal(again.workflowData, undefined);
		assert.ok(again.webhookResponse);
		assert.ok(elsewhere.workflowData);
		const off = await run(
			context(event, { nodeId: 'repeat-node', nodeOptions: { dropRepeats: false } }).ctx,
		);
		assert.ok(off.workflowData, 'with the option off, repeats run');
	});

	/**
	 * A delivery with the HTTP response n8n ends: `answer(status)` is n8n answering (2xx once
	 * WorkflowRunner.run started the execution, 500 when it failed), `close()` is Zoom giving up.
	 */
	const delivery = async (event: IDataObject, nodeId: string) => {
		const { EventEmitter } = await import('node:events');
		const { ctx } = context(event, { nodeId });
		const res = Object.assign(new EventEmitter(), {
			statusCode: 200,
			writableFinished: false,
			status(code: number) {
				res.statusCode = code;
				return res;
			},
			end() {
				res.writableFinished = true;
				res.emit('finish');
				res.emit('close');
				return res;
			},
			json() {
				return res.end();
			},
		});
		(ctx as unknown as { getResponseObject: () => unknown }).getResponseObject = () => res;
		const result = run(ctx);
		return {
			result,
			answer: (status: number) => res.status(status).json(),
			close: () => res.emit('close'),
		};
	};
	const settle = async () => await new Promise((resolve) => setImmediate(resolve));

	test("a delivery n8n answered with an error (its execution did not start) is forgotten: Zoom's retry runs", async () => {
		const deliver = async (event: IDataObject, status: number) => {
			const d = await delivery(event, 'retry-node');
			const result = await d.result;
			d.answer(status);
			await settle();
			return result;
		};
		const event = started();
		assert.ok((await deliver(event, 500)).workflowData, 'first delivery: execution start failed');
		assert.ok((await deliver(event, 200)).workflowData, 'the retry is not dropped');
		assert.equal(
			(await deliver(event, 200)).workflowData,
			undefined,
			'a copy after a 200 is a repeat',
		);
	});

	test('Zoom gave up before n8n answered, and the execution then started: the retry is a repeat, not a second run', async () => {
		const event = started();
		const first = await delivery(event, 'late-node');
		assert.ok((await first.result).workflowData);
		first.close(); // Zoom's 3 s are over: it closes and will retry
		await settle();
		first.answer(200); // n8n started the execution after all (its answer reaches no one)
		await settle();
		const retry = await delivery(event, 'late-node');
		assert.equal((await retry.result).workflowData, undefined, 'the retry starts nothing');
	});

	test('a copy that arrives while the first delivery is in flight waits for it: it runs only when the first did not start', async () => {
		const failing = started();
		const first = await delivery(failing, 'inflight-node');
		assert.ok((await first.result).workflowData);
		const copy = await delivery(failing, 'inflight-node');
		let copyDone = false;
		void copy.result.then(() => (copyDone = true));
		await settle();
		assert.equal(copyDone, false, 'the copy waits while the first is in flight');
		first.answer(500);
		assert.ok((await copy.result).workflowData, 'the first did not start: the copy runs it');

		const starting = started();
		const one = await delivery(starting, 'inflight-node');
		assert.ok((await one.result).workflowData);
		const two = await delivery(starting, 'inflight-node');
		one.answer(200);
		assert.equal((await two.result).workflowData, undefined, 'the first started: a repeat');
	});
});

describe('the Secret Token cache', () => {
	test('reuses a read for the TTL, shares concurrent reads, refreshes at most once per interval', async () => {
		const { SecretCache } = await import('../../nodes/ZoomWorkplaceTrigger/secretCache');
		const cache = new SecretCache(1000, 100);
		let reads = 0;
		let value = 'old-secret-token';
		const load = async () => {
			reads++;
			await new Promise((r) => setImmediate(r));
			return value;
		};
		const first = await Promise.all([cache.get('k', load, 0), cache.get('k', load, 0)]);
		assert.deepEqual(first, ['old-secret-token', 'old-secret-token']);
		assert.equal(reads, 1, 'concurrent first reads share one load');
		assert.equal(await cache.get('k', load, 999), 'old-secret-token');
		assert.equal(reads, 1);
		value = 'new-secret-token';
		assert.equal(await cache.refresh('k', load, 50), undefined, 'refreshed too recently');
		assert.equal(
			await cache.refresh('k', load, 150),
			'new-secret-token',
			'a changed token applies',
		);
		assert.equal(reads, 2);
		assert.equal(await cache.get('k', load, 1149), 'new-secret-token');
		assert.equal(reads, 2);
		await cache.get('k', load, 1150);
		assert.equal(reads, 3, 'expired after the TTL');
		const failing = new SecretCache();
		await assert.rejects(failing.get('x', async () => Promise.reject(new Error('gone')), 0));
		assert.equal(
			await failing.get('x', async () => 'back', 1),
			'back',
			'a failed read is not kept',
		);
	});

	test('past the TTL the kept token answers at once while one read renews it', async () => {
		const { SecretCache } = await import('../../nodes/ZoomWorkplaceTrigger/secretCache');
		const cache = new SecretCache(1000, 100);
		await cache.get('k', async () => 'old-secret-token', 0);
		let reads = 0;
		let finishRead: (value: string) => void = () => {};
		const slowRead = async () => {
			reads++;
			return await new Promise<string>((resolve) => (finishRead = resolve));
		};
		// a burst after the TTL: none of them waits for the (slow, queued) credential read
		const burst = await Promise.all(
			Array.from({ length: 20 }, async () => await cache.get('k', slowRead, 1500)),
		);
		assert.deepEqual(new Set(burst), new Set(['old-secret-token']));
		assert.equal(reads, 1, 'one read renews the token for the whole burst');
		finishRead('new-secret-token');
		await new Promise((r) => setImmediate(r));
		assert.equal(await cache.get('k', slowRead, 1600), 'new-secret-token');
		assert.equal(reads, 1);
	});
});

describe('recording.completed with downloads', () => {
	test('answers Zoom first, then streams each chosen file into binary data', async () => {
		const video = Buffer.alloc(300_000, 7);
		const requests: Array<{ url: string; headers?: Record<string, string> }> = [];
		const order: string[] = [];
		const helpers = {
			httpRequest: async (options: { url: string; headers?: Record<string, string> }) => {
				requests.push(options);
				if (options.url.includes('/rec/download/'))
					return {
						statusCode: 302,
						headers: { location: 'https://storage.example.com/v?sig=1' },
						body: Readable.from([]),
					};
				return {
					statusCode: 200,
					headers: { 'content-length': String(video.length), 'content-type': 'video/mp4' },
					body: Readable.from([video.subarray(0, 100_000), video.subarray(100_000)]),
				};
			},
			prepareBinaryData: async (stream: Readable, fileName: string, mimeType: string) => {
				order.push('store');
				let bytes = 0;
				for await (const chunk of stream) bytes += (chunk as Buffer).length;
				return { data: 'filesystem', fileName, mimeType, bytes };
			},
		};
		const body = {
			event: 'recording.completed',
			event_ts: Date.now(),
			download_token: 'dl-token-secret',
			payload: {
				object: {
					id: 1,
					uuid: 'rec==',
					topic: 'Rec',
					recording_files: [
						{
							id: 'f1',
							file_type: 'MP4',
							download_url: 'https://zoom.us/rec/download/f1',
							status: 'completed',
						},
						{ id: 'f2', file_type: 'TIMELINE', download_url: 'https://zoom.us/rec/download/f2' },
					],
				},
			},
		};
		const { ctx, answer } = context(body, {
			events: ['recording.completed'],
			nodeOptions: { downloadRecordings: true, recordingFileTypes: ['MP4'] },
			helpers,
		});
		const originalJson = (ctx.getResponseObject() as unknown as { json: (v: unknown) => unknown })
			.json;
		(ctx.getResponseObject() as unknown as { json: (v: unknown) => unknown }).json = (v) => {
			order.push('answer');
			return originalJson(v);
		};
		const result = await run(ctx);
		assert.equal(answer.status, 200);
		assert.deepEqual(order, ['answer', 'store'], 'Zoom is answered before the download');
		assert.equal(result.noWebhookResponse, true);
		const [item] = result.workflowData![0];
		assert.equal((item.binary!.recording_0 as { bytes: number }).bytes, video.length);
		assert.equal(item.binary!.recording_0.mimeType, 'video/mp4');
		assert.deepEqual(Object.keys(item.binary!), ['recording_0'], 'TIMELINE was not chosen');
		assert.equal(requests.length, 2);
		assert.equal(requests[0].headers?.Authorization, 'Bearer dl-token-secret');
		assert.ok(!requests[0].url.includes('dl-token-secret'), 'no token in a URL');
		assert.ok(
			!JSON.stringify(requests[1]).includes('dl-token-secret'),
			'no token to the storage host',
		);
		assert.ok(!JSON.stringify(item.json).includes('dl-token-secret'));
	});
});
