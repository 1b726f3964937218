import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { applyFields, fieldGroup, fieldsCollection, type FieldDefinition } from './fields';
import {
	booleanSchema,
	durationSchema,
	emailSchema,
	integerChoiceSchema,
	meetingPasswordSchema,
	numberSchema,
	startTimeSchema,
	timezoneSchema,
	topicSchema,
} from './schemas';
import { localTimeToUtc } from './time';
import { validateField } from './validation';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

const WEEKDAYS = [
	{ name: 'Sunday', value: 1 },
	{ name: 'Monday', value: 2 },
	{ name: 'Tuesday', value: 3 },
	{ name: 'Wednesday', value: 4 },
	{ name: 'Thursday', value: 5 },
	{ name: 'Friday', value: 6 },
	{ name: 'Saturday', value: 7 },
];

const emailList = z
	.string({ invalid_type_error: 'must be text' })
	.transform((v) =>
		v
			.split(/[,;\s]+/)
			.map((e) => e.trim())
			.filter(Boolean),
	)
	.pipe(z.array(emailSchema));

/** A choice among Zoom's numbers, refusing anything else (true, 15, …) with the list. */
const choice = (values: readonly number[]) =>
	integerChoiceSchema(values, `must be one of ${values.join(', ')}`);

/** A choice among Zoom's words. */
const textChoice = (values: [string, ...string[]]) =>
	z.enum(values, { errorMap: () => ({ message: `must be one of ${values.join(', ')}` }) });

const option = (name: string, value: string | number) => ({ name, value });

const recurrenceIntervalLimit: Record<number, number> = { 1: 99, 2: 50, 3: 10 };

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
): IDataObject {
	const type = validateField(
		ctx,
		itemIndex,
		'Recurrence → Repeat',
		choice([1, 2, 3]),
		values.type ?? 2,
	);
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
				.max(recurrenceIntervalLimit[type] ?? 99),
		),
		values.repeatInterval ?? 1,
	);
	if (type === 2) {
		const days = validateField(
			ctx,
			itemIndex,
			'Recurrence → Weekly Days',
			z.array(choice([1, 2, 3, 4, 5, 6, 7])).min(1, 'choose at least one day'),
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
				choice([-1, 1, 2, 3, 4]),
				values.monthlyWeek ?? 1,
			);
			recurrence.monthly_week_day = validateField(
				ctx,
				itemIndex,
				'Recurrence → Monthly Week Day',
				choice([1, 2, 3, 4, 5, 6, 7]),
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

/** The meeting's Settings, one definition each (Zoom's MeetingSettings names). */
const SETTINGS: FieldDefinition[] = [
	{
		property: {
			displayName: 'Alternative Hosts',
			name: 'alternativeHosts',
			type: 'string',
			default: '',
			description: 'Comma-separated emails of alternative hosts',
		},
		zoom: 'alternative_hosts',
		schema: emailList,
		transform: (emails) => (emails as string[]).join(';'),
	},
	{
		property: {
			displayName: 'Approval Type',
			name: 'approvalType',
			type: 'options',
			options: [
				option('Automatically Approve', 0),
				option('Manually Approve', 1),
				option('No Registration Required', 2),
			],
			default: 2,
		},
		zoom: 'approval_type',
		schema: choice([0, 1, 2]),
	},
	{
		property: {
			displayName: 'Audio',
			name: 'audio',
			type: 'options',
			options: [
				option('Both', 'both'),
				option('Telephony', 'telephony'),
				option('Computer Audio (VoIP)', 'voip'),
				option('Third-Party Audio', 'thirdParty'),
			],
			default: 'both',
		},
		zoom: 'audio',
		schema: textChoice(['both', 'telephony', 'voip', 'thirdParty']),
	},
	{
		property: {
			displayName: 'Authentication Domains',
			name: 'authenticationDomains',
			type: 'string',
			default: '',
			description: 'Comma-separated domains allowed to join when meeting authentication is on',
		},
		zoom: 'authentication_domains',
		schema: z.string({ invalid_type_error: 'must be text' }),
	},
	{
		property: {
			displayName: 'Auto Recording',
			name: 'autoRecording',
			type: 'options',
			options: [option('Cloud', 'cloud'), option('Local', 'local'), option('None', 'none')],
			default: 'none',
		},
		zoom: 'auto_recording',
		schema: textChoice(['cloud', 'local', 'none']),
	},
	{
		property: {
			displayName: 'Encryption Type',
			name: 'encryptionType',
			type: 'options',
			options: [
				option('Enhanced Encryption', 'enhanced_encryption'),
				option('End-to-End Encryption', 'e2ee'),
			],
			default: 'enhanced_encryption',
		},
		zoom: 'encryption_type',
		schema: textChoice(['enhanced_encryption', 'e2ee']),
	},
	{
		property: {
			displayName: 'Host Video',
			name: 'hostVideo',
			type: 'boolean',
			default: false,
			description: 'Whether to start video when the host joins',
		},
		zoom: 'host_video',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Join Before Host',
			name: 'joinBeforeHost',
			type: 'boolean',
			default: false,
			description: 'Whether participants may join before the host',
		},
		zoom: 'join_before_host',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Join Before Host Time (Minutes)',
			name: 'jbhTime',
			type: 'options',
			// Zoom's MeetingSettings.jbh_time takes 0, 5 and 10 only.
			options: [option('Anytime', 0), option('5 Minutes', 5), option('10 Minutes', 10)],
			default: 0,
			description: 'How long before the start time participants may join (with Join Before Host)',
		},
		zoom: 'jbh_time',
		schema: choice([0, 5, 10]),
	},
	{
		property: {
			displayName: 'Meeting Authentication',
			name: 'meetingAuthentication',
			type: 'boolean',
			default: false,
			description: 'Whether only authenticated users may join',
		},
		zoom: 'meeting_authentication',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Meeting Invitees',
			name: 'meetingInvitees',
			type: 'string',
			default: '',
			description: 'Comma-separated emails to invite (shown in the calendar invitation)',
		},
		zoom: 'meeting_invitees',
		schema: emailList,
		transform: (emails) => (emails as string[]).map((email) => ({ email })),
	},
	{
		property: {
			displayName: 'Mute Upon Entry',
			name: 'muteUponEntry',
			type: 'boolean',
			default: false,
			description: 'Whether participants are muted when they join',
		},
		zoom: 'mute_upon_entry',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Participant Video',
			name: 'participantVideo',
			type: 'boolean',
			default: false,
			description: 'Whether to start video when participants join',
		},
		zoom: 'participant_video',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Registration Type',
			name: 'registrationType',
			type: 'options',
			options: [
				option('Register Once, Attend Any Occurrence', 1),
				option('Register for Each Occurrence', 2),
				option('Register Once, Choose Occurrences', 3),
			],
			default: 1,
			description: 'For recurring meetings with registration',
		},
		zoom: 'registration_type',
		schema: choice([1, 2, 3]),
	},
	{
		property: {
			displayName: 'Waiting Room',
			name: 'waitingRoom',
			type: 'boolean',
			default: false,
			description: 'Whether participants wait in a waiting room until admitted',
		},
		zoom: 'waiting_room',
		schema: booleanSchema,
	},
];

