import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	applyFields,
	fieldGroup,
	type FieldContext,
	type FieldDefinition,
} from '../../helpers/fields';
import {
	booleanSchema,
	durationSchema,
	emailSchema,
	meetingPasswordSchema,
	startTimeSchema,
	timezoneSchema,
	topicSchema,
} from '../../helpers/schemas';
import { validateField } from '../../helpers/validation';

const WEEKDAYS = [
	{ name: 'Sunday', value: 1 },
	{ name: 'Monday', value: 2 },
	{ name: 'Tuesday', value: 3 },
	{ name: 'Wednesday', value: 4 },
	{ name: 'Thursday', value: 5 },
	{ name: 'Friday', value: 6 },
	{ name: 'Saturday', value: 7 },
];

function flag(
	name: string,
	displayName: string,
	zoom: string,
	description: string,
): FieldDefinition {
	return {
		property: { displayName, name, type: 'boolean', default: false, description },
		zoom,
		schema: booleanSchema,
	};
}

function choice(
	name: string,
	displayName: string,
	zoom: string,
	description: string,
	options: Array<{ name: string; value: string | number }>,
	fallback: string | number,
): FieldDefinition {
	const values = options.map((o) => o.value);
	return {
		property: { displayName, name, type: 'options', default: fallback, description, options },
		zoom,
		schema: z.union([z.string(), z.number()]).refine((v) => values.includes(v), {
			message: `must be one of ${values.join(', ')}`,
		}),
	};
}

const emailList = z
	.string({ invalid_type_error: 'must be text' })
	.transform((v) =>
		v
			.split(/[,;\s]+/)
			.map((e) => e.trim())
			.filter(Boolean),
	)
	.pipe(z.array(emailSchema))
	.transform((emails) => emails.join(','));

const recurrenceIntervalLimit: Record<number, number> = { 1: 90, 2: 12, 3: 3 };

/** Zoom's webinar `recurrence` object from the node's Recurrence values. */
export function buildWebinarRecurrence(values: IDataObject, context: FieldContext): IDataObject {
	const { ctx, itemIndex, label } = context;
	const type = validateField(
		ctx,
		itemIndex,
		`${label} → Repeat`,
		z.coerce
			.number()
			.refine((t) => [1, 2, 3].includes(t), 'must be 1 (daily), 2 (weekly) or 3 (monthly)'),
		values.type ?? 2,
	);
	const recurrence: IDataObject = {
		type,
		repeat_interval: validateField(
			ctx,
			itemIndex,
			`${label} → Repeat Interval`,
			z.coerce
				.number()
				.int('must be a whole number')
				.min(1, 'must be at least 1')
				.max(
					recurrenceIntervalLimit[type],
					`must be at most ${recurrenceIntervalLimit[type]} for this repeat`,
				),
			values.repeatInterval ?? 1,
		),
	};
	if (type === 2) {
		const days = validateField(
			ctx,
			itemIndex,
			`${label} → Weekly Days`,
			z.array(z.coerce.number().int().min(1).max(7)).min(1, 'choose at least one day'),
			values.weeklyDays ?? [],
		);
		recurrence.weekly_days = [...new Set(days)].sort().join(',');
	}
	if (type === 3) {
		if ((values.monthlyBy ?? 'day') === 'week') {
			recurrence.monthly_week = Number(values.monthlyWeek ?? 1);
			recurrence.monthly_week_day = Number(values.monthlyWeekDay ?? 2);
		} else {
			recurrence.monthly_day = validateField(
				ctx,
				itemIndex,
				`${label} → Monthly Day`,
				z.coerce.number().int().min(1).max(31),
				values.monthlyDay ?? 1,
			);
		}
	}
	const endTimes = Number(values.endTimes ?? 0);
	if (endTimes > 0) {
		recurrence.end_times = validateField(
			ctx,
			itemIndex,
			`${label} → End After`,
			z.number().int().max(60, 'must be at most 60 occurrences'),
			endTimes,
		);
	} else if (values.endDateTime) {
		const zone =
			(context.siblings.timezone as string) || (context.extra.workflowTimezone as string);
		const end = validateField(
			ctx,
			itemIndex,
			`${label} → End Date Time`,
			startTimeSchema(zone),
			values.endDateTime,
		);
		recurrence.end_date_time = end.startTime.endsWith('Z') ? end.startTime : `${end.startTime}Z`;
	}
	return recurrence;
}

