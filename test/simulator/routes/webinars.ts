/** Webinars: CRUD and end, for hosts with a Webinar licence. */
import { apiErrors, ZoomApiError } from '../errors';
import type { MeetingInput } from '../model';
import { normaliseRecurrence } from '../recurrence';
import type { ApiContext, ApiResult, RouteDef } from '../router';
import { deepMerge } from '../settings';
import { isoSeconds, isValidTimeZone, parseStartTime } from '../time';
import type { ZoomMeeting, ZoomUser } from '../types';
import { Checker, decodeParam, isPlainObject, queryBoolean, resolveUser } from './common';
import { EVENT_SCOPES } from './eventScopes';
import { events, MEETING_TYPE_OF, type SimWebinar } from './events';

const PASSWORD = /^[a-zA-Z0-9@\-_*]*$/;

const BOOLEAN_SETTINGS = [
	'host_video',
	'panelists_video',
	'practice_session',
	'hd_video',
	'hd_video_for_attendees',
	'send_1080p_video_to_attendees',
	'enforce_login',
	'close_registration',
	'show_share_button',
	'allow_multiple_devices',
	'on_demand',
	'registrants_confirmation_email',
	'registrants_email_notification',
	'panelists_invitation_email_notification',
	'post_webinar_survey',
	'meeting_authentication',
	'notify_registrants',
	'alternative_host_update_polls',
	'panelist_authentication',
	'add_watermark',
	'add_audio_watermark',
	'enable_session_branding',
] as const;
const STRING_SETTINGS = [
	'alternative_hosts',
	'contact_name',
	'contact_email',
	'enforce_login_domains',
	'authentication_option',
	'authentication_domains',
	'email_language',
	'survey_url',
	'audio_conference_info',
] as const;
const ENUM_SETTINGS: Record<string, unknown[]> = {
	approval_type: [0, 1, 2],
	registration_type: [1, 2, 3],
	audio: ['both', 'telephony', 'voip', 'thirdParty'],
	auto_recording: ['local', 'cloud', 'none'],
};
const QA_BOOLEANS = [
	'enable',
	'allow_submit_questions',
	'allow_anonymous_questions',
	'attendees_can_comment',
	'attendees_can_upvote',
	'allow_auto_reply',
];

function requireLicence(ctx: ApiContext, host: ZoomUser): void {
	if (events(ctx.state).withoutWebinarLicence.has(host.id))
		throw new ZoomApiError(
			400,
			200,
			`Webinar plan is missing. You must subscribe to the Webinar plan and enable webinars for the "${host.email}" user to perform this action.`,
		);
}

function resolveWebinar(ctx: ApiContext, allowUuid = false): SimWebinar {
	const raw = decodeParam(ctx.rawParams.webinarId) ?? ctx.rawParams.webinarId;
	const store = events(ctx.state);
	const webinar = /^\d+$/.test(raw)
		? store.webinars.get(Number(raw))
		: // Only Get takes a webinar UUID (its path parameter is a string in Zoom's spec).
			allowUuid
			? findByUuid(ctx, raw)
			: undefined;
	const host = webinar ? ctx.state.users.get(webinar.host_id) : undefined;
	if (!webinar || !host || host.account_id !== ctx.token.accountId)
		throw new ZoomApiError(404, 3001, `Webinar ${raw} not found or has expired.`);
	requireLicence(ctx, host);
	return webinar;
}

/** A UUID that starts with "/" or contains "//" only arrives intact double-encoded, as on Zoom. */
function findByUuid(ctx: ApiContext, once: string): SimWebinar | undefined {
	let uuid = once;
	if (once.includes('%')) uuid = decodeParam(once) ?? once;
	else if (once.startsWith('/') || once.includes('//')) return undefined;
	for (const webinar of events(ctx.state).webinars.values())
		if (webinar.uuid === uuid) return webinar;
	return undefined;
}

