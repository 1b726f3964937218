import { apiErrors, ZoomApiError } from '../errors';
import type { ApiContext, ApiResult, RouteDef } from '../router';
import { registerScopes, type EndpointScopes } from '../scopes';
import { recordingStore, type StoredPastMeeting } from './recordingStore';
import { decodeInstanceParam } from './recordings';

/*
 * Meetings that took place: GET /past_meetings/{meetingId} (an ID → the latest instance, a UUID →
 * that instance), /instances (by meeting number only) and /participants (paged; like Zoom, no
 * participants at all for an instance that had only one). Paid plans only.
 */

const SCOPES: EndpointScopes = {
	macro: ['meeting:read', 'meeting:read:admin'],
	granular: [
		'meeting:read:past_meeting',
		'meeting:read:past_meeting:admin',
		'meeting:read:list_past_instances',
		'meeting:read:list_past_instances:admin',
		'meeting:read:list_past_participants',
		'meeting:read:list_past_participants:admin',
	],
};
registerScopes(SCOPES);

const notFound = (shown: string) =>
	new ZoomApiError(404, 3001, `Meeting does not exist: ${shown}.`);

export function requirePaidPlan(ctx: ApiContext): void {
	if (recordingStore(ctx.state).basicPlanAccounts.has(ctx.token.accountId))
		throw new ZoomApiError(400, 200, `Only available for paid account: ${ctx.token.accountId}`);
}

/** The instance a path addresses: a UUID → that instance, an ID → the latest one. */
export function resolvePastMeeting(ctx: ApiContext): StoredPastMeeting {
	const raw = ctx.rawParams.meetingId;
	const wanted = decodeInstanceParam(raw);
	if (wanted === undefined) throw notFound(raw);
	const instances = [...recordingStore(ctx.state).pastMeetings.values()]
		.filter(
			(m) =>
				m.account_id === ctx.token.accountId &&
				(/^\d+$/.test(wanted) ? m.id === Number(wanted) : m.uuid === wanted),
		)
		.sort((a, b) => b.start_time.localeCompare(a.start_time));
	if (!instances[0]) throw notFound(wanted);
	return instances[0];
}

function getPastMeeting(ctx: ApiContext): ApiResult {
	requirePaidPlan(ctx);
	const meeting = resolvePastMeeting(ctx);
	const host = ctx.state.users.get(meeting.host_id);
	return {
		status: 200,
		body: {
			id: meeting.id,
			uuid: meeting.uuid,
			host_id: meeting.host_id,
			type: meeting.type,
			topic: meeting.topic,
			user_name: host ? `${host.first_name} ${host.last_name}`.trim() : '',
			user_email: host?.email ?? '',
			start_time: meeting.start_time,
			end_time: meeting.end_time,
			duration: meeting.duration,
			total_minutes: meeting.participants.reduce((sum, p) => sum + Math.round(p.duration / 60), 0),
			participants_count: meeting.participants.length,
			dept: host?.dept ?? '',
			source: 'Zoom',
		},
	};
}

function listInstances(ctx: ApiContext): ApiResult {
	const raw = decodeInstanceParam(ctx.rawParams.meetingId);
	if (raw === undefined || !/^\d+$/.test(raw))
		throw apiErrors.validation([{ field: 'meetingId', message: 'Invalid field.' }]);
	const instances = [...recordingStore(ctx.state).pastMeetings.values()]
		.filter((m) => m.account_id === ctx.token.accountId && m.id === Number(raw))
		.sort((a, b) => b.start_time.localeCompare(a.start_time));
	if (instances.length === 0) throw notFound(raw);
	return {
		status: 200,
		body: { meetings: instances.map((m) => ({ uuid: m.uuid, start_time: m.start_time })) },
	};
}

function listParticipants(ctx: ApiContext): ApiResult {
	requirePaidPlan(ctx);
	const meeting = resolvePastMeeting(ctx);
	const page = ctx.pages.paginate(`past_participants|${meeting.uuid}`, ctx.query, {}, () =>
		// Zoom: "the API doesn't return results if there's only one participant in a meeting".
		meeting.participants.length < 2
			? []
			: meeting.participants.map((p) => ({
					id: p.id,
					name: p.name,
					user_email: p.user_email,
					registrant_id: p.registrant_id,
				})),
	);
	return {
		status: 200,
		body: {
			page_count: Math.max(1, Math.ceil(page.totalRecords / page.pageSize)),
			page_size: page.pageSize,
			total_records: page.totalRecords,
			next_page_token: page.nextPageToken,
			participants: page.items,
		},
	};
}

export const pastMeetingRoutes: RouteDef[] = [
	{
		method: 'GET',
		template: '/past_meetings/{meetingId}',
		category: 'light',
		scopes: SCOPES,
		handler: getPastMeeting,
	},
	{
		method: 'GET',
		template: '/past_meetings/{meetingId}/instances',
		category: 'medium',
		scopes: SCOPES,
		handler: listInstances,
	},
	{
		method: 'GET',
		template: '/past_meetings/{meetingId}/participants',
		category: 'medium',
		scopes: SCOPES,
		handler: listParticipants,
	},
];
