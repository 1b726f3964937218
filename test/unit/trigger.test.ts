/**
 * The Zoom Workplace Trigger's pure parts: Zoom's URL validation and signature scheme (vectors
 * computed independently with `openssl dgst -sha256 -hmac`), event filtering, repeat detection,
 * output items and the Secret Token check.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	ALL_EVENTS,
	EVENT_OPTIONS,
	isSelectedEvent,
	KNOWN_EVENTS,
	parseEventList,
} from '../../nodes/ZoomWorkplaceTrigger/events';
import { eventItem, safeHeaders } from '../../nodes/ZoomWorkplaceTrigger/output';
import { filesToDownload } from '../../nodes/ZoomWorkplaceTrigger/recordings';
import { RepeatMemory, repeatKey, REMEMBER_MS } from '../../nodes/ZoomWorkplaceTrigger/repeats';
import { checkSecretTokenFormat } from '../../nodes/ZoomWorkplaceTrigger/secretToken';
import {
	isPlausiblePlainToken,
	urlValidationResponse,
	verifyZoomRequest,
	zoomSignature,
} from '../../nodes/ZoomWorkplaceTrigger/verification';

const SECRET = 'bzo4zzsSRz2Xg4Yjp1Hfpg';
// Zoom's own example body shape for a signed event (compact JSON as Zoom sends it)
const BODY =
	'{"event":"meeting.started","payload":{"account_id":"D8cJuqWVQ623CI4Q8yQK0Q","object":{"id":"85746065432","uuid":"4444AAAiAAAAAiAiAiiAii==","host_id":"z8yAAAAA8bbbQ","topic":"My Meeting","type":2,"start_time":"2026-12-01T07:00:00Z","timezone":"UTC","duration":60}},"event_ts":1764572400000}';
const TS = '1764572400';
const SIGNATURE = 'v0=fb6c82f2a38f9267fb3a3c7c88f48503f999f01655ab08aedabd321314b38750';
const NOW = 1764572400;

describe('URL validation (Zoom: encryptedToken = hex HMAC-SHA256(secret, plainToken))', () => {
	test("answers Zoom's documented plainToken with the independently computed hash", () => {
		assert.deepEqual(urlValidationResponse(SECRET, 'qgg8vlvZRS6UYooatFL8Aw'), {
			plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
			encryptedToken: '4c50f252d65a15e4a2d897027d72d93e08fd5957c09a7f820d19b6000dcb761d',
		});
	});

	test('refuses plainTokens that could make it sign something else', () => {
		assert.equal(isPlausiblePlainToken('qgg8vlvZRS6UYooatFL8Aw'), true);
		assert.equal(isPlausiblePlainToken(`v0:${TS}:${BODY}`), false);
		assert.equal(isPlausiblePlainToken(''), false);
		assert.equal(isPlausiblePlainToken(42), false);
		assert.equal(isPlausiblePlainToken('a'.repeat(129)), false);
	});
});

describe('signature verification', () => {
	const request = (overrides: Partial<Parameters<typeof verifyZoomRequest>[1]> = {}) => ({
		signature: SIGNATURE,
		timestamp: TS,
		rawBody: Buffer.from(BODY),
		parsedBody: JSON.parse(BODY),
		...overrides,
	});

	test('computes the same signature as openssl', () => {
		assert.equal(zoomSignature(SECRET, TS, BODY), SIGNATURE);
		assert.equal(zoomSignature(SECRET, TS, Buffer.from(BODY)), SIGNATURE);
	});

	test('accepts a correctly signed request within 5 minutes either way', () => {
		assert.deepEqual(verifyZoomRequest(SECRET, request(), NOW), { ok: true });
		assert.deepEqual(verifyZoomRequest(SECRET, request(), NOW + 300), { ok: true });
		assert.deepEqual(verifyZoomRequest(SECRET, request(), NOW - 300), { ok: true });
	});

	test('refuses stale or future timestamps', () => {
		assert.deepEqual(verifyZoomRequest(SECRET, request(), NOW + 301), {
			ok: false,
			reason: 'staleTimestamp',
		});
		assert.deepEqual(verifyZoomRequest(SECRET, request(), NOW - 301), {
			ok: false,
			reason: 'staleTimestamp',
		});
		assert.deepEqual(verifyZoomRequest(SECRET, request({ timestamp: '17645724e2' }), NOW), {
			ok: false,
			reason: 'badTimestamp',
		});
	});

	test('refuses a tampered body, a wrong secret, missing headers', () => {
		const tampered = BODY.replace('My Meeting', 'My Meetinh');
		assert.deepEqual(
			verifyZoomRequest(
				SECRET,
				request({ rawBody: Buffer.from(tampered), parsedBody: JSON.parse(tampered) }),
				NOW,
			),
			{ ok: false, reason: 'badSignature' },
		);
		assert.deepEqual(verifyZoomRequest('another-secret-token', request(), NOW), {
			ok: false,
			reason: 'badSignature',
		});
		assert.deepEqual(verifyZoomRequest(SECRET, request({ signature: undefined }), NOW), {
			ok: false,
			reason: 'missingHeaders',
		});
		assert.deepEqual(verifyZoomRequest(SECRET, request({ timestamp: undefined }), NOW), {
			ok: false,
			reason: 'missingHeaders',
		});
		assert.deepEqual(
			verifyZoomRequest(SECRET, request({ signature: [SIGNATURE, SIGNATURE] }), NOW),
			{ ok: false, reason: 'missingHeaders' },
			'a repeated header is not one signature',
		);
		assert.deepEqual(
			verifyZoomRequest(SECRET, request({ signature: SIGNATURE.slice(0, -1) }), NOW),
			{ ok: false, reason: 'badSignature' },
		);
	});

	test('a body re-encoded by a proxy still verifies through its re-serialised JSON', () => {
		const pretty = Buffer.from(JSON.stringify(JSON.parse(BODY), null, 2));
		assert.deepEqual(
			verifyZoomRequest(SECRET, request({ rawBody: pretty }), NOW),
			{ ok: true },
			'Zoom signs compact JSON; its SDK verifies JSON.stringify(body)',
		);
	});
});

describe('event filtering', () => {
	test('the events list is grouped, searchable by name, and starts with All Events', () => {
		assert.equal(EVENT_OPTIONS[0].value, ALL_EVENTS);
		const names = EVENT_OPTIONS.slice(1).map((o) => o.name);
		const groups = names.map((n) => n.split(':')[0]);
		assert.deepEqual(
			[...new Set(groups)],
			['Meeting', 'Recording', 'Webinar', 'User', 'Team Chat'],
			'one block per group',
		);
		for (const event of [
			'meeting.ended',
			'meeting.participant_joined',
			'recording.completed',
			'recording.transcript_completed',
			'webinar.registration_created',
			'user.created',
		])
			assert.ok(KNOWN_EVENTS.includes(event), event);
		const completed = EVENT_OPTIONS.find((o) => o.value === 'recording.completed')!;
		assert.equal(completed.name, 'Recording: Completed');
		assert.match(completed.description!, /^recording\.completed/);
		assert.equal(new Set(EVENT_OPTIONS.map((o) => o.value)).size, EVENT_OPTIONS.length);
	});

	test('only chosen events start the workflow; All Events takes anything named', () => {
		assert.equal(isSelectedEvent('meeting.ended', ['meeting.ended']), true);
		assert.equal(isSelectedEvent('meeting.started', ['meeting.ended']), false);
		assert.equal(isSelectedEvent('phone.callee_ended', [ALL_EVENTS]), true);
		assert.equal(isSelectedEvent(undefined, [ALL_EVENTS]), false);
		assert.equal(isSelectedEvent('', [ALL_EVENTS]), false);
		assert.equal(isSelectedEvent('meeting.ended', []), false);
	});

	test('other event names are read from a comma or line separated list', () => {
		assert.deepEqual(parseEventList(' phone.callee_ended,meeting.risk_alert\nchat.x '), [
			'phone.callee_ended',
			'meeting.risk_alert',
			'chat.x',
		]);
		assert.deepEqual(parseEventList(undefined), []);
	});
});

describe('repeat detection', () => {
	const event = JSON.parse(BODY);

	test('the key is event, event_ts and the object; participants are told apart', () => {
		assert.equal(repeatKey(event), 'meeting.started|1764572400000|4444AAAiAAAAAiAiAiiAii==|');
		const joined = (user_id: string) => ({
			event: 'meeting.participant_joined',
			event_ts: 1,
			payload: { object: { id: '85746065432', uuid: 'u', participant: { user_id } } },
		});
		assert.notEqual(repeatKey(joined('a')), repeatKey(joined('b')));
		assert.equal(repeatKey({ event: 'meeting.ended' }), undefined, 'no event_ts: never dropped');
		assert.equal(repeatKey(null), undefined);
	});

	test('memory: the second copy is a repeat, until it expires', () => {
		const memory = new RepeatMemory(100, 1000);
		assert.equal(memory.checkAndRecord('k', 0), false);
		assert.equal(memory.checkAndRecord('k', 999), true);
		assert.equal(memory.checkAndRecord('k', 1000), false, 'expired: a new delivery');
		assert.equal(memory.checkAndRecord('k', 1500), true);
	});

	test('memory is bounded: the oldest keys go first', () => {
		const memory = new RepeatMemory(3, REMEMBER_MS);
		for (const k of ['a', 'b', 'c', 'd']) memory.checkAndRecord(k, 1);
		assert.equal(memory.size, 3);
		assert.equal(memory.checkAndRecord('d', 2), true);
		assert.equal(memory.checkAndRecord('a', 2), false, '"a" was evicted');
	});
});

describe('output items', () => {
	test('lifts meeting id, uuid, topic, host and participant; keeps the payload', () => {
		const item = eventItem({
			event: 'meeting.participant_joined',
			event_ts: 1764572400000,
			payload: {
				account_id: 'acc',
				object: {
					id: '85746065432',
					uuid: 'uuid==',
					topic: 'Weekly',
					host_id: 'host',
					participant: { user_name: 'Ana', email: 'ana@example.com' },
				},
			},
		});
		assert.equal(item.meetingId, '85746065432');
		assert.equal(item.meetingUuid, 'uuid==');
		assert.equal(item.topic, 'Weekly');
		assert.equal(item.hostId, 'host');
		assert.equal(item.accountId, 'acc');
		assert.equal(item.eventTime, '2025-12-01T07:00:00.000Z');
		assert.deepEqual(item.participant, { user_name: 'Ana', email: 'ana@example.com' });
		assert.equal((item.payload as { account_id: string }).account_id, 'acc');
	});

	test('user events lift the user; webinars their id', () => {
		const user = eventItem({
			event: 'user.created',
			event_ts: 1,
			payload: { object: { id: 'u1', email: 'x@example.com' } },
		});
		assert.deepEqual(user.user, { id: 'u1', email: 'x@example.com' });
		const webinar = eventItem({
			event: 'webinar.started',
			event_ts: 1,
			payload: { object: { id: 9 } },
		});
		assert.equal(webinar.webinarId, 9);
	});

	test('the download token stays out unless asked for; headers drop cookies', () => {
		const body = {
			event: 'recording.completed',
			event_ts: 1,
			download_token: 'dl-secret',
			payload: { object: { id: 1 } },
		};
		assert.ok(!JSON.stringify(eventItem(body)).includes('dl-secret'));
		assert.equal(eventItem(body, { includeDownloadToken: true }).download_token, 'dl-secret');
		assert.deepEqual(safeHeaders({ cookie: 'a=b', 'x-zm-signature': 'v0=1', Authorization: 'x' }), {
			'x-zm-signature': 'v0=1',
		});
	});

	test('recording files: only chosen, completed types with a URL', () => {
		const body = {
			event: 'recording.completed',
			payload: {
				object: {
					recording_files: [
						{
							id: '1',
							file_type: 'MP4',
							download_url: 'https://zoom.us/rec/1',
							status: 'completed',
						},
						{ id: '2', file_type: 'M4A', download_url: 'https://zoom.us/rec/2' },
						{ id: '3', file_type: 'CHAT', download_url: 'https://zoom.us/rec/3' },
						{
							id: '4',
							file_type: 'MP4',
							download_url: 'https://zoom.us/rec/4',
							status: 'processing',
						},
						{ id: '5', file_type: 'MP4' },
					],
				},
			},
		};
		assert.deepEqual(
			filesToDownload(body, ['MP4', 'M4A']).map((f) => f.id),
			['1', '2'],
		);
		assert.deepEqual(filesToDownload({}, ['MP4']), []);
	});
});

describe('Secret Token credential test', () => {
	test('checks the shape only, and says so', () => {
		assert.equal(checkSecretTokenFormat(SECRET).status, 'OK');
		assert.match(checkSecretTokenFormat(SECRET).message, /no API/);
		assert.equal(checkSecretTokenFormat('').status, 'Error');
		assert.equal(checkSecretTokenFormat(` ${SECRET}`).status, 'Error');
		assert.equal(checkSecretTokenFormat('short').status, 'Error');
	});
});
