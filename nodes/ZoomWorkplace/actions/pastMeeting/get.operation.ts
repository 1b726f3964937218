import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import { MEETING_KIND } from '../shared/instances';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get',
	description: 'Get the details of a meeting that took place',
	action: 'Get a past meeting',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['getPastMeeting'];

export const description: INodeProperties[] = [
	scopeNotice(endpoints, 'Needs a paid (Pro or higher) plan.'),
	MEETING_KIND.locator(
		'The meeting that took place: its ID (the latest instance), an instance UUID (from Get Instances) or its join URL',
	),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = MEETING_KIND.read(this, itemIndex);
	const { body } = await client.request<IDataObject>({
		endpoint: 'getPastMeeting',
		pathParameters: { meetingId: target.pathId },
		itemIndex,
	});
	return body;
}
