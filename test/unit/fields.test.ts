import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { MEETING } from '../../nodes/ZoomWorkplace/actions/meeting/descriptor';
import { meeting } from '../../nodes/ZoomWorkplace/actions/meeting/Meeting.resource';
import { buildUserUpdateBody } from '../../nodes/ZoomWorkplace/actions/user/update.operation';
import {
	applyFields,
	fieldGroup,
	fieldParameters,
	fieldsCollection,
	listFields,
	readFieldParameters,
	required,
	type FieldDefinition,
} from '../../nodes/ZoomWorkplace/helpers/fields';
import { buildScheduleBody } from '../../nodes/ZoomWorkplace/helpers/scheduleFields';
import { integerChoiceSchema, meetingIdSchema } from '../../nodes/ZoomWorkplace/helpers/schemas';
import { localTimeToUtc } from '../../nodes/ZoomWorkplace/helpers/time';
import { fakeContext } from '../fixtures/fakeContext';

const { ctx } = fakeContext();

function fails(run: () => unknown, pattern: RegExp) {
	assert.throws(run, (error: unknown) => {
		assert.ok(error instanceof NodeOperationError, String(error));
		assert.match(error.message, pattern);
		return true;
	});
}

describe('field definitions', () => {
	const definitions: FieldDefinition[] = [
		{
			property: { displayName: 'Topic', name: 'topic', type: 'string', default: '' },
			zoom: 'topic',
			schema: z.string().max(5),
		},
		{
			property: { displayName: 'Page', name: 'page', type: 'number', default: 1 },
			zoom: 'page',
			in: 'query',
		},
		fieldGroup({ displayName: 'Settings', name: 'settings' }, 'settings', [
			{
				property: {
					displayName: 'Waiting Room',
					name: 'waitingRoom',
					type: 'boolean',
					default: false,
				},
				zoom: 'waiting_room',
			},
			{
				property: { displayName: 'Audio', name: 'audio', type: 'string', default: '' },
				zoom: 'audio.type',
				schema: z.enum(['voip']),
			},
		]),
	];

	test('the collection shows exactly the defined fields, sorted by display name', () => {
		const collection = fieldsCollection('additionalFields', 'Additional Fields', definitions);
		assert.deepEqual(
			(collection.options as INodeProperties[]).map((o) => o.name),
			['page', 'settings', 'topic'],
		);
		const settings = (collection.options as INodeProperties[]).find((o) => o.name === 'settings');
		assert.deepEqual(
			(settings?.options as INodeProperties[]).map((o) => o.name),
			['audio', 'waitingRoom'],
		);
	});

	test('values go under Zoom names, body or query, nested groups below their path; false and 0 are sent', () => {
		const parts = applyFields(ctx, 0, definitions, {
			topic: 'Hi',
			page: 0,
			settings: { waitingRoom: false, audio: 'voip' },
		});
		assert.deepEqual(parts, {
			body: { topic: 'Hi', settings: { waiting_room: false, audio: { type: 'voip' } } },
			qs: { page: 0 },
		});
	});

	test('a bad value names the field (with its group) and the item', () => {
		fails(
			() => applyFields(ctx, 3, definitions, { topic: 'far too long' }),
			/Invalid "Topic" in item 3/,
		);
		fails(
			() => applyFields(ctx, 1, definitions, { settings: { audio: 'both' } }),
			/Invalid "Settings → Audio" in item 1/,
		);
	});

	test('a value no definition knows is refused, never silently dropped', () => {
		fails(
			() => applyFields(ctx, 0, definitions, { colour: 'red' }),
			/Unknown field "colour" in item 0/,
		);
	});

	test('listFields flattens groups for docs and tests', () => {
		assert.deepEqual(
			listFields(definitions).map((f) => `${f.in}:${f.zoom}`),
			['body:topic', 'query:page', 'body:settings.waiting_room', 'body:settings.audio.type'],
		);
	});

	test("user update: each chosen value goes under Zoom's name, false, 0 and empty text included", () => {
		assert.deepEqual(
			buildUserUpdateBody(ctx, 0, {
				usePmi: false,
				company: '',
				pronounsOption: 3,
				phoneNumbers: {
					phoneNumber: [{ country: 'de', code: '49', label: 'Mobile', number: '170 1234567' }],
				},
			}),
			{
				use_pmi: false,
				company: '',
				pronouns_option: 3,
				phone_numbers: [{ country: 'DE', code: '+49', label: 'Mobile', number: '1701234567' }],
			},
		);
		fails(
			() => buildUserUpdateBody(ctx, 2, { favouriteColour: 'red' }),
			/Unknown field "favouriteColour" in item 2/,
		);
	});
});

