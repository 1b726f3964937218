import { apiErrors, ZoomApiError } from '../errors';
import { randomAlnum, randomDigits } from '../ids';
import { applySchedule, type MeetingInput } from '../model';
import { normaliseRecurrence } from '../recurrence';
import type { ApiContext, ApiResult, RouteDef } from '../router';
import { ENDPOINT_SCOPES } from '../scopes';
import { deepMerge, validateMeetingSettings } from '../settings';
import { invitationTime, isoSeconds, isValidTimeZone, parseStartTime } from '../time';
import type { ZoomMeeting, ZoomUser } from '../types';
import { Checker, decodeParam, isPlainObject, queryBoolean, resolveUser } from './common';

const LIST_TYPES = [
	'scheduled',
	'live',
	'upcoming',
	'upcoming_meetings',
	'previous_meetings',
] as const;
const PASSWORD = /^[a-zA-Z0-9@\-_*]*$/;
const PASSWORD_MESSAGE = 'Password can only have [a-z A-Z 0-9 @ - _ *] and max 10 characters.';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The meeting id in the path: a number, or a UUID. A UUID beginning with '/' or containing '//'
 * only survives Zoom's gateway when double-encoded, so single-encoded ones are not found.
 */
function decodeMeetingId(raw: string): { lookup?: string; shown: string } {
	const once = decodeParam(raw);
	if (once === undefined) return { shown: raw };
	if (/^\d+$/.test(once)) return { lookup: once, shown: once };
	if (once.includes('%')) {
		const twice = decodeParam(once);
		return twice === undefined ? { shown: once } : { lookup: twice, shown: twice };
	}
	if (once.startsWith('/') || once.includes('//')) return { shown: once };
	return { lookup: once, shown: once };
}

function resolveMeeting(
	ctx: ApiContext,
	pool: Map<number, ZoomMeeting> = ctx.state.meetings,
): ZoomMeeting {
	const { lookup, shown } = decodeMeetingId(ctx.rawParams.meetingId);
	let meeting: ZoomMeeting | undefined;
	if (lookup !== undefined) {
		if (/^\d+$/.test(lookup)) meeting = pool.get(Number(lookup));
		else for (const m of pool.values()) if (m.uuid === lookup) meeting = m;
	}
	if (!meeting || ctx.state.accountOfMeeting(meeting) !== ctx.token.accountId)
		throw apiErrors.meetingNotFound(shown);
	return meeting;
}

function endMs(m: ZoomMeeting): number {
	if (m.type === 3) return Infinity;
	const last = m.occurrences?.[m.occurrences.length - 1];
	const start = Date.parse(last?.start_time ?? m.start_time ?? '');
	return start + (last?.duration ?? m.duration) * 60_000;
}

function matchesType(m: ZoomMeeting, type: (typeof LIST_TYPES)[number], now: number): boolean {
	const live = m.status === 'started';
	switch (type) {
		case 'live':
			return live;
		case 'upcoming':
		case 'upcoming_meetings':
			return live || (m.type !== 1 && endMs(m) >= now);
		case 'previous_meetings':
			return !live && m.type !== 3 && endMs(m) < now;
		default:
			// Instant meetings that are not running are not "scheduled".
			return live || m.type !== 1;
	}
}

function listView(m: ZoomMeeting): Record<string, unknown> {
	const view: Record<string, unknown> = {
		uuid: m.uuid,
		id: m.id,
		host_id: m.host_id,
		topic: m.topic,
		type: m.type,
		start_time: m.start_time,
		duration: m.duration,
		timezone: m.timezone,
		agenda: m.agenda || undefined,
		created_at: m.created_at,
		join_url: m.join_url,
	};
	for (const key of Object.keys(view)) if (view[key] === undefined) delete view[key];
	return view;
}

