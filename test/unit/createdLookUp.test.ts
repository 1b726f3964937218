import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import {
	CLOCK_SKEW_MS,
	creationTime,
	findCreated,
	same,
	sameEmail,
	sameListedAgenda,
	sameStartWhenUtc,
	sameWhenSent,
	type CreatedQuery,
} from '../../nodes/ZoomWorkplace/helpers/createdLookUp';

/* Which object a create whose answer was lost made: the one decision every kind's look-up shares. */

const STARTED = Date.parse('2030-05-01T10:00:00Z');
const at = (offsetMs: number) => new Date(STARTED + offsetMs).toISOString();

/** A meeting as Zoom lists it. */
const listed = (id: number, more: IDataObject = {}): IDataObject => ({
	id,
	topic: 'Weekly',
	type: 2,
	duration: 30,
	created_at: at(1_000),
	...more,
});

const meetingQuery = (sent: IDataObject, taken: number[] = []): CreatedQuery => ({
	sent: { type: 2, ...sent },
	compare: {
		topic: same,
		type: same,
		duration: sameWhenSent,
		agenda: sameListedAgenda,
		start_time: sameStartWhenUtc,
	},
	since: { attemptStartedAt: STARTED, createdAt: (found) => creationTime(found.created_at) },
	taken: (found) => taken.includes(Number(found.id)),
});

const longAgenda = 'A'.repeat(240) + 'B'.repeat(40);

const CASES: Array<{
	name: string;
	candidates: IDataObject[];
	query: CreatedQuery;
	found: number | undefined;
}> = [
	{
		name: 'nothing listed: nothing found',
		candidates: [],
		query: meetingQuery({ topic: 'Weekly' }),
		found: undefined,
	},
	{
		name: 'another topic is not ours',
		candidates: [listed(1, { topic: 'Daily' })],
		query: meetingQuery({ topic: 'Weekly' }),
		found: undefined,
	},
	{
		name: "Zoom's default type counts when none was sent",
		candidates: [listed(1, { type: 8 }), listed(2)],
		query: meetingQuery({ topic: 'Weekly' }),
		found: 2,
	},
	{
		name: "clock skew: created a little before the attempt (Zoom's clock behind ours) is ours",
		candidates: [listed(1, { created_at: at(-CLOCK_SKEW_MS + 1_000) })],
		query: meetingQuery({ topic: 'Weekly' }),
		found: 1,
	},
	{
		name: 'clock skew: created well before the attempt is an older meeting',
		candidates: [listed(1, { created_at: at(-CLOCK_SKEW_MS - 1_000) })],
		query: meetingQuery({ topic: 'Weekly' }),
		found: undefined,
	},
	{
		name: 'no creation time: its age is unknown, so it is not taken',
		candidates: [listed(1, { created_at: undefined })],
		query: meetingQuery({ topic: 'Weekly' }),
		found: undefined,
	},
	{
		name: 'same when sent: a duration sent must match',
		candidates: [listed(1, { duration: 45 }), listed(2, { duration: 60 })],
		query: meetingQuery({ topic: 'Weekly', duration: 60 }),
		found: 2,
	},
	{
		name: 'same when sent: a value not sent, or not listed, is not compared',
		candidates: [listed(1, { duration: undefined })],
		query: meetingQuery({ topic: 'Weekly', duration: 60 }),
		found: 1,
	},
	{
		name: 'a UTC start time must be the same instant; a local one is not compared',
		candidates: [
			listed(1, { start_time: '2030-06-01T08:00:00Z' }),
			listed(2, { start_time: '2030-06-01T09:00:00Z' }),
		],
		query: meetingQuery({ topic: 'Weekly', start_time: '2030-06-01T09:00:00.000Z' }),
		found: 2,
	},
	{
		name: 'a local start time sent with a time zone matches what Zoom lists in UTC',
		candidates: [listed(1, { start_time: '2030-06-01T07:00:00Z' })],
		query: meetingQuery({ topic: 'Weekly', start_time: '2030-06-01T09:00:00' }),
		found: 1,
	},
	{
		name: 'a long agenda matches as far as Zoom lists it (250 characters)',
		candidates: [listed(1, { agenda: longAgenda.slice(0, 250) })],
		query: meetingQuery({ topic: 'Weekly', agenda: longAgenda }),
		found: 1,
	},
	{
		name: 'another agenda is not ours',
		candidates: [listed(1, { agenda: 'Other' })],
		query: meetingQuery({ topic: 'Weekly', agenda: 'Plan' }),
		found: undefined,
	},
	{
		name: "oldest match: a later one is more likely another item's",
		candidates: [listed(3, { created_at: at(9_000) }), listed(2, { created_at: at(4_000) })],
		query: meetingQuery({ topic: 'Weekly' }),
		found: 2,
	},
	{
		name: 'one already returned for another item is skipped',
		candidates: [listed(2, { created_at: at(4_000) }), listed(3, { created_at: at(9_000) })],
		query: meetingQuery({ topic: 'Weekly' }, [2]),
		found: 3,
	},
	{
		name: 'without an age window (one registration per email) any age is taken, by email in any case',
		candidates: [
			{ id: 7, email: 'Ann@Example.com', create_time: '2001-01-01T00:00:00Z' },
			{ id: 8, email: 'bob@example.com' },
		],
		query: { sent: { email: 'ann@example.com' }, compare: { email: sameEmail } },
		found: 7,
	},
];

describe('findCreated', () => {
	for (const { name, candidates, query, found } of CASES) {
		test(name, () => {
			assert.equal(findCreated(candidates, query)?.id, found);
		});
	}
});