describe('required fields', () => {
	const topic: FieldDefinition = {
		property: { displayName: 'Topic', name: 'topic', type: 'string', default: '' },
		zoom: 'topic',
		schema: z.string().trim().min(1, 'is required'),
		// Skipped when empty in a collection, never when required.
		skip: (value) => value === '',
	};
	const email: FieldDefinition = {
		property: { displayName: 'Email', name: 'email', type: 'string', default: '' },
		zoom: 'user_info.email',
		schema: z.string().email('is not an email'),
		required: true,
	};
	const read = (parameters: Record<string, unknown>, itemIndex = 0) =>
		readFieldParameters(fakeContext({ parameters }).ctx, itemIndex, [required(topic), email]);

	test('are parameters of their own, shown as required', () => {
		assert.deepEqual(
			fieldParameters([required(topic), email]).map((p) => [p.name, p.required]),
			[
				['topic', true],
				['email', true],
			],
		);
		// The same definition stays optional where it is not marked.
		assert.equal(fieldParameters([topic])[0].required, undefined);
	});

	test("are read from their own parameter, checked, and sent under Zoom's path", () => {
		assert.deepEqual(read({ topic: ' Hi ', email: 'a@example.com' }), {
			body: { topic: 'Hi', user_info: { email: 'a@example.com' } },
			qs: {},
		});
	});

	test('an empty or missing value is refused by name, never skipped', () => {
		fails(
			() => read({ topic: '', email: 'a@example.com' }, 5),
			/Invalid "Topic" in item 5: is required/,
		);
		fails(() => read({ topic: 'Hi' }, 1), /Invalid "Email" in item 1: is not an email/);
	});
});
describe('meeting inputs', () => {
	const body = (fields: IDataObject, zone = 'Europe/Berlin') =>
		buildScheduleBody(ctx, 0, [MEETING.topic, ...MEETING.fields], fields, zone);

	test('Join Before Host Time offers and accepts only 0, 5 and 10', () => {
		const collection = meeting.operations.update.description.find((p) => p.name === 'updateFields');
		const settings = (collection?.options as INodeProperties[]).find((o) => o.name === 'settings');
		const jbh = (settings?.options as INodeProperties[]).find((o) => o.name === 'jbhTime');
		assert.deepEqual(
			jbh?.options?.map((o) => (o as { value: number }).value),
			[0, 5, 10],
		);
		assert.deepEqual(body({ settings: { jbhTime: 10 } }), { settings: { jbh_time: 10 } });
		fails(
			() => body({ settings: { jbhTime: 15 } }),
			/Invalid "Settings → Join Before Host Time \(Minutes\)" in item 0: must be one of 0, 5, 10/,
		);
	});

	test("a recurrence end without an offset is local time in the meeting's zone, sent in UTC", () => {
		const recurrence = (endDateTime: string, timezone?: string) =>
			body({
				...(timezone ? { timezone } : {}),
				type: 8,
				recurrence: { recurrenceValues: { type: 1, endDateTime } },
			}).recurrence as IDataObject;
		assert.equal(
			recurrence('2030-05-31T18:00:00', 'Asia/Tokyo').end_date_time,
			'2030-05-31T09:00:00Z',
		);
		// No zone chosen: the workflow's (Europe/Berlin, summer time).
		assert.equal(recurrence('2030-05-31T18:00:00').end_date_time, '2030-05-31T16:00:00Z');
		// An explicit offset or Z is kept as the instant it names.
		assert.equal(
			recurrence('2030-05-31T18:00:00+02:00', 'Asia/Tokyo').end_date_time,
			'2030-05-31T16:00:00Z',
		);
	});

	test('Duration true, a negative meeting ID and a meeting ID of 3 digits are refused by name', () => {
		fails(
			() => body({ duration: true }),
			/Invalid "Duration" in item 0: must be a number of minutes/,
		);
		fails(() => body({ duration: '' }), /Invalid "Duration"/);
		assert.deepEqual(body({ duration: '45' }), { duration: 45 });
		const id = (value: string) => meetingIdSchema.safeParse(value);
		assert.equal(id('-81234567890').success, false);
		const short = id('123');
		assert.equal(short.success, false);
		assert.match(
			short.error?.issues[0].message ?? '',
			/a meeting ID has 9 to 11 digits, this one has 3/,
		);
		assert.equal(id('857-4606-5432').data, '85746065432');
		// User Type (and every numeric choice): true is no number.
		const userType = integerChoiceSchema([1, 2, 99], 'must be 1, 2 or 99');
		assert.equal(userType.safeParse(true).success, false);
		assert.equal(userType.safeParse('2').data, 2);
	});
});

describe('localTimeToUtc', () => {
	test('converts wall-clock time in a zone, across daylight saving', () => {
		assert.equal(localTimeToUtc('2030-01-15T09:00:00', 'America/New_York'), '2030-01-15T14:00:00Z');
		assert.equal(localTimeToUtc('2030-07-15T09:00:00', 'America/New_York'), '2030-07-15T13:00:00Z');
		assert.equal(localTimeToUtc('2030-05-31T18:00:00', 'UTC'), '2030-05-31T18:00:00Z');
		assert.equal(localTimeToUtc('2030-05-31T18:00:00Z', 'Asia/Tokyo'), '2030-05-31T18:00:00Z');
		assert.equal(localTimeToUtc('2030-05-31T18:00:00', 'Not/AZone'), undefined);
	});
});
