import type { IDataObject } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import { listWebinars } from './listWebinars';

/** Zoom's clock and ours may differ a little; a webinar created this long before the attempt is not ours. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;

function sameWhenSent(sent: unknown, found: unknown): boolean {
	return sent === undefined || found === undefined || String(sent) === String(found);
}

/**
 * After a create whose answer was lost (5xx, dropped connection), looks for the webinar that
 * attempt may have created: same host, topic, type (and duration when sent), created since the
 * attempt began, and not already returned for another item; the oldest such.
 */
export async function findCreatedWebinar(
	client: ZoomClient,
	hostUserId: string,
	sent: IDataObject,
	attemptStartedAt: number,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const webinars = await listWebinars(client, hostUserId, {}, undefined, itemIndex);
	const candidate = webinars
		.filter(
			(w) =>
				!client.alreadyReturned(w.id) &&
				w.topic === sent.topic &&
				Number(w.type) === Number(sent.type ?? 5) &&
				sameWhenSent(sent.duration, w.duration) &&
				Date.parse(String(w.created_at)) >= attemptStartedAt - CLOCK_SKEW_MS,
		)
		.sort((a, b) => Date.parse(String(a.created_at)) - Date.parse(String(b.created_at)))[0];
	if (!candidate) return undefined;
	const { body } = await client.request<IDataObject>({
		endpoint: 'getWebinar',
		pathParameters: { webinarId: String(candidate.id) },
		itemIndex,
	});
	return body;
}