const recurrenceProperty: INodeProperties = {
	displayName: 'Recurrence',
	name: 'recurrence',
	type: 'fixedCollection',
	default: {},
	description: 'For recurring webinars with a fixed time (type "Recurring, Fixed Time")',
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
					description: 'Last date of the recurrence, used when End After is 0',
				},
				{
					displayName: 'Monthly By',
					name: 'monthlyBy',
					type: 'options',
					options: [
						{ name: 'Day of the Month', value: 'day' },
						{ name: 'Week of the Month', value: 'week' },
					],
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
						{ name: 'First Week', value: 1 },
						{ name: 'Fourth Week', value: 4 },
						{ name: 'Last Week', value: -1 },
						{ name: 'Second Week', value: 2 },
						{ name: 'Third Week', value: 3 },
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
					options: [
						{ name: 'Daily', value: 1 },
						{ name: 'Weekly', value: 2 },
						{ name: 'Monthly', value: 3 },
					],
					default: 2,
				},
				{
					displayName: 'Repeat Interval',
					name: 'repeatInterval',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 1,
					description: 'Every N days (max 90), weeks (max 12) or months (max 3)',
				},
				{
					displayName: 'Weekly Days',
					name: 'weeklyDays',
					type: 'multiOptions',
					options: WEEKDAYS,
					default: [],
					description: 'For weekly webinars',
					displayOptions: { show: { type: [2] } },
				},
			],
		},
	],
};

const settings = fieldGroup(
	{ displayName: 'Settings', name: 'settings', description: 'Webinar settings' },
	'settings',
	[
		{
			property: {
				displayName: 'Alternative Hosts',
				name: 'alternativeHosts',
				type: 'string',
				default: '',
				description: 'Comma-separated emails of alternative hosts (licensed users of the account)',
			},
			zoom: 'alternative_hosts',
			schema: emailList,
		},
		choice(
			'approvalType',
			'Approval Type',
			'approval_type',
			'Whether registration is required, and who approves registrants',
			[
				{ name: 'Automatically Approve', value: 0 },
				{ name: 'Manually Approve', value: 1 },
				{ name: 'No Registration Required', value: 2 },
			],
			2,
		),
		choice(
			'audio',
			'Audio',
			'audio',
			'How participants join the audio',
			[
				{ name: 'Both', value: 'both' },
				{ name: 'Telephony', value: 'telephony' },
				{ name: 'Third Party', value: 'thirdParty' },
				{ name: 'VoIP', value: 'voip' },
			],
			'both',
		),
		choice(
			'autoRecording',
			'Auto Recording',
			'auto_recording',
			'Record the webinar automatically',
			[
				{ name: 'Cloud', value: 'cloud' },
				{ name: 'Local', value: 'local' },
				{ name: 'None', value: 'none' },
			],
			'none',
		),
		flag(
			'allowMultipleDevices',
			'Allow Multiple Devices',
			'allow_multiple_devices',
			'Whether attendees may join from several devices',
		),
		flag(
			'closeRegistration',
			'Close Registration',
			'close_registration',
			'Whether to close registration after the event date',
		),
		{
			property: {
				displayName: 'Contact Email',
				name: 'contactEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Contact email shown to registrants',
			},
			zoom: 'contact_email',
			schema: emailSchema,
		},
		{
			property: {
				displayName: 'Contact Name',
				name: 'contactName',
				type: 'string',
				default: '',
				description: 'Contact name shown to registrants',
			},
			zoom: 'contact_name',
			schema: z.string(),
		},
		flag('hdVideo', 'HD Video', 'hd_video', 'Whether to send HD video'),
		flag(
			'hostVideo',
			'Host Video',
			'host_video',
			"Whether the host's video is on when the webinar starts",
		),
		flag(
			'meetingAuthentication',
			'Require Authentication',
			'meeting_authentication',
			'Whether only authenticated users may join',
		),
		flag(
			'onDemand',
			'On Demand',
			'on_demand',
			'Whether the recording is available on demand to registrants',
		),
		flag(
			'panelistsVideo',
			'Panelists Video',
			'panelists_video',
			"Whether panelists' video is on when they join",
		),
		flag(
			'postWebinarSurvey',
			'Post Webinar Survey',
			'post_webinar_survey',
			'Whether attendees get a survey after the webinar',
		),
		flag(
			'practiceSession',
			'Practice Session',
			'practice_session',
			'Whether to start with a practice session for panelists',
		),
		{
			...flag(
				'questionAndAnswer',
				'Q&A',
				'question_and_answer.enable',
				'Whether the Q&A panel is enabled',
			),
		},
		choice(
			'registrationType',
			'Registration Type',
			'registration_type',
			'For recurring webinars with registration: what one registration covers',
			[
				{ name: 'Attendees Register Once for All Occurrences', value: 1 },
				{ name: 'Attendees Register for Each Occurrence', value: 2 },
				{ name: 'Attendees Register Once and Choose Occurrences', value: 3 },
			],
			1,
		),
		flag(
			'registrantsEmailNotification',
			'Registrants Email Notification',
			'registrants_email_notification',
			'Whether registrants get emails (confirmation, reminders)',
		),
		{
			property: {
				displayName: 'Registrants Limit',
				name: 'registrantsRestrictNumber',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 20000 },
				default: 0,
				description: 'Maximum number of registrants (0 = no limit)',
			},
			zoom: 'registrants_restrict_number',
			schema: z.coerce.number().int().min(0).max(20000, 'must be at most 20,000'),
		},
		{
			property: {
				displayName: 'Survey URL',
				name: 'surveyUrl',
				type: 'string',
				default: '',
				description: 'Link to a survey shown after the webinar',
			},
			zoom: 'survey_url',
			schema: z.string().url('must be a URL'),
		},
	],
);