/** The zone a local time of this meeting is read in: the chosen one, else the workflow's. */
function meetingZone(siblings: IDataObject, extra: IDataObject): string | undefined {
	const chosen = typeof siblings.timezone === 'string' ? siblings.timezone.trim() : '';
	return chosen || (extra.workflowTimezone as string | undefined);
}

/** The optional meeting fields, shared by Create (`additionalFields`) and Update (`updateFields`). */
const MEETING_FIELDS: FieldDefinition[] = [
	{
		property: {
			displayName: 'Agenda',
			name: 'agenda',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Meeting description (up to 2,000 characters)',
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
			description: 'Scheduled length of the meeting in minutes',
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
		property: {
			displayName: 'Recurrence',
			name: 'recurrence',
			type: 'fixedCollection',
			default: {},
			description: 'For recurring meetings with a fixed time (type "Recurring, Fixed Time")',
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
							description:
								"Last date of the recurrence, used when End After is 0. A time without an offset is read in the meeting's Time Zone (else the workflow's) and sent to Zoom in UTC.",
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
							description: 'Every N days (max 99), weeks (max 50) or months (max 10)',
						},
						{
							displayName: 'Weekly Days',
							name: 'weeklyDays',
							type: 'multiOptions',
							options: WEEKDAYS,
							default: [],
							description: 'For weekly meetings',
							displayOptions: { show: { type: [2] } },
						},
					],
				},
			],
		},
		zoom: 'recurrence',
		transform: (value, { ctx, itemIndex, siblings, extra }) => {
			const values = (value as { recurrenceValues?: IDataObject } | undefined)?.recurrenceValues;
			return values
				? buildRecurrence(ctx, itemIndex, values, meetingZone(siblings, extra))
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
			description:
				'Email or user ID of the user to schedule the meeting for (requires scheduling privilege)',
		},
		zoom: 'schedule_for',
		schema: z.string({ invalid_type_error: 'must be text' }).trim(),
		skip: (value) => value === '',
	},
	fieldGroup({ displayName: 'Settings', name: 'settings' }, 'settings', SETTINGS),
	{
		property: {
			displayName: 'Start Time',
			name: 'startTime',
			type: 'dateTime',
			default: '',
			description:
				"Start of a scheduled or recurring meeting. A time without an offset is read in the chosen Time Zone (else the workflow's).",
		},
		zoom: 'start_time',
		skip: (value) => value === '',
		transform: (value, { ctx, itemIndex, label, siblings, extra }) =>
			validateField(ctx, itemIndex, label, startTimeSchema(meetingZone(siblings, extra)), value)
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
	{
		property: {
			displayName: 'Topic',
			name: 'topic',
			type: 'string',
			default: '',
			description: 'Meeting topic (up to 200 characters)',
		},
		zoom: 'topic',
		schema: topicSchema,
	},
	{
		property: {
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				option('Instant', 1),
				option('Scheduled', 2),
				option('Recurring, No Fixed Time', 3),
				option('Recurring, Fixed Time', 8),
			],
			default: 2,
		},
		zoom: 'type',
		schema: choice([1, 2, 3, 8]),
	},
];

/** Create takes the topic as a required top-level parameter, so its collection has none. */
const CREATE_FIELDS = MEETING_FIELDS.filter((field) => field.property.name !== 'topic');

export function meetingFields(
	name: 'additionalFields' | 'updateFields',
	show: Show,
): INodeProperties {
	return name === 'additionalFields'
		? fieldsCollection(name, 'Additional Fields', CREATE_FIELDS, show)
		: fieldsCollection(name, 'Update Fields', MEETING_FIELDS, show);
}

/**
 * Builds Zoom's meeting body from the node's fields, the same way for Create and Update, after
 * validating every value. `workflowTimezone` is used for a start time without an offset when no
 * time zone was chosen.
 */
export function buildMeetingBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	workflowTimezone: string,
): IDataObject {
	const { body } = applyFields(ctx, itemIndex, MEETING_FIELDS, fields, undefined, {
		extra: { workflowTimezone },
	});
	// A local start time means nothing to Zoom without its zone.
	if (typeof body.start_time === 'string' && !body.start_time.endsWith('Z') && !body.timezone) {
		body.timezone = workflowTimezone;
	}
	return body;
}
