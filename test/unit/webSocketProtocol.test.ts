/**
 * The WebSocket intake's pure decisions: Zoom's frames, the subscription URL check, the
 * reconnect back-off, heartbeat and silence timing, and which recordings a recovery emits.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	HEARTBEAT_INTERVAL_MS,
	livenessDecision,
	MAX_RETRY_MS,
	parseFrame,
	redactUrl,
	resolveSubscriptionUrl,
	retryDelayMs,
	shouldReportOutage,
	SILENCE_LIMIT_MS,
	withAccessToken,
	REPORT_OUTAGE_AFTER_MS,
} from '../../nodes/ZoomWorkplaceTrigger/webSocket/protocol';
import {
	listRecordingsDates,
	parseRecoveryUsers,
	PROCESSING_MARGIN_MS,
	recordingKey,
	recordingsCompletedIn,
	recoveredEventBody,
	recoveryWindow,
} from '../../nodes/ZoomWorkplaceTrigger/webSocket/recovery';

const event = { event: 'meeting.started', event_ts: 1700000000000, payload: { object: { id: 1 } } };

describe('Zoom WebSocket frames', () => {
	test('a message frame carries the event as JSON text', () => {
		const frame = parseFrame(JSON.stringify({ module: 'message', content: JSON.stringify(event) }));
		assert.deepEqual(frame, { kind: 'event', body: event });
	});
	test('an unwrapped event (as some clients receive it) is an event too', () => {
		assert.deepEqual(parseFrame(JSON.stringify(event)), { kind: 'event', body: event });
	});
	test('a message whose content is an object is accepted', () => {
		assert.deepEqual(parseFrame(JSON.stringify({ module: 'message', content: event })), {
			kind: 'event',
			body: event,
		});
	});
	test('build_connection success and failure', () => {
		assert.deepEqual(parseFrame('{"module":"build_connection","success":true,"content":"ok"}'), {
			kind: 'connected',
		});
		assert.deepEqual(
			parseFrame('{"module":"build_connection","success":false,"content":"Invalid Token"}'),
			{ kind: 'refused', reason: 'Invalid Token', tokenProblem: true },
		);
		const other = parseFrame('{"module":"build_connection","success":false,"content":"Subscription not found"}');
		assert.deepEqual(other, { kind: 'refused', reason: 'Subscription not found', tokenProblem: false });
	});
	test('heartbeat answers', () => {
		assert.deepEqual(parseFrame('{"module":"heartbeat","success":true}'), { kind: 'heartbeat' });
	});
	test('"Invalid Token" and "Token is invalid" ask for a new token', () => {
		assert.equal(parseFrame('{"module":"message","content":"Invalid Token"}').kind, 'tokenInvalid');
		assert.equal(parseFrame('{"module":"message","content":"Token is invalid"}').kind, 'tokenInvalid');
		assert.equal(parseFrame('Token is invalid').kind, 'tokenInvalid');
	});
	test('junk is ignored, never thrown', () => {
		for (const junk of [
			'',
			'not json',
			'[]',
			'null',
			'42',
			'{"module":"message","content":"{\\"no\\":\\"event\\"}"}',
			'{"module":"message"}',
			'{"module":"other"}',
			'{"event":""}',
			new Uint8Array([0xff, 0xfe]),
			undefined,
			{ not: 'text' },
		])
			assert.equal(parseFrame(junk).kind, 'ignored', String(junk));
	});
});

describe('the WebSocket URL parameter', () => {
	const global = { cloud: 'global' };
	test("Zoom's URL for the global cloud, with its subscription ID", () => {
		const r = resolveSubscriptionUrl('  wss://ws.zoom.us/ws?subscriptionId=AbC_12-xyZ  ', global);
		assert.deepEqual(r, {
			ok: true,
			endpoint: { url: 'wss://ws.zoom.us/ws?subscriptionId=AbC_12-xyZ', subscriptionId: 'AbC_12-xyZ' },
		});
	});
	test('a bare subscription ID becomes the cloud URL', () => {
		assert.deepEqual(resolveSubscriptionUrl('AbC_12-xyZ', global), {
			ok: true,
			endpoint: { url: 'wss://ws.zoom.us/ws?subscriptionId=AbC_12-xyZ', subscriptionId: 'AbC_12-xyZ' },
		});
		const gov = resolveSubscriptionUrl('AbC_12-xyZ', { cloud: 'gov' });
		assert.equal(gov.ok && gov.endpoint.url, 'wss://ws.zoomgov.com/ws?subscriptionId=AbC_12-xyZ');
	});
	test('a pasted access_token is dropped (the node adds a fresh one)', () => {
		const r = resolveSubscriptionUrl('wss://ws.zoom.us/ws?subscriptionId=AbC_12-xyZ&access_token=old', global);
		assert.equal(r.ok && r.endpoint.url, 'wss://ws.zoom.us/ws?subscriptionId=AbC_12-xyZ');
	});
	test('other hosts, schemes and clouds are refused, naming the parameter', () => {
		for (const [input, creds] of [
			['ws://ws.zoom.us/ws?subscriptionId=AbC_12-xyZ', global],
			['wss://evil.example/ws?subscriptionId=AbC_12-xyZ', global],
			['wss://ws.zoom.us.evil.example/ws?subscriptionId=AbC_12-xyZ', global],
			['https://ws.zoom.us/ws?subscriptionId=AbC_12-xyZ', global],
			['wss://ws.zoomgov.com/ws?subscriptionId=AbC_12-xyZ', global],
			['wss://ws.zoom.us/ws?subscriptionId=AbC_12-xyZ', { cloud: 'gov' }],
			['wss://user:pw@ws.zoom.us/ws?subscriptionId=AbC_12-xyZ', global],
			['wss://ws.zoom.us/ws', global],
			['', global],
			['not a url or id!', global],
			['ws://127.0.0.2:8089/ws?subscriptionId=AbC_12-xyZ', { cloud: 'custom', apiBaseUrl: 'http://127.0.0.1:8089/v2' }],
		] as const) {
			const r = resolveSubscriptionUrl(input, creds);
			assert.equal(r.ok, false, input);
			assert.match((r as { message: string }).message, /"WebSocket URL"|API Base URL/, input);
		}
	});
	test("a custom cloud accepts ws:// and wss:// on its API Base URL's host", () => {
		const creds = { cloud: 'custom', apiBaseUrl: 'http://127.0.0.1:8089/v2' };
		const r = resolveSubscriptionUrl('ws://127.0.0.1:8089/ws?subscriptionId=simWebSocketSub0001', creds);
		assert.equal(r.ok && r.endpoint.subscriptionId, 'simWebSocketSub0001');
		const bare = resolveSubscriptionUrl('simWebSocketSub0001', creds);
		assert.equal(bare.ok && bare.endpoint.url, 'ws://127.0.0.1:8089/ws?subscriptionId=simWebSocketSub0001');
	});
	test('the token is appended and redacted for logs', () => {
		const url = withAccessToken('wss://ws.zoom.us/ws?subscriptionId=abcdef', 'se+cret');
		assert.equal(url, 'wss://ws.zoom.us/ws?subscriptionId=abcdef&access_token=se%2Bcret');
		assert.equal(redactUrl(url), 'wss://ws.zoom.us/ws?subscriptionId=abcdef&access_token=[redacted]');
		assert.doesNotMatch(redactUrl(url), /cret/);
	});
});

describe('reconnect timing', () => {
	test('back-off doubles from 1 s with equal jitter and stays within 60 s', () => {
		assert.equal(retryDelayMs(1, 0), 500);
		assert.equal(retryDelayMs(1, 0.999999), 1000);
		assert.equal(retryDelayMs(2, 0), 1000);
		assert.equal(retryDelayMs(3, 0), 2000);
		for (let attempt = 1; attempt < 40; attempt++)
			for (const r of [0, 0.3, 0.99]) {
				const ms = retryDelayMs(attempt, r);
				assert.ok(ms >= Math.min(MAX_RETRY_MS, 1000 * 2 ** (attempt - 1)) / 2 - 1, `${attempt}`);
				assert.ok(ms <= MAX_RETRY_MS, `${attempt}: ${ms}`);
			}
		assert.equal(retryDelayMs(30, 0.999999), MAX_RETRY_MS);
	});
	test('a heartbeat every 30 s; silence of 45 s ends the connection', () => {
		const t0 = 1_000_000;
		assert.deepEqual(livenessDecision({ lastFrameAt: t0, lastHeartbeatAt: t0 }, t0), {
			action: 'wait',
			ms: HEARTBEAT_INTERVAL_MS,
		});
		assert.deepEqual(
			livenessDecision({ lastFrameAt: t0, lastHeartbeatAt: t0 }, t0 + HEARTBEAT_INTERVAL_MS),
			{ action: 'heartbeat' },
		);
		// heartbeat sent at 30 s, nothing heard since t0: wake up at 45 s
		assert.deepEqual(
			livenessDecision({ lastFrameAt: t0, lastHeartbeatAt: t0 + HEARTBEAT_INTERVAL_MS }, t0 + HEARTBEAT_INTERVAL_MS),
			{ action: 'wait', ms: SILENCE_LIMIT_MS - HEARTBEAT_INTERVAL_MS },
		);
		assert.deepEqual(
			livenessDecision({ lastFrameAt: t0, lastHeartbeatAt: t0 + HEARTBEAT_INTERVAL_MS }, t0 + SILENCE_LIMIT_MS),
			{ action: 'silent', silentForMs: SILENCE_LIMIT_MS },
		);
		// a frame keeps it alive
		assert.equal(
			livenessDecision({ lastFrameAt: t0 + 40_000, lastHeartbeatAt: t0 + 30_000 }, t0 + 50_000).action,
			'wait',
		);
	});
	test('an outage is reported once, after it has lasted a minute', () => {
		assert.equal(shouldReportOutage(0, REPORT_OUTAGE_AFTER_MS - 1, false), false);
		assert.equal(shouldReportOutage(0, REPORT_OUTAGE_AFTER_MS, false), true);
		assert.equal(shouldReportOutage(0, REPORT_OUTAGE_AFTER_MS * 5, true), false);
	});
});

describe('recovering recordings missed during a gap', () => {
	const hour = 3600_000;
	const gap = { from: Date.parse('2026-03-10T10:00:00Z'), to: Date.parse('2026-03-10T12:00:00Z') };
	const meeting = (uuid: string, end: string, status = 'completed') => ({
		uuid,
		id: 81234567890,
		topic: uuid,
		recording_files: [
			{ id: `${uuid}-a`, recording_end: '2026-03-01T00:00:00Z', status: 'completed', file_type: 'M4A' },
			{ id: `${uuid}-b`, recording_end: end, status, file_type: 'MP4' },
		],
	});
	test('the window covers the gap and the processing margin before it, at most 30 days', () => {
		assert.deepEqual(recoveryWindow(gap), { from: gap.from - PROCESSING_MARGIN_MS, to: gap.to });
		const long = recoveryWindow({ from: 0, to: Date.parse('2026-03-10T00:00:00Z') });
		assert.equal(long.to - long.from, 30 * 24 * hour);
		assert.deepEqual(listRecordingsDates({ from: Date.parse('2026-02-28T23:30:00Z'), to: gap.to }), {
			from: '2026-02-28',
			to: '2026-03-10',
		});
	});
	test('chooses completed recordings whose last file ended in the window, once each', () => {
		const window = recoveryWindow(gap);
		const chosen = recordingsCompletedIn(
			[
				meeting('inGap', '2026-03-10T11:00:00Z'),
				meeting('inMargin', '2026-03-10T09:30:00Z'),
				meeting('before', '2026-03-10T08:00:00Z'),
				meeting('after', '2026-03-10T12:30:00Z'),
				meeting('processing', '2026-03-10T11:00:00Z', 'processing'),
				meeting('inGap', '2026-03-10T11:00:00Z'),
				{ uuid: 'noFiles', recording_files: [] },
			],
			window,
		);
		assert.deepEqual(
			chosen.map((m) => m.uuid),
			['inGap', 'inMargin'],
		);
	});
	test('a recovered recording is a recording.completed body keyed like a live one', () => {
		const body = recoveredEventBody(meeting('x', '2026-03-10T11:00:00Z'), 'acc');
		assert.equal(body.event, 'recording.completed');
		assert.equal(body.event_ts, Date.parse('2026-03-10T11:00:00Z'));
		assert.equal(body.payload?.account_id, 'acc');
		assert.equal((body as { download_token?: unknown }).download_token, undefined);
		assert.equal(recordingKey(body.payload?.object), recordingKey({ uuid: 'x' }));
		assert.equal(recordingKey({}), undefined);
	});
	test('users: empty or "all" means every active user; otherwise the list given', () => {
		assert.equal(parseRecoveryUsers(''), 'all');
		assert.equal(parseRecoveryUsers(' all '), 'all');
		assert.deepEqual(parseRecoveryUsers('me, a@b.c;me'), ['me', 'a@b.c']);
	});
});
