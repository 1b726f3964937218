import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { applyFields, type FieldDefinition } from './fields';
import {
	durationSchema,
	meetingPasswordSchema,
	numberChoiceSchema,
	numberSchema,
	startTimeSchema,
	timezoneSchema,
	topicSchema,
} from './schemas';
import { localTimeToUtc } from './time';
import { validateField } from './validation';

/*
 * The scheduling fields meetings and webinars share (topic, start time, time zone, duration,
 * passcode, agenda, schedule for, recurrence), declared once for both. Zoom's limits differ only
 * in the recurrence intervals, which each kind passes in.
 */

export type ScheduledKind = 'meeting' | 'webinar';

/** Largest repeat interval per recurrence type (1 daily, 2 weekly, 3 monthly). */
export type IntervalLimits = Record<1 | 2 | 3, number>;

const WEEKDAYS = [
	{ name: 'Sunday', value: 1 },
	{ name: 'Monday', value: 2 },
	{ name: 'Tuesday', value: 3 },
	{ name: 'Wednesday', value: 4 },
	{ name: 'Thursday', value: 5 },
	{ name: 'Friday', value: 6 },
	{ name: 'Saturday', value: 7 },
];

const option = (name: string, value: string | number) => ({ name, value });

/** The zone a local time is read in: the chosen one, else the workflow's. */
function zoneOf(siblings: IDataObject, extra: IDataObject): string | undefined {
	const chosen = typeof siblings.timezone === 'string' ? siblings.timezone.trim() : '';
	return chosen || (extra.workflowTimezone as string | undefined);
}

/**
 * Zoom's `recurrence` object from the node's Recurrence values. `timezone` is the meeting's (or
 * the workflow's) zone: an End Date Time without an offset is local time there, and Zoom wants
 * `end_date_time` in UTC.
 */
