import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	dateOnlySchema,
	durationSchema,
	emailSchema,
	jsonObjectSchema,
	meetingIdSchema,
	meetingPasswordSchema,
	occurrenceIdSchema,
	startTimeSchema,
	topicSchema,
	userIdSchema,
} from '../../nodes/ZoomWorkplace/helpers/schemas';

const firstMessage = (result: {
	success: boolean;
	error?: { issues: Array<{ message: string }> };
}) => (result.success ? undefined : result.error?.issues[0]?.message);

describe('input schemas', () => {
	test('email', () => {
		assert.equal(emailSchema.parse(' a@example.com '), 'a@example.com');
		assert.equal(
			firstMessage(emailSchema.safeParse('not-an-email')),
			'is not a valid email address',
		);
		assert.equal(firstMessage(emailSchema.safeParse(42)), 'must be text');
	});
	test('user ID accepts me, IDs and emails, refuses paths', () => {
		for (const ok of ['me', 'KDcuGIm1QgePTO8WbOqwIQ', 'x@example.com'])
			assert.ok(userIdSchema.safeParse(ok).success, ok);
		for (const bad of ['', '   ', '../users', 'a b', 'x?y'])
			assert.equal(userIdSchema.safeParse(bad).success, false, bad);
	});
	test('meeting ID from join URL, digits or UUID', () => {
		assert.equal(meetingIdSchema.parse('https://zoom.us/j/85746065432?pwd=x'), '85746065432');
		assert.equal(meetingIdSchema.parse('aDYlohsHRtCd4ii1uC2+hA=='), 'aDYlohsHRtCd4ii1uC2+hA==');
		assert.equal(meetingIdSchema.safeParse('hello').success, false);
		assert.equal(meetingIdSchema.safeParse('').success, false);
	});
	test('occurrence ID is digits only', () => {
		assert.equal(occurrenceIdSchema.parse('1648194360000'), '1648194360000');
		assert.match(firstMessage(occurrenceIdSchema.safeParse('16481943600a0')) ?? '', /only digits/);
	});
	test('duration', () => {
		assert.equal(durationSchema.parse('45'), 45);
		assert.equal(durationSchema.parse(0), 0);
		assert.equal(firstMessage(durationSchema.safeParse(-5)), 'must not be negative');
		assert.equal(firstMessage(durationSchema.safeParse(1.5)), 'must be a whole number of minutes');
		assert.equal(durationSchema.safeParse('abc').success, false);
	});
	test('topic and password limits', () => {
		assert.equal(topicSchema.safeParse('x'.repeat(200)).success, true);
		assert.equal(topicSchema.safeParse('x'.repeat(201)).success, false);
		assert.equal(meetingPasswordSchema.safeParse('abc@-_*123').success, true);
		assert.equal(meetingPasswordSchema.safeParse('12345678901').success, false);
		assert.equal(meetingPasswordSchema.safeParse('pa ss').success, false);
	});
	test('start time', () => {
		assert.deepEqual(startTimeSchema('Europe/Berlin').parse('2026-12-01T10:00:00'), {
			startTime: '2026-12-01T10:00:00',
			timezone: 'Europe/Berlin',
		});
		assert.match(firstMessage(startTimeSchema('UTC').safeParse('next week')) ?? '', /not a date/);
	});
	test('JSON object', () => {
		assert.deepEqual(jsonObjectSchema.parse('{"a":{"b":false}}'), { a: { b: false } });
		assert.deepEqual(jsonObjectSchema.parse({ a: 1 }), { a: 1 });
		assert.match(firstMessage(jsonObjectSchema.safeParse('{a:1}')) ?? '', /not valid JSON/);
		assert.equal(firstMessage(jsonObjectSchema.safeParse('[1]')), 'must be a JSON object');
	});
	test('date only', () => {
		assert.equal(dateOnlySchema.parse('2026-12-31T00:00:00'), '2026-12-31');
		assert.equal(dateOnlySchema.safeParse('31.12.2026').success, false);
	});
});