function validateSettings(input: unknown, check: Checker): Record<string, unknown> | undefined {
	if (input === undefined || input === null) return undefined;
	if (!isPlainObject(input)) {
		check.push('settings');
		return undefined;
	}
	const known = new Set<string>([
		...BOOLEAN_SETTINGS,
		...STRING_SETTINGS,
		...Object.keys(ENUM_SETTINGS),
		'question_and_answer',
		'registrants_restrict_number',
	]);
	for (const [key, value] of Object.entries(input)) {
		if (!known.has(key)) check.push(`settings.${key}`, 'Unknown field.');
		else if ((BOOLEAN_SETTINGS as readonly string[]).includes(key) && typeof value !== 'boolean')
			check.push(`settings.${key}`);
		else if ((STRING_SETTINGS as readonly string[]).includes(key) && typeof value !== 'string')
			check.push(`settings.${key}`);
		else if (ENUM_SETTINGS[key] && !ENUM_SETTINGS[key].includes(value))
			check.push(`settings.${key}`);
	}
	const restrict = input.registrants_restrict_number;
	if (
		restrict !== undefined &&
		(!Number.isInteger(restrict) || (restrict as number) < 0 || (restrict as number) > 20000)
	)
		check.push('settings.registrants_restrict_number');
	const qa = input.question_and_answer;
	if (qa !== undefined) {
		if (!isPlainObject(qa)) check.push('settings.question_and_answer');
		else
			for (const [key, value] of Object.entries(qa)) {
				if (
					QA_BOOLEANS.includes(key)
						? typeof value !== 'boolean'
						: key !== 'answer_questions' && key !== 'auto_reply_text'
				)
					check.push(`settings.question_and_answer.${key}`);
			}
	}
	return input;
}

function readWebinarInput(
	ctx: ApiContext,
	current?: SimWebinar,
): MeetingInput & { schedule_for?: string } {
	const check = new Checker(ctx.body);
	const input: MeetingInput & { schedule_for?: string } = {};
	const topic = check.string('topic', { max: 200 });
	if (topic !== undefined) input.topic = topic;
	const type = check.integer('type', { oneOf: [5, 6, 9] });
	if (type !== undefined) input.type = type;
	const duration = check.integer('duration', { min: 0 });
	if (duration !== undefined) input.duration = duration;
	const agenda = check.string('agenda', { max: 2000 });
	if (agenda !== undefined) input.agenda = agenda;
	const password = check.string('password', {
		max: 10,
		pattern: PASSWORD,
		message: 'Password can only have [a-z A-Z 0-9 @ - _ *] and max 10 characters.',
	});
	if (password !== undefined) input.password = password;
	const timezone = check.string('timezone');
	if (timezone !== undefined) {
		if (isValidTimeZone(timezone)) input.timezone = timezone;
		else check.push('timezone');
	}
	const startTime = check.string('start_time');
	if (startTime !== undefined) {
		if (parseStartTime(startTime, input.timezone ?? current?.timezone ?? 'UTC') === undefined)
			check.push('start_time');
		else input.start_time = startTime;
	}
	const settings = validateSettings(ctx.body.settings, check);
	if (settings) input.settings = settings;
	if (ctx.body.recurrence !== undefined && ctx.body.recurrence !== null) {
		const recurrence = normaliseRecurrence(ctx.body.recurrence, check.errors);
		if ((input.type ?? current?.type ?? 5) === 9 && recurrence) input.recurrence = recurrence;
	}
	const scheduleFor = check.string('schedule_for');
	if (scheduleFor !== undefined) input.schedule_for = scheduleFor;
	const known = new Set([
		'topic',
		'type',
		'duration',
		'agenda',
		'password',
		'timezone',
		'start_time',
		'settings',
		'recurrence',
		'schedule_for',
		'tracking_fields',
		'template_id',
		'is_simulive',
		'record_file_id',
	]);
	for (const key of Object.keys(ctx.body)) if (!known.has(key)) check.push(key, 'Unknown field.');
	check.throwIfAny();
	return input;
}

