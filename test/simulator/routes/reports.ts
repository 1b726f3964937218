import { apiErrors } from '../errors';
import type { ApiContext, ApiResult, RouteDef } from '../router';
import { registerScopes, type EndpointScopes } from '../scopes';
import { requirePaidPlan, resolvePastMeeting } from './pastMeetings';

/*
 * GET /report/meetings/{meetingId}/participants: a Heavy API (Pro: 10 requests per second per
 * account), admin scope report:read:admin, only meetings with two or more participants.
 */

const SCOPES: EndpointScopes = {
	macro: ['report:read:admin'],
	granular: ['report:read:list_meeting_participants:admin'],
};
registerScopes(SCOPES);

function reportParticipants(ctx: ApiContext): ApiResult {
	requirePaidPlan(ctx);
	const includeFields = ctx.query.get('include_fields');
	if (includeFields !== null && includeFields !== 'registrant_id')
		throw apiErrors.validation([{ field: 'include_fields', message: 'Invalid field.' }]);
	const meeting = resolvePastMeeting(ctx);
	const page = ctx.pages.paginate(
		`report_participants|${meeting.uuid}`,
		ctx.query,
		{ include: includeFields ?? '' },
		(f) =>
			meeting.participants.length < 2
				? []
				: meeting.participants.map((p) => {
						const row: Record<string, unknown> = {
							id: p.id,
							user_id: p.user_id,
							name: p.name,
							user_email: p.user_email,
							join_time: p.join_time,
							leave_time: p.leave_time,
							duration: p.duration,
							attentiveness_score: '',
							failover: false,
							status: p.status,
							customer_key: '',
						};
						if (f.include === 'registrant_id') row.registrant_id = p.registrant_id;
						return row;
					}),
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

export const reportRoutes: RouteDef[] = [
	{
		method: 'GET',
		template: '/report/meetings/{meetingId}/participants',
		category: 'heavy',
		scopes: SCOPES,
		handler: reportParticipants,
	},
];
