import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parseMeetingIdentifier } from '../../nodes/ZoomWorkplace/helpers/identifiers';
import { buildPath } from '../../nodes/core/zoom/endpoints';
import { toZoomStartTime } from '../../nodes/ZoomWorkplace/helpers/time';

describe('parseMeetingIdentifier', () => {
	test('takes the meeting ID out of join URLs', () => {
		assert.equal(parseMeetingIdentifier('https://zoom.us/j/85746065432?pwd=abc.1'), '85746065432');
		assert.equal(parseMeetingIdentifier('https://us02web.zoom.us/j/85746065432'), '85746065432');
		assert.equal(
			parseMeetingIdentifier('https://example.zoomgov.com/w/1234567890?tk=x'),
			'1234567890',
		);
		assert.equal(
			parseMeetingIdentifier('http://127.0.0.1:8080/j/85746065432?pwd=x'),
			'85746065432',
		);
	});
	test('strips the spaces people copy from the Zoom client', () => {
		assert.equal(parseMeetingIdentifier(' 857 4606 5432 '), '85746065432');
		assert.equal(parseMeetingIdentifier('857-4606-5432'), '85746065432');
	});
	test('keeps UUIDs as they are', () => {
		assert.equal(parseMeetingIdentifier('aDYlohsHRtCd4ii1uC2+hA=='), 'aDYlohsHRtCd4ii1uC2+hA==');
		assert.equal(parseMeetingIdentifier('/ajXp112QmuoKj4854875=='), '/ajXp112QmuoKj4854875==');
	});
});

describe('buildPath: meeting IDs and UUIDs', () => {
	const meetingPath = (id: string) =>
		buildPath('getPastMeeting', { meetingId: id }).slice('/past_meetings/'.length);
	test('leaves numeric IDs alone', () => {
		assert.equal(meetingPath('85746065432'), '85746065432');
	});
	test('encodes an ordinary UUID once', () => {
		assert.equal(meetingPath('aDYlohsHRtCd4ii1uC2+hA=='), 'aDYlohsHRtCd4ii1uC2%2BhA%3D%3D');
	});
	test('double-encodes a UUID starting with "/" or containing "//"', () => {
		assert.equal(meetingPath('/ajXp112QmuoKj4854875=='), '%252FajXp112QmuoKj4854875%253D%253D');
		assert.equal(meetingPath('ab//cdEFgh12345678=='), 'ab%252F%252FcdEFgh12345678%253D%253D');
	});
	test('user IDs and emails are encoded; empty, "." and ".." are refused by name', () => {
		assert.equal(buildPath('getUser', { userId: 'a+b@example.com' }), '/users/a%2Bb%40example.com');
		for (const unsafe of ['', ' ', '.', '..', ' .. ']) {
			assert.throws(
				() => buildPath('createMeeting', { userId: unsafe }),
				/Invalid "User": must not be empty, "\." or "\.\."/,
			);
		}
		assert.throws(() => buildPath('getMeeting', {}), /Invalid "Meeting"/);
	});
	test("a UUID is refused where Zoom's spec wants a numeric meeting ID", () => {
		assert.equal(buildPath('getMeeting', { meetingId: '85746065432' }), '/meetings/85746065432');
		assert.throws(
			() => buildPath('getMeeting', { meetingId: 'aDYlohsHRtCd4ii1uC2+hA==' }),
			/Invalid "Meeting": this operation takes a meeting ID \(9 to 11 digits\) or a join URL, not a UUID/,
		);
	});
	test('a value with "/" stays one segment', () => {
		assert.equal(buildPath('getUser', { userId: '../meetings' }), '/users/..%2Fmeetings');
		assert.equal(
			buildPath('getMeetingRegistrant', { meetingId: 85746065432, registrantId: 'a/b' }),
			'/meetings/85746065432/registrants/a%2Fb',
		);
	});
});

describe('toZoomStartTime', () => {
	test('a time with an offset becomes UTC with Z', () => {
		assert.deepEqual(toZoomStartTime('2026-12-01T15:00:00+01:00', 'Europe/Berlin'), {
			startTime: '2026-12-01T14:00:00Z',
			timezone: 'Europe/Berlin',
		});
		assert.deepEqual(toZoomStartTime('2026-12-01T14:00:00.000Z', undefined), {
			startTime: '2026-12-01T14:00:00Z',
			timezone: undefined,
		});
	});
	test('a time without offset stays local time in the given zone', () => {
		assert.deepEqual(toZoomStartTime('2026-12-01T15:30', 'America/New_York'), {
			startTime: '2026-12-01T15:30:00',
			timezone: 'America/New_York',
		});
		assert.deepEqual(toZoomStartTime('2026-12-01 09:05:07', 'UTC'), {
			startTime: '2026-12-01T09:05:07',
			timezone: 'UTC',
		});
	});
	test('Date objects are accepted', () => {
		assert.equal(
			toZoomStartTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), undefined)?.startTime,
			'2026-01-02T03:04:05Z',
		);
	});
	test('what is not a date is refused', () => {
		for (const bad of [
			'tomorrow',
			'2026-13-01T10:00:00',
			'2026-02-30T10:00:00',
			'2026-12-01T25:00:00',
			'',
			'12/01/2026',
			null,
		]) {
			assert.equal(toZoomStartTime(bad, 'UTC'), undefined, String(bad));
		}
	});
});
