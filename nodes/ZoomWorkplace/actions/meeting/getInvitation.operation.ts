import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import { locatorFor, MEETING_KIND } from '../shared/instances';
import { optionsCollection } from '../shared/requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Invitation',
	description: 'Get the invitation text of a meeting',
	action: 'Get a meeting invitation',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['getMeetingInvitation'];

export const description: INodeProperties[] = [
	locatorFor(MEETING_KIND, 'getMeetingInvitation'),
	optionsCollection(),
];

/** Returns `{ id, invitation }` (and Zoom's `sip_links` when present). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = MEETING_KIND.read(this, itemIndex);
	const { body } = await client.request<IDataObject>({
		endpoint: 'getMeetingInvitation',
		pathParameters: { meetingId: target.pathId },
		itemIndex,
	});
	return { id: target.id, ...body };
}