export function buildRecurrence(
	ctx: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
	timezone: string | undefined,
	limits: IntervalLimits = { 1: 99, 2: 50, 3: 10 },
): IDataObject {
	const type = validateField(
		ctx,
		itemIndex,
		'Recurrence → Repeat',
		numberChoiceSchema([1, 2, 3]),
		values.type ?? 2,
	) as 1 | 2 | 3;
	const recurrence: IDataObject = { type };
	recurrence.repeat_interval = validateField(
		ctx,
		itemIndex,
		'Recurrence → Repeat Interval',
		numberSchema().pipe(
			z
				.number()
				.int('must be a whole number')
				.min(1, 'must be at least 1')
				.max(limits[type], `must be at most ${limits[type]} for this repeat`),
		),
		values.repeatInterval ?? 1,
	);
	if (type === 2) {
		const days = validateField(
			ctx,
			itemIndex,
			'Recurrence → Weekly Days',
			z.array(numberChoiceSchema([1, 2, 3, 4, 5, 6, 7])).min(1, 'choose at least one day'),
			values.weeklyDays ?? [],
		);
		recurrence.weekly_days = [...new Set(days)].sort().join(',');
	}
	if (type === 3) {
		if ((values.monthlyBy ?? 'day') === 'week') {
			recurrence.monthly_week = validateField(
				ctx,
				itemIndex,
				'Recurrence → Monthly Week',
				numberChoiceSchema([-1, 1, 2, 3, 4]),
				values.monthlyWeek ?? 1,
			);
			recurrence.monthly_week_day = validateField(
				ctx,
				itemIndex,
				'Recurrence → Monthly Week Day',
				numberChoiceSchema([1, 2, 3, 4, 5, 6, 7]),
				values.monthlyWeekDay ?? 2,
			);
		} else {
			recurrence.monthly_day = validateField(
				ctx,
				itemIndex,
				'Recurrence → Monthly Day',
				numberSchema().pipe(z.number().int().min(1).max(31)),
				values.monthlyDay ?? 1,
			);
		}
	}
	const endTimes = validateField(
		ctx,
		itemIndex,
		'Recurrence → End After',
		numberSchema().pipe(
			z.number().int('must be a whole number').min(0).max(60, 'must be at most 60 occurrences'),
		),
		values.endTimes ?? 0,
	);
	if (endTimes > 0) {
		recurrence.end_times = endTimes;
	} else if (values.endDateTime) {
		const label = 'Recurrence → End Date Time';
		const end = validateField(ctx, itemIndex, label, startTimeSchema(timezone), values.endDateTime);
		const utc = localTimeToUtc(end.startTime, timezone ?? 'UTC');
		if (!utc) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Invalid "${label}" in item ${itemIndex}: the time zone "${timezone}" is not known, so the local time cannot be converted to UTC`,
				{ itemIndex },
			);
		}
		recurrence.end_date_time = utc;
	}
	return recurrence;
}

function recurrenceProperty(kind: ScheduledKind, limits: IntervalLimits): INodeProperties {
	return {
		displayName: 'Recurrence',
		name: 'recurrence',
		type: 'fixedCollection',
		default: {},
		description: `For recurring ${kind}s with a fixed time (type "Recurring, Fixed Time")`,
		options: [
			{
				displayName: 'Recurrence',
				name: 'recurrenceValues',
				values: [
					{
						displayName: 'End After (Occurrences)',
						name: 'endTimes',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 60 },
						default: 0,
						description: 'Number of occurrences (0 = use End Date Time)',
					},
					{
						displayName: 'End Date Time',
						name: 'endDateTime',
						type: 'dateTime',
						default: '',
						description: `Last date of the recurrence, used when End After is 0. A time without an offset is read in the ${kind}'s Time Zone (else the workflow's) and sent to Zoom in UTC.`,
					},
					{
						displayName: 'Monthly By',
						name: 'monthlyBy',
						type: 'options',
						options: [option('Day of the Month', 'day'), option('Week of the Month', 'week')],
						default: 'day',
						displayOptions: { show: { type: [3] } },
					},
					{
						displayName: 'Monthly Day',
						name: 'monthlyDay',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 31 },
						default: 1,
						displayOptions: { show: { type: [3], monthlyBy: ['day'] } },
					},
					{
						displayName: 'Monthly Week',
						name: 'monthlyWeek',
						type: 'options',
						options: [
							option('First Week', 1),
							option('Fourth Week', 4),
							option('Last Week', -1),
							option('Second Week', 2),
							option('Third Week', 3),
						],
						default: 1,
						displayOptions: { show: { type: [3], monthlyBy: ['week'] } },
					},
					{
						displayName: 'Monthly Week Day',
						name: 'monthlyWeekDay',
						type: 'options',
						options: WEEKDAYS,
						default: 2,
						displayOptions: { show: { type: [3], monthlyBy: ['week'] } },
					},
					{
						displayName: 'Repeat',
						name: 'type',
						type: 'options',
						options: [option('Daily', 1), option('Weekly', 2), option('Monthly', 3)],
						default: 2,
					},
					{
						displayName: 'Repeat Interval',
						name: 'repeatInterval',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
						description: `Every N days (max ${limits[1]}), weeks (max ${limits[2]}) or months (max ${limits[3]})`,
					},
					{
						displayName: 'Weekly Days',
						name: 'weeklyDays',
						type: 'multiOptions',
						options: WEEKDAYS,
						default: [],
						description: `For weekly ${kind}s`,
						displayOptions: { show: { type: [2] } },
					},
				],
			},
		],
	};
}

/** The optional scheduling fields a meeting and a webinar share (Topic is `scheduleTopic`). */
export function scheduleFields(kind: ScheduledKind, limits: IntervalLimits): FieldDefinition[] {
	const Kind = kind === 'meeting' ? 'Meeting' : 'Webinar';
	return [
		{
			property: {
				displayName: 'Agenda',
				name: 'agenda',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: `${Kind} description (up to 2,000 characters)`,
			},
			zoom: 'agenda',
			schema: z
				.string({ invalid_type_error: 'must be text' })
				.max(2000, 'must be at most 2,000 characters'),
		},
		{
			property: {
				displayName: 'Duration (Minutes)',
				name: 'duration',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description: `Scheduled length of the ${kind} in minutes`,
			},
			zoom: 'duration',
			label: 'Duration',
			schema: durationSchema,
		},
		{
			property: {
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Passcode to join (up to 10 characters: letters, digits, @ - _ *)',
			},
			zoom: 'password',
			schema: meetingPasswordSchema,
			secret: true,
		},
		{
			property: recurrenceProperty(kind, limits),
			zoom: 'recurrence',
			transform: (value, { ctx, itemIndex, siblings, extra }) => {
				const values = (value as { recurrenceValues?: IDataObject } | undefined)?.recurrenceValues;
				return values
					? buildRecurrence(ctx, itemIndex, values, zoneOf(siblings, extra), limits)
					: undefined;
			},
		},
		{
			property: {
				displayName: 'Schedule For',
				name: 'scheduleFor',
				type: 'string',
				default: '',
				placeholder: 'assistant-host@example.com',
				description: `Email or user ID of the user to schedule the ${kind} for (requires scheduling privilege)`,
			},
			zoom: 'schedule_for',
			schema: z.string({ invalid_type_error: 'must be text' }).trim(),
			skip: (value) => value === '',
		},
		{
			property: {
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: `Start of a scheduled or recurring ${kind}. A time without an offset is read in the chosen Time Zone (else the workflow's).`,
			},
			zoom: 'start_time',
			skip: (value) => value === '',
			transform: (value, { ctx, itemIndex, label, siblings, extra }) =>
				validateField(ctx, itemIndex, label, startTimeSchema(zoneOf(siblings, extra)), value)
					.startTime,
		},
		{
			property: {
				displayName: 'Time Zone Name or ID',
				name: 'timezone',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTimezones' },
				default: '',
				description:
					'Time zone of the start time. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			zoom: 'timezone',
			label: 'Time Zone',
			schema: timezoneSchema,
			skip: (value) => value === '',
		},
	];
}

/**
 * The topic of a meeting or webinar: required in Create (a parameter of its own), one of the
 * Update Fields in Update.
 */
export function scheduleTopic(kind: ScheduledKind): FieldDefinition {
	return {
		property: {
			displayName: 'Topic',
			name: 'topic',
			type: 'string',
			default: '',
			description: `${kind === 'meeting' ? 'Meeting' : 'Webinar'} topic (up to 200 characters)`,
		},
		zoom: 'topic',
		schema: topicSchema,
	};
}

/**
 * Zoom's meeting or webinar body from the node's fields, after checking every value.
 * `workflowTimezone` is used for a local start time when no time zone was chosen: a local time
 * means nothing to Zoom without its zone.
 */
export function buildScheduleBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	definitions: readonly FieldDefinition[],
	fields: IDataObject,
	workflowTimezone: string,
	base: IDataObject = {},
): IDataObject {
	const { body } = applyFields(
		ctx,
		itemIndex,
		definitions,
		fields,
		{ body: { ...base }, qs: {} },
		{
			extra: { workflowTimezone },
		},
	);
	if (typeof body.start_time === 'string' && !body.start_time.endsWith('Z') && !body.timezone) {
		body.timezone = workflowTimezone;
	}
	return body;
}