function listView(w: ZoomMeeting): Record<string, unknown> {
	const view: Record<string, unknown> = {
		uuid: w.uuid,
		id: w.id,
		host_id: w.host_id,
		topic: w.topic,
		type: w.type,
		start_time: w.start_time,
		duration: w.duration,
		timezone: w.timezone,
		agenda: w.agenda ? w.agenda.slice(0, 250) : undefined,
		created_at: w.created_at,
		join_url: w.join_url,
	};
	for (const key of Object.keys(view)) if (view[key] === undefined) delete view[key];
	return view;
}

function listWebinars(ctx: ApiContext): ApiResult {
	const host = resolveUser(ctx, ctx.rawParams.userId);
	requireLicence(ctx, host);
	const check = new Checker(Object.fromEntries(ctx.query));
	const type = check.oneOf('type', ['scheduled', 'upcoming'] as const) ?? 'scheduled';
	check.throwIfAny();
	const now = Date.now();
	const page = ctx.pages.paginate(`webinars|${host.id}`, ctx.query, { type }, (f) =>
		[...events(ctx.state).webinars.values()].filter((w) => {
			if (w.host_id !== host.id) return false;
			if (f.type !== 'upcoming' || w.type === 6) return true;
			const last = w.occurrences?.[w.occurrences.length - 1];
			const end =
				Date.parse(last?.start_time ?? w.start_time ?? '') +
				(last?.duration ?? w.duration) * 60_000;
			return w.status === 'started' || end >= now;
		}),
	);
	return {
		status: 200,
		body: {
			page_count: page.pageCount,
			page_number: page.pageNumber,
			page_size: page.pageSize,
			total_records: page.totalRecords,
			next_page_token: page.nextPageToken,
			webinars: page.items.map(listView),
		},
	};
}

function createWebinar(ctx: ApiContext): ApiResult {
	let host = resolveUser(ctx, ctx.rawParams.userId);
	const { schedule_for: scheduleFor, ...input } = readWebinarInput(ctx);
	if (scheduleFor !== undefined) {
		const other = ctx.state.findUser(scheduleFor, ctx.token.accountId);
		if (!other)
			throw apiErrors.badRequest(
				300,
				'The value that you entered for the schedule_for field is invalid. Enter a valid value and try again.',
			);
		host = other;
	}
	requireLicence(ctx, host);
	const store = events(ctx.state);
	const webinar = store.addWebinar(host.id, input);
	store.applied.webinarCreates++;
	return { status: 201, body: structuredClone(webinar) };
}

function getWebinar(ctx: ApiContext): ApiResult {
	const webinar = resolveWebinar(ctx, true);
	const view: Record<string, unknown> = structuredClone(webinar);
	if (webinar.occurrences) {
		const now = Date.now();
		if (!queryBoolean(ctx.query, 'show_previous_occurrences'))
			view.occurrences = webinar.occurrences.filter(
				(o) => Date.parse(o.start_time) + o.duration * 60_000 >= now,
			);
		const occurrenceId = ctx.query.get('occurrence_id');
		if (occurrenceId) {
			const occurrence = webinar.occurrences.find((o) => o.occurrence_id === occurrenceId);
			if (!occurrence) throw new ZoomApiError(400, 3000, 'Invalid occurrence_id.');
			view.start_time = occurrence.start_time;
			view.duration = occurrence.duration;
		}
	}
	return { status: 200, body: view };
}

