import type { IDataObject } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';

/** Zoom's clock and ours may differ a little; a meeting created this long before the attempt is not ours. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;

function sameWhenSent(sent: unknown, found: unknown): boolean {
	return sent === undefined || found === undefined || String(sent) === String(found);
}

/** Zoom lists start times in UTC; a local time sent with a time zone is not compared. */
function sameStartWhenUtc(sent: unknown, found: unknown): boolean {
	if (typeof sent !== 'string' || !sent.endsWith('Z') || typeof found !== 'string') return true;
	return Date.parse(sent) === Date.parse(found);
}

/**
 * After a create whose answer was lost (5xx, dropped connection), looks for the meeting that
 * attempt may have created: same host, topic, type (and duration, agenda, UTC start time when
 * sent), created since the attempt began, and not already returned for another item.
 */
export async function findCreatedMeeting(
	client: ZoomClient,
	hostUserId: string,
	sent: IDataObject,
	attemptStartedAt: number,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const meetings = await client.requestAllItems({
		endpoint: 'listMeetings',
		pathParameters: { userId: hostUserId },
		qs: { type: 'scheduled' },
		arrayKey: 'meetings',
		itemIndex,
	});
	const candidate = meetings
		.filter(
			(m) =>
				!client.alreadyReturned(m.id) &&
				m.topic === sent.topic &&
				Number(m.type) === Number(sent.type ?? 2) &&
				sameWhenSent(sent.duration, m.duration) &&
				sameWhenSent(sent.agenda, m.agenda) &&
				sameStartWhenUtc(sent.start_time, m.start_time) &&
				Date.parse(String(m.created_at)) >= attemptStartedAt - CLOCK_SKEW_MS,
		)
		// The oldest match: a meeting created later is more likely another item's.
		.sort((a, b) => Date.parse(String(a.created_at)) - Date.parse(String(b.created_at)))[0];
	if (!candidate) return undefined;
	// The list holds a summary; the caller expects what a create returns (join URL, settings, …).
	const { body } = await client.request<IDataObject>({
		endpoint: 'getMeeting',
		pathParameters: { meetingId: String(candidate.id) },
		itemIndex,
	});
	return body;
}
