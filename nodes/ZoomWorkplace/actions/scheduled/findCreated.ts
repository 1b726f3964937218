import type { IDataObject } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import {
	creationTime,
	findCreated,
	same,
	sameListedAgenda,
	sameStartWhenUtc,
	sameWhenSent,
} from '../../helpers/createdLookUp';
import type { ScheduledDescriptor } from './descriptor';

/**
 * What a meeting or webinar found in the host's list must share with what the create sent:
 * Zoom's list items carry the topic, type, duration, agenda (cut to 250 characters) and start
 * time (UTC) of both kinds.
 */
const COMPARE = {
	topic: same,
	type: same,
	duration: sameWhenSent,
	agenda: sameListedAgenda,
	start_time: sameStartWhenUtc,
};

/**
 * After a create whose answer was lost, the meeting or webinar that attempt may have made: in the
 * host's scheduled list, matching what was sent, created since the attempt began, not already
 * returned for another item; the oldest such, read in full (the list holds a summary, the caller
 * expects what a create returns: join URL, settings, …).
 */
export async function findCreatedScheduled(
	kind: ScheduledDescriptor,
	client: ZoomClient,
	hostUserId: string,
	sent: IDataObject,
	attemptStartedAt: number,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const listed = await kind.list(client, hostUserId, { type: 'scheduled' }, undefined, itemIndex);
	const created = findCreated(listed, {
		sent: { type: kind.defaultType, ...sent },
		compare: COMPARE,
		since: { attemptStartedAt, createdAt: (found) => creationTime(found.created_at) },
		taken: (found) => client.alreadyReturned(found.id),
	});
	if (!created) return undefined;
	const { body } = await client.request<IDataObject>({
		endpoint: kind.endpoints.get,
		pathParameters: { [kind.parameter]: String(created.id) },
		itemIndex,
	});
	return body;
}
