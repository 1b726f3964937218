import {
	randomAccessToken,
	randomAlnum,
	randomDigits,
	randomMeetingUuid,
	randomUserId,
} from './ids';
import { buildOccurrences, normaliseRecurrence } from './recurrence';
import { deepMerge, defaultMeetingSettings } from './settings';
import { isoSeconds, parseStartTime } from './time';
import type { ZoomMeeting, ZoomRecurrence, ZoomUser } from './types';

export const ROLE_NAMES: Record<string, string> = { '0': 'Owner', '1': 'Admin', '2': 'Member' };

export function buildUser(
	partial: Partial<ZoomUser>,
	ctx: { baseUrl: string; accountId: string; accountNumber: number; fallbackEmail: string },
): ZoomUser {
	const now = isoSeconds(Date.now());
	const first = partial.first_name ?? '';
	const last = partial.last_name ?? '';
	const pmi = partial.pmi ?? Number(`${1 + (Number(randomDigits(1)) % 9)}${randomDigits(9)}`);
	const roleId = partial.role_id ?? '2';
	const email = partial.email ?? ctx.fallbackEmail;
	const user: ZoomUser = {
		id: partial.id ?? randomUserId(),
		account_id: ctx.accountId,
		email,
		first_name: first,
		last_name: last,
		display_name: partial.display_name ?? `${first} ${last}`.trim(),
		type: partial.type ?? 1,
		role_name: partial.role_name ?? ROLE_NAMES[roleId] ?? 'Member',
		role_id: roleId,
		status: partial.status ?? 'active',
		pmi,
		use_pmi: partial.use_pmi ?? false,
		personal_meeting_url: partial.personal_meeting_url ?? `${ctx.baseUrl}/j/${pmi}`,
		timezone: partial.timezone ?? 'America/Los_Angeles',
		verified: partial.verified ?? 1,
		dept: partial.dept ?? '',
		created_at: partial.created_at ?? now,
		user_created_at: partial.user_created_at ?? partial.created_at ?? now,
		language: partial.language ?? 'en-US',
		phone_number: partial.phone_number ?? '',
		phone_country: partial.phone_country ?? '',
		job_title: partial.job_title ?? '',
		company: partial.company ?? '',
		location: partial.location ?? '',
		pic_url: partial.pic_url ?? '',
		group_ids: partial.group_ids ?? [],
		im_group_ids: partial.im_group_ids ?? [],
		login_types: partial.login_types ?? [100],
		cluster: partial.cluster ?? 'us06',
		jid: partial.jid ?? `${randomAlnum(22).toLowerCase()}@xmpp.zoom.us`,
		account_number: ctx.accountNumber,
		host_key: partial.host_key ?? randomDigits(6),
	};
	// Extra fields a test seeds (custom_attributes, …) go after Zoom's own, like Zoom orders them.
	for (const [key, value] of Object.entries(partial)) if (!(key in user)) user[key] = value;
	for (const key of Object.keys(user)) if (user[key] === undefined) delete user[key];
	return user;
}

/** Zoom makes h323/pstn passcodes numeric; a numeric passcode is reused as is. */
function numericPasscode(password: string): string {
	return /^\d+$/.test(password)
		? password
		: password === ''
			? ''
			: randomDigits(Math.max(6, password.length));
}

export interface MeetingInput {
	topic?: string;
	type?: number;
	start_time?: string;
	duration?: number;
	timezone?: string;
	agenda?: string;
	password?: string;
	settings?: Record<string, unknown>;
	recurrence?: Partial<ZoomRecurrence>;
	tracking_fields?: ZoomMeeting['tracking_fields'];
	pre_schedule?: boolean;
	status?: ZoomMeeting['status'];
	created_at?: string;
	uuid?: string;
	id?: number;
	[extra: string]: unknown;
}

export function buildMeeting(
	host: ZoomUser,
	input: MeetingInput,
	ctx: { baseUrl: string; id: number },
): ZoomMeeting {
	const now = Date.now();
	const type = input.type ?? 2;
	const timezone = input.timezone ?? host.timezone;
	const password = input.password ?? randomAlnum(6);
	const encrypted = password === '' ? '' : `${randomAlnum(32)}.1`;
	const numeric = numericPasscode(password);
	const id = input.id ?? ctx.id;
	const settings = deepMerge(defaultMeetingSettings(), input.settings ?? {});
	const meeting: ZoomMeeting = {
		uuid: input.uuid ?? randomMeetingUuid(),
		id,
		host_id: host.id,
		host_email: host.email,
		assistant_id: '',
		topic: input.topic ?? `${host.display_name || host.email}'s Zoom Meeting`,
		type,
		status: input.status ?? 'waiting',
		start_time: undefined,
		duration: input.duration ?? 60,
		timezone,
		agenda: input.agenda ?? '',
		created_at: input.created_at ?? isoSeconds(now),
		start_url: `${ctx.baseUrl}/s/${id}?zak=${randomAccessToken()}`,
		join_url: `${ctx.baseUrl}/j/${id}${encrypted ? `?pwd=${encrypted}` : ''}`,
		password,
		h323_password: numeric,
		pstn_password: numeric,
		encrypted_password: encrypted,
		pre_schedule: input.pre_schedule ?? false,
		settings,
	};
	if (input.tracking_fields) meeting.tracking_fields = input.tracking_fields;
	const handled = new Set(['recurrence', 'start_time', 'schedule_for']);
	for (const [key, value] of Object.entries(input))
		if (!(key in meeting) && !handled.has(key) && value !== undefined) meeting[key] = value;
	applySchedule(meeting, input.start_time, input.recurrence);
	return meeting;
}

/**
 * Sets start_time / recurrence / occurrences from the meeting's type. Type 3 has no fixed time;
 * type 8's start_time is its first occurrence.
 */
export function applySchedule(
	meeting: ZoomMeeting,
	startTime: string | undefined,
	recurrence: Partial<ZoomRecurrence> | undefined,
): void {
	const previousStart = meeting.start_time ? Date.parse(meeting.start_time) : undefined;
	const startMs =
		(startTime !== undefined ? parseStartTime(startTime, meeting.timezone) : undefined) ??
		previousStart ??
		Date.now();
	if (meeting.type === 3) {
		delete meeting.start_time;
		delete meeting.recurrence;
		delete meeting.occurrences;
		return;
	}
	meeting.start_time = isoSeconds(startMs);
	if (meeting.type !== 8) {
		delete meeting.recurrence;
		delete meeting.occurrences;
		return;
	}
	const rec = normaliseRecurrence(recurrence ?? meeting.recurrence ?? {}, []) ?? {
		type: 1,
		repeat_interval: 1,
		end_times: 1,
	};
	meeting.recurrence = rec;
	meeting.occurrences = buildOccurrences(rec, startMs, meeting.duration, meeting.timezone);
	if (meeting.occurrences.length > 0) meeting.start_time = meeting.occurrences[0].start_time;
}