function updateWebinar(ctx: ApiContext): ApiResult {
	const webinar = resolveWebinar(ctx);
	const input = readWebinarInput(ctx, webinar);
	const occurrenceId = ctx.query.get('occurrence_id');
	if (occurrenceId !== null) {
		const occurrence = webinar.occurrences?.find((o) => o.occurrence_id === occurrenceId);
		if (!occurrence) throw new ZoomApiError(400, 3000, 'Invalid occurrence_id.');
		if (input.start_time !== undefined)
			occurrence.start_time = isoSeconds(
				parseStartTime(input.start_time, input.timezone ?? webinar.timezone)!,
			);
		if (input.duration !== undefined) occurrence.duration = input.duration;
		if (input.agenda !== undefined) webinar.agenda = input.agenda;
		if (input.settings) deepMerge(webinar.settings, input.settings);
		return { status: 204 };
	}
	if (input.topic !== undefined) webinar.topic = input.topic;
	if (input.agenda !== undefined) webinar.agenda = input.agenda;
	if (input.password !== undefined) webinar.password = input.password;
	if (input.settings) deepMerge(webinar.settings, input.settings);
	if (input.duration !== undefined) webinar.duration = input.duration;
	if (input.timezone !== undefined) webinar.timezone = input.timezone;
	if (input.type !== undefined) webinar.type = input.type;
	if (
		input.type !== undefined ||
		input.start_time !== undefined ||
		input.recurrence !== undefined ||
		input.duration !== undefined
	)
		events(ctx.state).reschedule(webinar, input.start_time, input.recurrence);
	if (MEETING_TYPE_OF[webinar.type] === undefined)
		throw new ZoomApiError(400, 300, 'Invalid webinar type.');
	return { status: 204 };
}

function deleteWebinar(ctx: ApiContext): ApiResult {
	const webinar = resolveWebinar(ctx);
	const check = new Checker(Object.fromEntries(ctx.query));
	check.oneOf('cancel_webinar_reminder', ['true', 'false'] as const);
	check.throwIfAny();
	const occurrenceId = ctx.query.get('occurrence_id');
	if (occurrenceId !== null) {
		const occurrence = webinar.occurrences?.find((o) => o.occurrence_id === occurrenceId);
		if (!occurrence) throw new ZoomApiError(400, 3000, 'Invalid occurrence_id.');
		occurrence.status = 'deleted';
		return { status: 204 };
	}
	if (webinar.status === 'started')
		throw new ZoomApiError(
			400,
			3002,
			'Sorry, you cannot delete this webinar since it is in progress.',
		);
	const store = events(ctx.state);
	store.webinars.delete(webinar.id);
	store.registrants.delete(`webinar:${webinar.id}`);
	store.panelists.delete(webinar.id);
	return { status: 204 };
}

function webinarStatus(ctx: ApiContext): ApiResult {
	const webinar = resolveWebinar(ctx);
	const check = new Checker(ctx.body);
	check.oneOf('action', ['end'] as const, true);
	check.throwIfAny();
	webinar.status = 'waiting';
	return { status: 204 };
}

export const webinarRoutes: RouteDef[] = [
	{
		method: 'GET',
		template: '/users/{userId}/webinars',
		category: 'medium',
		scopes: EVENT_SCOPES.listWebinars,
		handler: listWebinars,
	},
	{
		method: 'POST',
		template: '/users/{userId}/webinars',
		category: 'light',
		scopes: EVENT_SCOPES.createWebinar,
		handler: createWebinar,
	},
	{
		method: 'GET',
		template: '/webinars/{webinarId}',
		category: 'light',
		scopes: EVENT_SCOPES.getWebinar,
		handler: getWebinar,
	},
	{
		method: 'PATCH',
		template: '/webinars/{webinarId}',
		category: 'light',
		scopes: EVENT_SCOPES.updateWebinar,
		handler: updateWebinar,
	},
	{
		method: 'DELETE',
		template: '/webinars/{webinarId}',
		category: 'light',
		scopes: EVENT_SCOPES.deleteWebinar,
		handler: deleteWebinar,
	},
	{
		method: 'PUT',
		template: '/webinars/{webinarId}/status',
		category: 'light',
		scopes: EVENT_SCOPES.webinarStatus,
		handler: webinarStatus,
	},
];