/** Every optional webinar field: Create's Additional Fields and Update's Update Fields. */
export function webinarFieldDefinitions(withTopic: boolean): FieldDefinition[] {
	const fields: FieldDefinition[] = [
		{
			property: {
				displayName: 'Agenda',
				name: 'agenda',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Webinar description (up to 2,000 characters)',
			},
			zoom: 'agenda',
			schema: z.string().max(2000, 'must be at most 2,000 characters'),
		},
		{
			property: {
				displayName: 'Duration (Minutes)',
				name: 'duration',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description: 'Scheduled length in minutes',
			},
			zoom: 'duration',
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
			property: recurrenceProperty,
			zoom: 'recurrence',
			skip: (value) => !(value as IDataObject | undefined)?.recurrenceValues,
			transform: (value, context) =>
				buildWebinarRecurrence((value as IDataObject).recurrenceValues as IDataObject, context),
		},
		{
			property: {
				displayName: 'Schedule For',
				name: 'scheduleFor',
				type: 'string',
				default: '',
				placeholder: 'assistant-host@example.com',
				description:
					'Email or user ID of the user to schedule the webinar for (requires scheduling privilege)',
			},
			zoom: 'schedule_for',
			schema: z.string().trim().min(1, 'is required when set'),
		},
		settings,
		{
			property: {
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description:
					"Start of the webinar. A time without an offset is read in the chosen Time Zone (else the workflow's).",
			},
			zoom: 'start_time',
			skip: (value) => value === '',
			transform: (value, context) => {
				const zone =
					(context.siblings.timezone as string) || (context.extra.workflowTimezone as string);
				return validateField(
					context.ctx,
					context.itemIndex,
					context.label,
					startTimeSchema(zone),
					value,
				).startTime;
			},
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
			skip: (value) => value === '',
			schema: timezoneSchema,
		},
		choice(
			'type',
			'Type',
			'type',
			'Scheduled, or recurring with or without a fixed time',
			[
				{ name: 'Webinar', value: 5 },
				{ name: 'Recurring, No Fixed Time', value: 6 },
				{ name: 'Recurring, Fixed Time', value: 9 },
			],
			5,
		),
	];
	if (withTopic) {
		fields.push({
			property: {
				displayName: 'Topic',
				name: 'topic',
				type: 'string',
				default: '',
				description: 'Webinar topic (up to 200 characters)',
			},
			zoom: 'topic',
			schema: topicSchema,
		});
	}
	return fields;
}

/**
 * Zoom's webinar body from the node's fields, after checking every value. A start time without
 * an offset is local time: it is sent with the chosen time zone, else the workflow's.
 */
export function buildWebinarBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	definitions: readonly FieldDefinition[],
	values: IDataObject,
	base: IDataObject = {},
): IDataObject {
	const workflowTimezone = ctx.getTimezone();
	const { body } = applyFields(
		ctx,
		itemIndex,
		definitions,
		values,
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
