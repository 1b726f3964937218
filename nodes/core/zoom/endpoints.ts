import type { IHttpRequestMethods } from 'n8n-workflow';

import type { RateLimitCategory } from './categories';
import { CHANNEL_MESSAGE_WINDOWS, type MessageWindow } from './chatLimits';

/**
 * Zoom's OpenAPI documents an endpoint can come from (test/simulator/spec/ holds a copy of each):
 * the Meeting API export of 2023, the Meetings and Team Chat documents of 2026-03-10, and the
 * erratum fragment for `GET /users/{userId}/meeting_summaries`, which Zoom documents but the
 * 2026-03-10 Meetings document lacks.
 */
export type SpecSource =
	| 'meeting-api'
	| 'meetings-2026-03-10'
	| 'team-chat-2026-03-10'
	| 'erratum-list-user-meeting-summaries';

/**
 * Every Zoom endpoint the package calls, declared once: method, path template, Zoom's
 * operationId in its OpenAPI spec, rate-limit category (the spec's "Rate Limit Label") and
 * scopes. Operations call endpoints by name; the rate limiter, the credential notices, the
 * README's tables and the tests derive from this table (test/unit/endpoints.test.ts checks each
 * entry against the spec document it names).
 */
export interface Endpoint {
	method: IHttpRequestMethods;
	/** Path below the API base URL with `{param}` placeholders, as in Zoom's spec. */
	path: string;
	/** Zoom's operationId in the spec document `spec`. */
	operationId: string;
	/** The spec document that declares the endpoint. */
	spec: SpecSource;
	/**
	 * The largest `page_size` the endpoint takes, when the spec gives another than Zoom's usual
	 * 300 (DEFAULT_MAX_PAGE_SIZE): 50 for chat messages, 1000 for chat channels.
	 */
	maxPageSize?: number;
	category: RateLimitCategory;
	/**
	 * Limits Zoom sets per target (one Team Chat channel) beside the account's rate limit: the
	 * client paces requests that name a target (`paceKey`) inside these sliding windows.
	 */
	perTargetWindows?: readonly MessageWindow[];
	scopes: {
		/** Classic scopes, any one of which grants the call. */
		classic: readonly string[];
		/** Granular scopes (apps created since 2024), any one of which grants the call. */
		granular: readonly string[];
	};
	/**
	 * Whether its meeting/webinar path parameter takes a UUID (one instance) as well as a numeric
	 * ID. Zoom's spec types it as an int64 on most meeting endpoints and as a string on the past
	 * meeting, recording and report ones; the catalogue test checks this flag against the spec.
	 */
	acceptsUuid: boolean;
}

/** Zoom's usual largest page (`page_size` ≤ 300). */
export const DEFAULT_MAX_PAGE_SIZE = 300;

/** The largest page an endpoint takes: the fewest requests for "Return All". */
export function maxPageSizeOf(name: EndpointName): number {
	return (ENDPOINTS[name] as Endpoint).maxPageSize ?? DEFAULT_MAX_PAGE_SIZE;
}

/** A granular scope in its user-level and admin-level form. */
const both = (scope: string) => [scope, `${scope}:admin`];

function endpoint(
	method: IHttpRequestMethods,
	path: string,
	operationId: string,
	category: RateLimitCategory,
	classic: readonly string[],
	granular: readonly string[],
	more: {
		spec?: SpecSource;
		maxPageSize?: number;
		perTargetWindows?: readonly MessageWindow[];
	} = {},
): Endpoint {
	return {
		method,
		path,
		operationId,
		spec: more.spec ?? 'meeting-api',
		...(more.maxPageSize !== undefined ? { maxPageSize: more.maxPageSize } : {}),
		...(more.perTargetWindows ? { perTargetWindows: more.perTargetWindows } : {}),
		category,
		scopes: { classic, granular },
		acceptsUuid: UUID_OPERATIONS.has(operationId),
	};
}

const SUMMARIES = { spec: 'meetings-2026-03-10' } as const;
const TEAM_CHAT = { spec: 'team-chat-2026-03-10' } as const;

/** Zoom operations whose meeting/webinar ID may be a UUID (a string in Zoom's spec). */
const UUID_OPERATIONS = new Set([
	'recordingGet',
	'recordingDelete',
	'recordingDeleteOne',
	'recordingStatusUpdate',
	'recordingStatusUpdateOne',
	'pastMeetingDetails',
	'pastMeetingParticipants',
	'reportMeetingParticipants',
	'addBatchRegistrants',
	'webinar',
	'addBatchWebinarRegistrants',
	'Getameetingsummary',
	'Deletemeetingorwebinarsummary',
]);

