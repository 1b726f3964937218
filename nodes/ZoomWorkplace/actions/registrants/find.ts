import type { IDataObject } from 'n8n-workflow';

import type { InstanceTarget } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import { findCreated, sameEmail } from '../../helpers/createdLookUp';
import type { RegistrantParent } from './parent';

/** A registration that a create just made is pending (manual approval) or approved. */
const LIVE_STATUSES = ['pending', 'approved'] as const;

/**
 * After a create whose answer was lost: the parent's registrants with these emails (lower
 * case → registrant). Zoom keeps one registration per email, so the email identifies it.
 */
export async function findRegistrants(
	client: ZoomClient,
	parent: RegistrantParent,
	target: InstanceTarget,
	emails: readonly string[],
): Promise<Map<string, IDataObject>> {
	const wanted = new Set(emails.map((email) => email.toLowerCase()));
	const found = new Map<string, IDataObject>();
	for (const status of LIVE_STATUSES) {
		const registrants = await client.requestAllItems({
			endpoint: parent.endpoints.list,
			pathParameters: { [parent.parameter]: target.pathId },
			qs: { status },
			arrayKey: 'registrants',
		});
		for (const email of wanted) {
			if (found.has(email)) continue;
			// Any age: Zoom answers a repeated registration with the one that exists.
			const registrant = findCreated(registrants, {
				sent: { email },
				compare: { email: sameEmail },
			});
			if (registrant) found.set(email, { ...registrant, status });
		}
		if (found.size === wanted.size) break;
	}
	return found;
}

/** What a create returns, rebuilt from a registrant found by the look-up. */
export function createdFromFound(target: InstanceTarget, registrant: IDataObject): IDataObject {
	const result: IDataObject = {
		id: target.id,
		registrant_id: registrant.id,
		email: registrant.email,
		status: registrant.status,
	};
	if (registrant.join_url) result.join_url = registrant.join_url;
	return result;
}
