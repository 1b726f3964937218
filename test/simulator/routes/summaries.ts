import { ZoomApiError } from '../errors';
import { randomMeetingUuid } from '../ids';
import type { ApiContext, ApiResult, RouteDef } from '../router';
import { registerScopes, type EndpointScopes } from '../scopes';
import type { SimulatorState } from '../state';
import type { SummaryFields } from '../webhooks/events';
import { resolveUser } from './common';
import { requirePaidPlan } from './pastMeetings';
import { addPastMeeting, recordingStore } from './recordingStore';
import { decodeInstanceParam } from './recordings';

/*
 * AI Companion meeting summaries (Zoom's Meetings API of 2026-03-10, tag "Summaries", and
 * ListUserMeetingSummaries): list the account's or one user's summaries filtered on
 * summary_start_time (default) or summary_created_time, get one by its meeting instance UUID,
 * delete one (Zoom then answers 403/2305 "moved to Trash" for it). Paid plans only (400/200);
 * `disabledHosts` answer 400/3000 (the setting is off), `emailOnlyAccounts` 403/2305.
 */

/** A summary as the simulator keeps it: the fields Zoom's summary events carry, and trash. */
export interface StoredSummary extends SummaryFields {
	account_id: string;
	trashed: boolean;
}

export interface SummaryStore {
	summaries: Map<string, StoredSummary>;
	/** Hosts whose "Meeting Summary with AI Companion" setting is off: 400/3000. */
	disabledHosts: Set<string>;
	/** Accounts with "Only share meeting summaries by email" on: 403/2305. */
	emailOnlyAccounts: Set<string>;
}

const stores = new WeakMap<SimulatorState, SummaryStore>();

export function summaryStore(state: SimulatorState): SummaryStore {
	let store = stores.get(state);
	if (!store) {
		store = { summaries: new Map(), disabledHosts: new Set(), emailOnlyAccounts: new Set() };
		stores.set(state, store);
	}
	return store;
}

