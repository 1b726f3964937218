import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import {
	durationSchema,
	emailSchema,
	meetingPasswordSchema,
	startTimeSchema,
	timezoneSchema,
	topicSchema,
} from './schemas';
import { validateField } from './validation';

/** The node's meeting fields (Create's additionalFields, Update's updateFields). */
export interface MeetingFields {
	topic?: string;
	type?: number;
	startTime?: string;
	timezone?: string;
	duration?: number;
	password?: string;
	agenda?: string;
	scheduleFor?: string;
	recurrence?: { recurrenceValues?: IDataObject };
	settings?: IDataObject;
}

const SETTINGS_MAP: Record<string, string> = {
	hostVideo: 'host_video',
	participantVideo: 'participant_video',
	joinBeforeHost: 'join_before_host',
	jbhTime: 'jbh_time',
	muteUponEntry: 'mute_upon_entry',
	waitingRoom: 'waiting_room',
	approvalType: 'approval_type',
	registrationType: 'registration_type',
	audio: 'audio',
	autoRecording: 'auto_recording',
	meetingAuthentication: 'meeting_authentication',
	encryptionType: 'encryption_type',
};

const emailList = z
	.string()
	.transform((v) =>
		v
			.split(/[,;\s]+/)
			.map((e) => e.trim())
			.filter(Boolean),
	)
	.pipe(z.array(emailSchema));

const recurrenceIntervalLimit: Record<number, number> = { 1: 99, 2: 50, 3: 10 };

function buildRecurrence(
	ctx: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
	timezone: string | undefined,
): IDataObject {
	const type = Number(values.type ?? 2);
	const recurrence: IDataObject = { type };
	const interval = validateField(
		ctx,
		itemIndex,
		'Recurrence → Repeat Interval',
		z.coerce
			.number()
			.int()
			.min(1)
			.max(recurrenceIntervalLimit[type] ?? 99),
		values.repeatInterval ?? 1,
	);
	recurrence.repeat_interval = interval;
	if (type === 2) {
		const days = (values.weeklyDays as number[] | undefined) ?? [];
		if (days.length === 0) {
			validateField(
				ctx,
				itemIndex,
				'Recurrence → Weekly Days',
				z.array(z.number()).min(1, 'choose at least one day'),
				days,
			);
		}
		recurrence.weekly_days = [...days].sort().join(',');
	}
	if (type === 3) {
		if ((values.monthlyBy ?? 'day') === 'week') {
			recurrence.monthly_week = Number(values.monthlyWeek ?? 1);
			recurrence.monthly_week_day = Number(values.monthlyWeekDay ?? 2);
		} else {
			recurrence.monthly_day = validateField(
				ctx,
				itemIndex,
				'Recurrence → Monthly Day',
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
			'Recurrence → End After',
			z.number().int().max(60, 'must be at most 60 occurrences'),
			endTimes,
		);
	} else if (values.endDateTime) {
		const end = validateField(
			ctx,
			itemIndex,
			'Recurrence → End Date Time',
			startTimeSchema(timezone),
			values.endDateTime,
		);
		recurrence.end_date_time = end.startTime.endsWith('Z') ? end.startTime : `${end.startTime}Z`;
	}
	return recurrence;
}

function buildSettings(ctx: IExecuteFunctions, itemIndex: number, input: IDataObject): IDataObject {
	const settings: IDataObject = {};
	for (const [key, zoomKey] of Object.entries(SETTINGS_MAP)) {
		// false and 0 are real choices (e.g. turning the waiting room off), so only undefined is skipped.
		if (input[key] !== undefined) settings[zoomKey] = input[key];
	}
	if (input.alternativeHosts !== undefined) {
		settings.alternative_hosts = validateField(
			ctx,
			itemIndex,
			'Settings → Alternative Hosts',
			emailList,
			String(input.alternativeHosts),
		).join(';');
	}
	if (input.authenticationDomains !== undefined) {
		settings.authentication_domains = String(input.authenticationDomains);
	}
	if (input.meetingInvitees !== undefined) {
		const emails = validateField(
			ctx,
			itemIndex,
			'Settings → Meeting Invitees',
			emailList,
			String(input.meetingInvitees),
		);
		settings.meeting_invitees = emails.map((email) => ({ email }));
	}
	return settings;
}

/**
 * Builds Zoom's meeting body from the node's fields, the same way for Create and Update, after
 * validating every value. `workflowTimezone` is used for a start time without an offset when no
 * time zone was chosen.
 */
export function buildMeetingBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: MeetingFields,
	workflowTimezone: string,
): IDataObject {
	const body: IDataObject = {};
	if (fields.topic !== undefined)
		body.topic = validateField(ctx, itemIndex, 'Topic', topicSchema, fields.topic);
	if (fields.type !== undefined)
		body.type = validateField(
			ctx,
			itemIndex,
			'Type',
			z.coerce.number().refine((t) => [1, 2, 3, 8].includes(t), 'must be 1, 2, 3 or 8'),
			fields.type,
		);
	const chosenZone = fields.timezone
		? validateField(ctx, itemIndex, 'Time Zone', timezoneSchema, fields.timezone)
		: undefined;
	if (chosenZone) body.timezone = chosenZone;
	if (fields.startTime !== undefined && fields.startTime !== '') {
		const start = validateField(
			ctx,
			itemIndex,
			'Start Time',
			startTimeSchema(chosenZone ?? workflowTimezone),
			fields.startTime,
		);
		body.start_time = start.startTime;
		if (!start.startTime.endsWith('Z') && start.timezone) body.timezone = start.timezone;
	}
	if (fields.duration !== undefined)
		body.duration = validateField(ctx, itemIndex, 'Duration', durationSchema, fields.duration);
	if (fields.password !== undefined)
		body.password = validateField(
			ctx,
			itemIndex,
			'Password',
			meetingPasswordSchema,
			fields.password,
			{ secret: true },
		);
	if (fields.agenda !== undefined)
		body.agenda = validateField(
			ctx,
			itemIndex,
			'Agenda',
			z.string().max(2000, 'must be at most 2,000 characters'),
			fields.agenda,
		);
	if (fields.scheduleFor) body.schedule_for = String(fields.scheduleFor).trim();
	const recurrenceValues = fields.recurrence?.recurrenceValues;
	if (recurrenceValues)
		body.recurrence = buildRecurrence(
			ctx,
			itemIndex,
			recurrenceValues,
			chosenZone ?? workflowTimezone,
		);
	if (fields.settings && Object.keys(fields.settings).length > 0) {
		body.settings = buildSettings(ctx, itemIndex, fields.settings);
	}
	return body;
}