function listMeetings(ctx: ApiContext): ApiResult {
	const host = resolveUser(ctx, ctx.rawParams.userId);
	const check = new Checker(Object.fromEntries(ctx.query));
	const type = check.oneOf('type', LIST_TYPES) ?? 'scheduled';
	const from = check.string('from', { pattern: DATE, message: 'Invalid field.' });
	const to = check.string('to', { pattern: DATE, message: 'Invalid field.' });
	check.throwIfAny();
	const filters: Record<string, string> = { type };
	if (from) filters.from = from;
	if (to) filters.to = to;
	const now = Date.now();
	const page = ctx.pages.paginate(`meetings|${host.id}`, ctx.query, filters, (f) =>
		ctx.state.meetingsOf(host.id).filter((m) => {
			if (!matchesType(m, f.type as (typeof LIST_TYPES)[number], now)) return false;
			if (!f.from && !f.to) return true;
			const day = m.start_time?.slice(0, 10);
			if (!day) return false;
			return (!f.from || day >= f.from) && (!f.to || day <= f.to);
		}),
	);
	return {
		status: 200,
		body: {
			page_size: page.pageSize,
			total_records: page.totalRecords,
			next_page_token: page.nextPageToken,
			meetings: page.items.map(listView),
		},
	};
}

/** Validates a create (all optional, Zoom fills defaults) or update body. */
function readMeetingInput(
	ctx: ApiContext,
	current?: ZoomMeeting,
): MeetingInput & { schedule_for?: string } {
	const check = new Checker(ctx.body);
	const input: MeetingInput & { schedule_for?: string } = {};
	const set = <K extends keyof MeetingInput>(key: K, value: MeetingInput[K] | undefined) => {
		if (value !== undefined) input[key] = value;
	};
	set('topic', check.string('topic', { max: 200 }));
	set('type', check.integer('type', { oneOf: [1, 2, 3, 8] }));
	set('duration', check.integer('duration', { min: 0 }));
	set('agenda', check.string('agenda', { max: 2000 }));
	set('pre_schedule', check.boolean('pre_schedule'));
	set(
		'password',
		check.string('password', { max: 10, pattern: PASSWORD, message: PASSWORD_MESSAGE }),
	);
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
	const settings = validateMeetingSettings(ctx.body.settings, check.errors);
	if (settings) input.settings = settings;
	const type = input.type ?? current?.type ?? 2;
	if (ctx.body.recurrence !== undefined && ctx.body.recurrence !== null && type === 8) {
		input.recurrence = normaliseRecurrence(ctx.body.recurrence, check.errors);
	}
	if (ctx.body.tracking_fields !== undefined) {
		const fields = ctx.body.tracking_fields;
		if (
			!Array.isArray(fields) ||
			!fields.every((f) => isPlainObject(f) && typeof f.field === 'string')
		)
			check.push('tracking_fields');
		else input.tracking_fields = fields as ZoomMeeting['tracking_fields'];
	}
	const scheduleFor = check.string('schedule_for');
	if (scheduleFor !== undefined) input.schedule_for = scheduleFor;
	check.throwIfAny();
	return input;
}

function scheduleForHost(ctx: ApiContext, email: string, type: number): ZoomUser {
	if (type === 1)
		throw new ZoomApiError(
			400,
			3000,
			'Instant meetings do not support the schedule_for parameter; you cannot schedule an instant meeting for another user.',
		);
	const host = ctx.state.findUser(email, ctx.token.accountId);
	if (!host)
		throw apiErrors.badRequest(
			300,
			'The value that you entered for the schedule_for field is invalid. Enter a valid value and try again.',
		);
	return host;
}

function meetingWriteQuota(ctx: ApiContext, hostId: string): void {
	const refused = ctx.limiter.admitMeetingWrite(hostId, ctx.category);
	if (refused) throw refused;
}

function createMeeting(ctx: ApiContext): ApiResult {
	let host = resolveUser(ctx, ctx.rawParams.userId);
	const { schedule_for: scheduleFor, ...input } = readMeetingInput(ctx);
	if (scheduleFor !== undefined) host = scheduleForHost(ctx, scheduleFor, input.type ?? 2);
	meetingWriteQuota(ctx, host.id);
	if (input.type === 1) delete input.start_time;
	if (input.type !== 8) delete input.recurrence;
	const meeting = ctx.state.addMeeting(host.id, input);
	ctx.state.applied.meetingCreates++;
	return { status: 201, body: meetingView(meeting, { showPrevious: true }) };
}