export interface SummaryInput {
	/** The host: a user ID or email of the simulator. */
	hostId: string;
	/** Meeting number; a new one by default. */
	id?: number;
	/** The instance UUID; a new one by default. */
	uuid?: string;
	topic?: string;
	/** When the meeting started (the summary covers it all). */
	start_time: string;
	/** Minutes; default 30. */
	duration?: number;
	/** Minutes after the meeting's end when Zoom finished the summary; default 5. */
	writtenAfter?: number;
	/** Markdown; a summary of the meeting's topic by default. */
	content?: string;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The Markdown AI Companion writes: key takeaways, topics, action items. */
export function sampleSummaryContent(topic: string): string {
	return [
		'## Key takeaways',
		`- The team reviewed **${topic}** and agreed on the next release scope.`,
		'- Customer feedback on onboarding is positive.',
		'',
		'## Discussed topics',
		'### Release plan',
		'Dates and owners for the next release',
		'- **Details**',
		'    - Sarah (Product): the beta ends on Friday',
		'    - Mike (Engineering): performance fixes are merged',
		'- **Conclusion**',
		'    - Ship on the planned date',
		'',
		'## Action items',
		'- **Sarah**',
		'  - Send the release notes to [the team wiki](https://example.com/wiki)',
		'- **Mike**',
		'  - Watch the error rate after the rollout',
	].join('\n');
}

/**
 * Adds the AI Companion summary of one meeting instance, and the instance as a past meeting
 * (unless it exists), so a meeting ID resolves to it as on Zoom.
 */
export function addMeetingSummary(state: SimulatorState, input: SummaryInput): StoredSummary {
	const host = state.findUser(input.hostId);
	if (!host) throw new Error(`addMeetingSummary: no user ${input.hostId}`);
	const start = Date.parse(input.start_time);
	if (Number.isNaN(start)) throw new Error(`addMeetingSummary: bad start_time ${input.start_time}`);
	const duration = input.duration ?? 30;
	const end = start + duration * 60_000;
	const created = end + (input.writtenAfter ?? 5) * 60_000;
	const uuid = input.uuid ?? randomMeetingUuid();
	const topic = input.topic ?? 'Team meeting';
	const past = recordingStore(state).pastMeetings.get(uuid);
	const meetingId =
		past?.id ??
		addPastMeeting(state, {
			hostId: host.id,
			id: input.id,
			uuid,
			topic,
			start_time: iso(start),
			duration,
			participants: [`${host.first_name} ${host.last_name}`.trim() || host.email, 'Guest'],
		}).id;
	const summary: StoredSummary = {
		account_id: host.account_id,
		meeting_host_id: host.id,
		meeting_host_email: host.email,
		meeting_uuid: uuid,
		meeting_id: meetingId,
		meeting_topic: topic,
		meeting_start_time: iso(start),
		meeting_end_time: iso(end),
		summary_start_time: iso(start),
		summary_end_time: iso(end),
		summary_created_time: iso(created),
		summary_last_modified_time: iso(created),
		summary_title: `Meeting summary for ${topic}`,
		summary_content: input.content ?? sampleSummaryContent(topic),
		summary_doc_url: `https://docs.zoom.us/doc/${uuid.replace(/[^A-Za-z0-9]/g, '').slice(0, 22)}`,
		trashed: false,
	};
	summaryStore(state).summaries.set(uuid, summary);
	return summary;
}

const READ: EndpointScopes = {
	macro: ['meeting_summary:read', 'meeting_summary:read:admin'],
	granular: ['meeting:read:summary', 'meeting:read:summary:admin'],
};
const WRITE: EndpointScopes = {
	macro: ['meeting_summary:write', 'meeting_summary:write:admin'],
	granular: ['meeting:delete:summary', 'meeting:delete:summary:admin'],
};
const LIST_ACCOUNT: EndpointScopes = {
	macro: ['meeting_summary:read:admin'],
	granular: ['meeting:read:list_summaries:admin'],
};
const LIST_USER: EndpointScopes = {
	macro: ['meeting_summary:read', 'meeting_summary:read:admin'],
	granular: ['meeting:read:list_summaries', 'meeting:read:list_summaries:admin'],
};
registerScopes(READ, WRITE, LIST_ACCOUNT, LIST_USER);

function requireSummaryAccess(ctx: ApiContext): void {
	requirePaidPlan(ctx);
	if (summaryStore(ctx.state).emailOnlyAccounts.has(ctx.token.accountId))
		throw new ZoomApiError(
			403,
			2305,
			'Access to meeting summaries is restricted by account settings. To use this feature, disable the Only share meeting summaries by email setting in the Account Settings page of the Zoom web portal.',
		);
}

const disabled = () =>
	new ZoomApiError(
		400,
		3000,
		"Meeting summary disabled. To enable this feature, enable the Meeting Summary with AI Companion setting in the Zoom web portal's Settings interface.",
	);

/** The fields of a list entry, as Listmeetingsummaries answers them. */
function listed(summary: StoredSummary) {
	return {
		meeting_host_id: summary.meeting_host_id,
		meeting_host_email: summary.meeting_host_email,
		meeting_uuid: summary.meeting_uuid,
		meeting_id: summary.meeting_id,
		meeting_topic: summary.meeting_topic,
		meeting_start_time: summary.meeting_start_time,
		meeting_end_time: summary.meeting_end_time,
		summary_start_time: summary.summary_start_time,
		summary_end_time: summary.summary_end_time,
		summary_created_time: summary.summary_created_time,
		summary_last_modified_time: summary.summary_last_modified_time,
	};
}

function list(ctx: ApiContext, hostId: string | undefined): ApiResult {
	requireSummaryAccess(ctx);
	const field =
		ctx.query.get('time_filter_field') === 'summary_created_time'
			? 'summary_created_time'
			: 'summary_start_time';
	const from = ctx.query.get('from') ?? '';
	const to = ctx.query.get('to') ?? '';
	const page = ctx.pages.paginate(
		`summaries|${ctx.token.accountId}|${hostId ?? '*'}`,
		ctx.query,
		{ field, from, to },
		(filters) => {
			const fromMs = filters.from ? Date.parse(filters.from) : -Infinity;
			const toMs = filters.to ? Date.parse(filters.to) : Infinity;
			const key = filters.field as 'summary_start_time' | 'summary_created_time';
			return [...summaryStore(ctx.state).summaries.values()]
				.filter(
					(s) =>
						!s.trashed &&
						s.account_id === ctx.token.accountId &&
						(hostId === undefined || s.meeting_host_id === hostId) &&
						Date.parse(s[key]) >= fromMs &&
						Date.parse(s[key]) <= toMs,
				)
				.sort((a, b) => b[key].localeCompare(a[key]))
				.map(listed);
		},
	);
	return {
		status: 200,
		body: {
			page_size: page.pageSize,
			next_page_token: page.nextPageToken,
			...(from ? { from } : {}),
			...(to ? { to } : {}),
			summaries: page.items,
		},
	};
}

function listAccount(ctx: ApiContext): ApiResult {
	return list(ctx, undefined);
}

function listUser(ctx: ApiContext): ApiResult {
	const user = resolveUser(ctx, ctx.rawParams.userId);
	if (summaryStore(ctx.state).disabledHosts.has(user.id)) throw disabled();
	return list(ctx, user.id);
}

function findSummary(ctx: ApiContext): StoredSummary {
	requireSummaryAccess(ctx);
	const raw = ctx.rawParams.meetingId;
	const uuid = decodeInstanceParam(raw);
	const summary = uuid === undefined ? undefined : summaryStore(ctx.state).summaries.get(uuid);
	if (!summary || summary.account_id !== ctx.token.accountId)
		throw new ZoomApiError(404, 3001, `Meeting does not exist: ${uuid ?? raw}.`);
	if (summary.trashed)
		throw new ZoomApiError(
			403,
			2305,
			'The meeting summary has been moved to Trash and cannot be accessed.',
		);
	return summary;
}

function getSummary(ctx: ApiContext): ApiResult {
	const summary = findSummary(ctx);
	const host = ctx.state.users.get(summary.meeting_host_id);
	// The deprecated fields Zoom still returns beside summary_content.
	const overview = summary.summary_content
		.split('\n')
		.find((line) => /^[-*]\s/.test(line))
		?.replace(/^[-*]\s+/, '')
		.replace(/\*\*/g, '');
	return {
		status: 200,
		body: {
			...listed(summary),
			summary_last_modified_user_id: summary.meeting_host_id,
			summary_last_modified_user_email: host?.email ?? summary.meeting_host_email,
			summary_title: summary.summary_title,
			summary_overview: overview ?? summary.summary_title,
			summary_details: [{ label: 'Meeting overview', summary: overview ?? '' }],
			next_steps: [],
			summary_content: summary.summary_content,
			summary_doc_url: summary.summary_doc_url,
		},
	};
}

function deleteSummary(ctx: ApiContext): ApiResult {
	const summary = findSummary(ctx);
	summary.trashed = true;
	return { status: 204 };
}

export const summaryRoutes: RouteDef[] = [
	{
		method: 'GET',
		template: '/meetings/meeting_summaries',
		category: 'medium',
		scopes: LIST_ACCOUNT,
		handler: listAccount,
	},
	{
		method: 'GET',
		template: '/users/{userId}/meeting_summaries',
		category: 'medium',
		scopes: LIST_USER,
		handler: listUser,
	},
	{
		method: 'GET',
		template: '/meetings/{meetingId}/meeting_summary',
		category: 'light',
		scopes: READ,
		handler: getSummary,
	},
	{
		method: 'DELETE',
		template: '/meetings/{meetingId}/meeting_summary',
		category: 'light',
		scopes: WRITE,
		handler: deleteSummary,
	},
];