const MEETING_READ = ['meeting:read', 'meeting:read:admin'];
const MEETING_WRITE = ['meeting:write', 'meeting:write:admin'];
const USER_READ = ['user:read', 'user:read:admin'];
const USER_WRITE = ['user:write', 'user:write:admin'];
const RECORDING_READ = ['recording:read', 'recording:read:admin'];
const RECORDING_WRITE = ['recording:write', 'recording:write:admin'];
const WEBINAR_READ = ['webinar:read', 'webinar:read:admin'];
const WEBINAR_WRITE = ['webinar:write', 'webinar:write:admin'];
const SUMMARY_READ = ['meeting_summary:read', 'meeting_summary:read:admin'];
const SUMMARY_WRITE = ['meeting_summary:write', 'meeting_summary:write:admin'];
const CHANNEL_READ = ['chat_channel:read', 'chat_channel:read:admin'];
const CHAT_READ = ['chat_message:read', 'chat_message:read:admin'];
const CHAT_WRITE = ['chat_message:write', 'chat_message:write:admin'];

export const ENDPOINTS = {
	// Users
	listUsers: endpoint(
		'GET',
		'/users',
		'users',
		'medium',
		['user:read:admin'],
		['user:read:list_users:admin'],
	),
	createUser: endpoint(
		'POST',
		'/users',
		'userCreate',
		'light',
		['user:write:admin'],
		['user:write:user:admin'],
	),
	getUser: endpoint('GET', '/users/{userId}', 'user', 'light', USER_READ, both('user:read:user')),
	updateUser: endpoint(
		'PATCH',
		'/users/{userId}',
		'userUpdate',
		'light',
		USER_WRITE,
		both('user:update:user'),
	),
	deleteUser: endpoint(
		'DELETE',
		'/users/{userId}',
		'userDelete',
		'light',
		USER_WRITE,
		both('user:delete:user'),
	),
	updateUserStatus: endpoint(
		'PUT',
		'/users/{userId}/status',
		'userStatus',
		'light',
		USER_WRITE,
		both('user:update:status'),
	),
	getUserSettings: endpoint(
		'GET',
		'/users/{userId}/settings',
		'userSettings',
		'medium',
		USER_READ,
		both('user:read:settings'),
	),
	updateUserSettings: endpoint(
		'PATCH',
		'/users/{userId}/settings',
		'userSettingsUpdate',
		'medium',
		USER_WRITE,
		both('user:update:settings'),
	),

	// Meetings
	listMeetings: endpoint(
		'GET',
		'/users/{userId}/meetings',
		'meetings',
		'medium',
		MEETING_READ,
		both('meeting:read:list_meetings'),
	),
	createMeeting: endpoint(
		'POST',
		'/users/{userId}/meetings',
		'meetingCreate',
		'medium',
		MEETING_WRITE,
		both('meeting:write:meeting'),
	),
	getMeeting: endpoint(
		'GET',
		'/meetings/{meetingId}',
		'meeting',
		'light',
		MEETING_READ,
		both('meeting:read:meeting'),
	),
	updateMeeting: endpoint(
		'PATCH',
		'/meetings/{meetingId}',
		'meetingUpdate',
		'light',
		MEETING_WRITE,
		both('meeting:update:meeting'),
	),
	deleteMeeting: endpoint(
		'DELETE',
		'/meetings/{meetingId}',
		'meetingDelete',
		'light',
		MEETING_WRITE,
		both('meeting:delete:meeting'),
	),
	updateMeetingStatus: endpoint(
		'PUT',
		'/meetings/{meetingId}/status',
		'meetingStatus',
		'light',
		MEETING_WRITE,
		both('meeting:update:status'),
	),
	getMeetingInvitation: endpoint(
		'GET',
		'/meetings/{meetingId}/invitation',
		'meetingInvitation',
		'light',
		MEETING_READ,
		both('meeting:read:invitation'),
	),

	// Meeting registrants
	listMeetingRegistrants: endpoint(
		'GET',
		'/meetings/{meetingId}/registrants',
		'meetingRegistrants',
		'medium',
		MEETING_READ,
		both('meeting:read:list_registrants'),
	),
	createMeetingRegistrant: endpoint(
		'POST',
		'/meetings/{meetingId}/registrants',
		'meetingRegistrantCreate',
		'light',
		MEETING_WRITE,
		both('meeting:write:registrant'),
	),
	getMeetingRegistrant: endpoint(
		'GET',
		'/meetings/{meetingId}/registrants/{registrantId}',
		'meetingRegistrantGet',
		'light',
		MEETING_READ,
		both('meeting:read:registrant'),
	),
	deleteMeetingRegistrant: endpoint(
		'DELETE',
		'/meetings/{meetingId}/registrants/{registrantId}',
		'meetingregistrantdelete',
		'light',
		MEETING_WRITE,
		both('meeting:delete:registrant'),
	),
	updateMeetingRegistrantStatus: endpoint(
		'PUT',
		'/meetings/{meetingId}/registrants/status',
		'meetingRegistrantStatus',
		'medium',
		MEETING_WRITE,
		both('meeting:update:registrant_status'),
	),
	batchCreateMeetingRegistrants: endpoint(
		'POST',
		'/meetings/{meetingId}/batch_registrants',
		'addBatchRegistrants',
		'heavy',
		MEETING_WRITE,
		both('meeting:write:batch_registrants'),
	),

	// Past meetings and reports
	getPastMeeting: endpoint(
		'GET',
		'/past_meetings/{meetingId}',
		'pastMeetingDetails',
		'light',
		MEETING_READ,
		both('meeting:read:past_meeting'),
	),
	listPastMeetingInstances: endpoint(
		'GET',
		'/past_meetings/{meetingId}/instances',
		'pastMeetings',
		'medium',
		MEETING_READ,
		both('meeting:read:list_past_instances'),
	),
	listPastMeetingParticipants: endpoint(
		'GET',
		'/past_meetings/{meetingId}/participants',
		'pastMeetingParticipants',
		'medium',
		MEETING_READ,
		both('meeting:read:list_past_participants'),
	),
	reportMeetingParticipants: endpoint(
		'GET',
		'/report/meetings/{meetingId}/participants',
		'reportMeetingParticipants',
		'heavy',
		['report:read:admin'],
		['report:read:list_meeting_participants:admin'],
	),

	// Cloud recordings
	listUserRecordings: endpoint(
		'GET',
		'/users/{userId}/recordings',
		'recordingsList',
		'medium',
		RECORDING_READ,
		both('cloud_recording:read:list_user_recordings'),
	),
	getMeetingRecordings: endpoint(
		'GET',
		'/meetings/{meetingId}/recordings',
		'recordingGet',
		'light',
		RECORDING_READ,
		both('cloud_recording:read:list_recording_files'),
	),
	deleteMeetingRecordings: endpoint(
		'DELETE',
		'/meetings/{meetingId}/recordings',
		'recordingDelete',
		'light',
		RECORDING_WRITE,
		both('cloud_recording:delete:meeting_cloud_recording'),
	),
	deleteRecordingFile: endpoint(
		'DELETE',
		'/meetings/{meetingId}/recordings/{recordingId}',
		'recordingDeleteOne',
		'light',
		RECORDING_WRITE,
		both('cloud_recording:delete:recording_file'),
	),
	recoverMeetingRecordings: endpoint(
		'PUT',
		'/meetings/{meetingUUID}/recordings/status',
		'recordingStatusUpdate',
		'light',
		RECORDING_WRITE,
		both('cloud_recording:update:recover_meeting_recordings'),
	),
	recoverRecordingFile: endpoint(
		'PUT',
		'/meetings/{meetingId}/recordings/{recordingId}/status',
		'recordingStatusUpdateOne',
		'light',
		RECORDING_WRITE,
		both('cloud_recording:update:recover_single_recording'),
	),

	// Webinars
	listWebinars: endpoint(
		'GET',
		'/users/{userId}/webinars',
		'webinars',
		'medium',
		WEBINAR_READ,
		both('webinar:read:list_webinars'),
	),
	createWebinar: endpoint(
		'POST',
		'/users/{userId}/webinars',
		'webinarCreate',
		'light',
		WEBINAR_WRITE,
		both('webinar:write:webinar'),
	),
	getWebinar: endpoint(
		'GET',
		'/webinars/{webinarId}',
		'webinar',
		'light',
		WEBINAR_READ,
		both('webinar:read:webinar'),
	),
	updateWebinar: endpoint(
		'PATCH',
		'/webinars/{webinarId}',
		'webinarUpdate',
		'light',
		WEBINAR_WRITE,
		both('webinar:update:webinar'),
	),
	deleteWebinar: endpoint(
		'DELETE',
		'/webinars/{webinarId}',
		'webinarDelete',
		'light',
		WEBINAR_WRITE,
		both('webinar:delete:webinar'),
	),
	updateWebinarStatus: endpoint(
		'PUT',
		'/webinars/{webinarId}/status',
		'webinarStatus',
		'light',
		WEBINAR_WRITE,
		both('webinar:update:status'),
	),

	// Webinar registrants
	listWebinarRegistrants: endpoint(
		'GET',
		'/webinars/{webinarId}/registrants',
		'webinarRegistrants',
		'medium',
		WEBINAR_READ,
		both('webinar:read:list_registrants'),
	),
	createWebinarRegistrant: endpoint(
		'POST',
		'/webinars/{webinarId}/registrants',
		'webinarRegistrantCreate',
		'light',
		WEBINAR_WRITE,
		both('webinar:write:registrant'),
	),
	getWebinarRegistrant: endpoint(
		'GET',
		'/webinars/{webinarId}/registrants/{registrantId}',
		'webinarRegistrantGet',
		'light',
		WEBINAR_READ,
		both('webinar:read:registrant'),
	),
	deleteWebinarRegistrant: endpoint(
		'DELETE',
		'/webinars/{webinarId}/registrants/{registrantId}',
		'deleteWebinarRegistrant',
		'light',
		WEBINAR_WRITE,
		both('webinar:delete:registrant'),
	),
	updateWebinarRegistrantStatus: endpoint(
		'PUT',
		'/webinars/{webinarId}/registrants/status',
		'webinarRegistrantStatus',
		'medium',
		WEBINAR_WRITE,
		both('webinar:update:registrant_status'),
	),
	batchCreateWebinarRegistrants: endpoint(
		'POST',
		'/webinars/{webinarId}/batch_registrants',
		'addBatchWebinarRegistrants',
		'heavy',
		WEBINAR_WRITE,
		both('webinar:write:batch_registrants'),
	),

	// Webinar panelists
	listWebinarPanelists: endpoint(
		'GET',
		'/webinars/{webinarId}/panelists',
		'webinarPanelists',
		'medium',
		WEBINAR_READ,
		both('webinar:read:list_panelists'),
	),
	addWebinarPanelists: endpoint(
		'POST',
		'/webinars/{webinarId}/panelists',
		'webinarPanelistCreate',
		'medium',
		WEBINAR_WRITE,
		both('webinar:write:panelist'),
	),
	removeWebinarPanelists: endpoint(
		'DELETE',
		'/webinars/{webinarId}/panelists',
		'webinarPanelistsDelete',
		'light',
		WEBINAR_WRITE,
		both('webinar:delete:panelist'),
	),
	removeWebinarPanelist: endpoint(
		'DELETE',
		'/webinars/{webinarId}/panelists/{panelistId}',
		'webinarPanelistDelete',
		'light',
		WEBINAR_WRITE,
		both('webinar:delete:panelist'),
	),

	// AI Companion meeting summaries
	listAccountMeetingSummaries: endpoint(
		'GET',
		'/meetings/meeting_summaries',
		'Listmeetingsummaries',
		'medium',
		['meeting_summary:read:admin'],
		['meeting:read:list_summaries:admin'],
		SUMMARIES,
	),
	listUserMeetingSummaries: endpoint(
		'GET',
		'/users/{userId}/meeting_summaries',
		'ListUserMeetingSummaries',
		'medium',
		SUMMARY_READ,
		both('meeting:read:list_summaries'),
		{ spec: 'erratum-list-user-meeting-summaries' },
	),
	getMeetingSummary: endpoint(
		'GET',
		'/meetings/{meetingId}/meeting_summary',
		'Getameetingsummary',
		'light',
		SUMMARY_READ,
		both('meeting:read:summary'),
		SUMMARIES,
	),
	deleteMeetingSummary: endpoint(
		'DELETE',
		'/meetings/{meetingId}/meeting_summary',
		'Deletemeetingorwebinarsummary',
		'light',
		SUMMARY_WRITE,
		both('meeting:delete:summary'),
		SUMMARIES,
	),

	// Team Chat
	listUserChannels: endpoint(
		'GET',
		'/chat/users/{userId}/channels',
		'getChannels',
		'medium',
		CHANNEL_READ,
		both('team_chat:read:list_user_channels'),
		{ ...TEAM_CHAT, maxPageSize: 1000 },
	),
	getUserChannel: endpoint(
		'GET',
		'/chat/users/{userId}/channels/{channelId}',
		'getChannel',
		'medium',
		CHANNEL_READ,
		both('team_chat:read:user_channel'),
		TEAM_CHAT,
	),
	listChatMessages: endpoint(
		'GET',
		'/chat/users/{userId}/messages',
		'getChatMessages',
		'medium',
		CHAT_READ,
		both('team_chat:read:list_user_messages'),
		{ ...TEAM_CHAT, maxPageSize: 50 },
	),
	sendChatMessage: endpoint(
		'POST',
		'/chat/users/{userId}/messages',
		'sendaChatMessage',
		'medium',
		CHAT_WRITE,
		both('team_chat:write:user_message'),
		{ ...TEAM_CHAT, perTargetWindows: CHANNEL_MESSAGE_WINDOWS },
	),
	updateChatMessage: endpoint(
		'PUT',
		'/chat/users/{userId}/messages/{messageId}',
		'editMessage',
		'medium',
		CHAT_WRITE,
		both('team_chat:update:user_message'),
		TEAM_CHAT,
	),
	deleteChatMessage: endpoint(
		'DELETE',
		'/chat/users/{userId}/messages/{messageId}',
		'deleteChatMessage',
		'medium',
		CHAT_WRITE,
		both('team_chat:delete:user_message'),
		TEAM_CHAT,
	),
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;

/** What a path parameter is called in errors: the node field a person typed it into. */
const PARAMETER_LABELS: Record<string, string> = {
	userId: 'User',
	meetingId: 'Meeting',
	meetingUUID: 'Meeting',
	webinarId: 'Webinar',
	registrantId: 'Registrant ID',
	panelistId: 'Panelist ID',
	recordingId: 'Recording File ID',
	channelId: 'Channel',
	messageId: 'Message ID',
};

/** A path parameter this endpoint cannot take: not one safe segment, or a UUID where Zoom wants an ID. */
export class UnsafePathParameterError extends Error {
	constructor(
		readonly parameter: string,
		readonly label: string,
		readonly reason = 'must not be empty, "." or ".." (it would address another Zoom endpoint)',
	) {
		super(`Invalid "${label}": ${reason}`);
	}
}

/**
 * Meeting and webinar UUIDs may contain "/" and "+": Zoom wants a UUID that starts with "/" or
 * contains "//" encoded twice, any other once.
 */
function encodeInstanceId(value: string): string {
	const once = encodeURIComponent(value);
	return value.startsWith('/') || value.includes('//') ? encodeURIComponent(once) : once;
}

const INSTANCE_PARAMETERS = new Set(['meetingId', 'meetingUUID', 'webinarId']);

/**
 * The one place that turns an endpoint and its parameters into a path. Every value becomes
 * exactly one encoded segment; values that URL resolution would treat as a directory step are
 * refused, so no input can make a request reach a path its operation does not intend.
 */
export function buildPath(name: EndpointName, parameters: Record<string, string | number>): string {
	return ENDPOINTS[name].path.replace(/\{(\w+)\}/g, (_, key: string) => {
		const raw = parameters[key];
		const value = raw === undefined || raw === null ? '' : String(raw).trim();
		const label = PARAMETER_LABELS[key] ?? key;
		if (value === '' || value === '.' || value === '..') {
			throw new UnsafePathParameterError(key, label);
		}
		if (!INSTANCE_PARAMETERS.has(key)) return encodeURIComponent(value);
		if (!/^\d+$/.test(value) && !ENDPOINTS[name].acceptsUuid) {
			throw new UnsafePathParameterError(
				key,
				label,
				`this operation takes a ${label.toLowerCase()} ID (9 to 11 digits) or a join URL, not a UUID. A UUID names one past instance: use it with Past Meeting or Cloud Recording operations.`,
			);
		}
		return encodeInstanceId(value);
	});
}

/** Scopes (classic, then granular) that the given endpoints need, each once, in table order. */
export function scopesFor(names: readonly EndpointName[]): {
	classic: string[];
	granular: string[];
} {
	const classic = new Set<string>();
	const granular = new Set<string>();
	for (const name of names) {
		ENDPOINTS[name].scopes.classic.forEach((scope) => classic.add(scope));
		ENDPOINTS[name].scopes.granular.forEach((scope) => granular.add(scope));
	}
	return { classic: [...classic], granular: [...granular] };
}