/** GET shape: only upcoming occurrences unless asked; an occurrence_id shows that occurrence's time. */
function meetingView(
	m: ZoomMeeting,
	opts: { showPrevious?: boolean; occurrenceId?: string } = {},
): Record<string, unknown> {
	const view: Record<string, unknown> = structuredClone(m);
	if (m.occurrences) {
		const now = Date.now();
		view.occurrences = opts.showPrevious
			? m.occurrences
			: m.occurrences.filter((o) => Date.parse(o.start_time) + o.duration * 60_000 >= now);
		if (opts.occurrenceId !== undefined) {
			const occurrence = m.occurrences.find((o) => o.occurrence_id === opts.occurrenceId);
			if (!occurrence) throw new ZoomApiError(400, 3000, 'Invalid occurrence_id.');
			view.start_time = occurrence.start_time;
			view.duration = occurrence.duration;
		}
	}
	return view;
}

function getMeeting(ctx: ApiContext): ApiResult {
	const meeting = resolveMeeting(ctx);
	return {
		status: 200,
		body: meetingView(meeting, {
			showPrevious: queryBoolean(ctx.query, 'show_previous_occurrences'),
			occurrenceId: ctx.query.get('occurrence_id') ?? undefined,
		}),
	};
}

function setPassword(m: ZoomMeeting, password: string): void {
	m.password = password;
	const numeric = /^\d+$/.test(password) ? password : password ? randomDigits(6) : '';
	m.h323_password = numeric;
	m.pstn_password = numeric;
	m.encrypted_password = password ? `${randomAlnum(32)}.1` : '';
	m.join_url =
		m.join_url.replace(/\?pwd=.*$/, '') + (password ? `?pwd=${m.encrypted_password}` : '');
}

function updateMeeting(ctx: ApiContext): ApiResult {
	const meeting = resolveMeeting(ctx);
	const { schedule_for: scheduleFor, ...input } = readMeetingInput(ctx, meeting);
	let host = ctx.state.users.get(meeting.host_id)!;
	if (scheduleFor !== undefined)
		host = scheduleForHost(ctx, scheduleFor, input.type ?? meeting.type);
	meetingWriteQuota(ctx, host.id);
	const occurrenceId = ctx.query.get('occurrence_id');
	if (occurrenceId !== null) {
		const occurrence = meeting.occurrences?.find((o) => o.occurrence_id === occurrenceId);
		if (!occurrence) throw new ZoomApiError(400, 3000, 'Invalid occurrence_id.');
		// Only time, duration, agenda and settings can differ per occurrence.
		if (input.start_time !== undefined) {
			const ms = parseStartTime(input.start_time, input.timezone ?? meeting.timezone)!;
			occurrence.start_time = isoSeconds(ms);
		}
		if (input.duration !== undefined) occurrence.duration = input.duration;
		if (input.agenda !== undefined) meeting.agenda = input.agenda;
		if (input.settings) deepMerge(meeting.settings, input.settings);
		return { status: 204 };
	}
	meeting.host_id = host.id;
	meeting.host_email = host.email;
	if (input.topic !== undefined) meeting.topic = input.topic;
	if (input.agenda !== undefined) meeting.agenda = input.agenda;
	if (input.pre_schedule !== undefined) meeting.pre_schedule = input.pre_schedule;
	if (input.tracking_fields !== undefined) meeting.tracking_fields = input.tracking_fields;
	if (input.settings) deepMerge(meeting.settings, input.settings);
	if (input.password !== undefined) setPassword(meeting, input.password);
	const scheduleChanged =
		input.type !== undefined ||
		input.start_time !== undefined ||
		input.duration !== undefined ||
		input.timezone !== undefined ||
		input.recurrence !== undefined;
	if (input.type !== undefined) meeting.type = input.type;
	if (input.duration !== undefined) meeting.duration = input.duration;
	if (input.timezone !== undefined) meeting.timezone = input.timezone;
	if (scheduleChanged) applySchedule(meeting, input.start_time, input.recurrence);
	return { status: 204 };
}

