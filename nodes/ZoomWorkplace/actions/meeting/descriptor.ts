import { z } from 'zod';

import type { FieldDefinition } from '../../helpers/fields';
import { booleanSchema, dateOnlySchema } from '../../helpers/schemas';
import { scheduleTopic } from '../../helpers/scheduleFields';
import { MEETING_KIND } from '../shared/instances';
import { listTypeFilter, type ScheduledDescriptor } from '../scheduled/descriptor';
import { MEETING_FIELDS } from './meetingFields';

/** A date picker gives a string; an expression may give a Luxon DateTime or a Date. */
function asText(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	return value !== null && typeof value === 'object' ? String(value) : value;
}

const dateFilter = z.preprocess(asText, dateOnlySchema);

/** GET /users/{userId}/meetings: `from`, `to` and `type`. */
const FILTERS: FieldDefinition[] = [
	{
		property: {
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description: 'Only meetings on or after this date (only the date part is used)',
		},
		zoom: 'from',
		in: 'query',
		schema: dateFilter,
		skip: (v) => !v,
	},
	{
		property: {
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description: 'Only meetings on or before this date (only the date part is used)',
		},
		zoom: 'to',
		in: 'query',
		schema: dateFilter,
		skip: (v) => !v,
	},
	listTypeFilter('meeting', [
		{ name: 'Live', value: 'live', description: 'Meetings in progress' },
		{
			name: 'Previous Meetings',
			value: 'previous_meetings',
			description: 'Meetings that took place',
		},
		{
			name: 'Scheduled',
			value: 'scheduled',
			description: 'Unexpired previous, live and upcoming scheduled meetings',
		},
		{ name: 'Upcoming', value: 'upcoming', description: 'Upcoming meetings, live ones included' },
		{
			name: 'Upcoming Meetings',
			value: 'upcoming_meetings',
			description: 'Upcoming meetings only',
		},
	]),
];

/** DELETE /meetings/{meetingId}: who Zoom emails about the cancellation. */
const DELETE_OPTIONS: FieldDefinition[] = [
	{
		property: {
			displayName: 'Notify Host',
			name: 'notifyHost',
			type: 'boolean',
			default: false,
			description: 'Whether to email the host and alternative hosts about the cancellation',
		},
		// An explicit "off" is sent too, so Zoom's own default never decides for the user.
		zoom: 'schedule_for_reminder',
		in: 'query',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Notify Registrants',
			name: 'notifyRegistrants',
			type: 'boolean',
			default: false,
			description: 'Whether to email the registrants about the cancellation',
		},
		zoom: 'cancel_meeting_reminder',
		in: 'query',
		schema: booleanSchema,
	},
];

/** The meeting resource's descriptor: its Create, Get, Get Many, Update, Delete and End. */
export const MEETING: ScheduledDescriptor = {
	...MEETING_KIND,
	resource: 'meeting',
	endpoints: {
		list: 'listMeetings',
		create: 'createMeeting',
		get: 'getMeeting',
		update: 'updateMeeting',
		delete: 'deleteMeeting',
		status: 'updateMeetingStatus',
	},
	defaultType: 2,
	topic: scheduleTopic('meeting'),
	fields: MEETING_FIELDS,
	filters: FILTERS,
	deleteOptions: DELETE_OPTIONS,
	hostDescription:
		'Host of the meeting: "me", a user ID or an email. An account-level app may create meetings for any user.',
	list: async (client, userId, qs, limit, itemIndex) =>
		await client.requestAllItems({
			endpoint: 'listMeetings',
			pathParameters: { userId },
			qs,
			arrayKey: 'meetings',
			limit,
			itemIndex,
		}),
};
