import type { IDataObject } from 'n8n-workflow';

import type { ZoomClient } from '../../transport';

/** Zoom's clock and ours may differ a little; a meeting created this long before the attempt is not ours. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;

/**
 * After a create whose answer was lost (5xx, dropped connection), looks for the meeting that
 * attempt may have created: same host, topic and type, created since the attempt began.
 */
export async function findCreatedMeeting(
	client: ZoomClient,
	hostPath: string,
	sent: IDataObject,
	attemptStartedAt: number,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const meetings = await client.requestAllItems({
		path: hostPath,
		qs: { type: 'scheduled' },
		arrayKey: 'meetings',
		itemIndex,
	});
	const candidate = meetings
		.filter(
			(m) =>
				m.topic === sent.topic &&
				Number(m.type) === Number(sent.type ?? 2) &&
				Date.parse(String(m.created_at)) >= attemptStartedAt - CLOCK_SKEW_MS,
		)
		.sort((a, b) => Date.parse(String(b.created_at)) - Date.parse(String(a.created_at)))[0];
	if (!candidate) return undefined;
	// The list holds a summary; the caller expects what a create returns (join URL, settings, …).
	const { body } = await client.request<IDataObject>({
		method: 'GET',
		path: `/meetings/${String(candidate.id)}`,
		itemIndex,
	});
	return body;
}