function deleteMeeting(ctx: ApiContext): ApiResult {
	const meeting = resolveMeeting(ctx);
	const occurrenceId = ctx.query.get('occurrence_id');
	if (occurrenceId !== null) {
		const occurrence = meeting.occurrences?.find((o) => o.occurrence_id === occurrenceId);
		if (!occurrence) throw new ZoomApiError(400, 3000, 'Invalid occurrence_id.');
		occurrence.status = 'deleted';
		return { status: 204 };
	}
	if (meeting.status === 'started')
		throw new ZoomApiError(
			400,
			3002,
			'Sorry, you cannot delete this meeting since it is in progress.',
		);
	ctx.state.meetings.delete(meeting.id);
	ctx.state.deletedMeetings.set(meeting.id, meeting);
	return { status: 204 };
}

function updateMeetingStatus(ctx: ApiContext): ApiResult {
	const check = new Checker(ctx.body);
	const action = check.oneOf('action', ['end', 'recover'], true);
	check.throwIfAny();
	if (action === 'recover') {
		const meeting = resolveMeeting(ctx, ctx.state.deletedMeetings);
		ctx.state.deletedMeetings.delete(meeting.id);
		ctx.state.meetings.set(meeting.id, meeting);
		return { status: 204 };
	}
	// Zoom answers 204 whether or not the meeting was running.
	resolveMeeting(ctx).status = 'waiting';
	return { status: 204 };
}

function groupedId(id: number): string {
	const s = String(id);
	if (s.length === 11) return `${s.slice(0, 3)} ${s.slice(3, 7)} ${s.slice(7)}`;
	if (s.length === 10) return `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`;
	return `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`;
}

function getInvitation(ctx: ApiContext): ApiResult {
	const m = resolveMeeting(ctx);
	const host = ctx.state.users.get(m.host_id);
	const who = host?.display_name || host?.email || 'Zoom user';
	const id = groupedId(m.id);
	const when =
		m.type === 3 || !m.start_time
			? 'This is a recurring meeting Meet anytime'
			: `${invitationTime(Date.parse(m.start_time), m.timezone)} ${m.timezone.replace('/', ', ')}`;
	const lines = [
		`${who} is inviting you to a scheduled Zoom meeting.`,
		'',
		`Topic: ${m.topic}`,
		`Time: ${when}`,
		'',
		'Join Zoom Meeting',
		m.join_url,
		'',
		`Meeting ID: ${id}`,
	];
	if (m.password) lines.push(`Passcode: ${m.password}`);
	lines.push(
		'',
		'---',
		'',
		'One tap mobile',
		`+16699006833,,${m.id}#,,,,*${m.pstn_password}# US (San Jose)`,
		'',
	);
	lines.push('Dial by your location', '• +1 669 900 6833 US (San Jose)', `Meeting ID: ${id}`);
	if (m.pstn_password) lines.push(`Passcode: ${m.pstn_password}`);
	lines.push('', '');
	return { status: 200, body: { invitation: lines.join('\r\n'), sip_links: [] } };
}

export const meetingRoutes: RouteDef[] = [
	{
		method: 'GET',
		template: '/users/{userId}/meetings',
		category: 'medium',
		scopes: ENDPOINT_SCOPES.listMeetings,
		handler: listMeetings,
	},
	{
		method: 'POST',
		template: '/users/{userId}/meetings',
		category: 'medium',
		scopes: ENDPOINT_SCOPES.createMeeting,
		handler: createMeeting,
	},
	{
		method: 'GET',
		template: '/meetings/{meetingId}',
		category: 'light',
		scopes: ENDPOINT_SCOPES.getMeeting,
		handler: getMeeting,
	},
	{
		method: 'PATCH',
		template: '/meetings/{meetingId}',
		category: 'light',
		scopes: ENDPOINT_SCOPES.updateMeeting,
		handler: updateMeeting,
	},
	{
		method: 'DELETE',
		template: '/meetings/{meetingId}',
		category: 'light',
		scopes: ENDPOINT_SCOPES.deleteMeeting,
		handler: deleteMeeting,
	},
	{
		method: 'PUT',
		template: '/meetings/{meetingId}/status',
		category: 'light',
		scopes: ENDPOINT_SCOPES.meetingStatus,
		handler: updateMeetingStatus,
	},
	{
		method: 'GET',
		template: '/meetings/{meetingId}/invitation',
		category: 'light',
		scopes: ENDPOINT_SCOPES.meetingInvitation,
		handler: getInvitation,
	},
];
