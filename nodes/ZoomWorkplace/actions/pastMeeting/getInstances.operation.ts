import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isNumericMeetingId } from '../../helpers/identifiers';
import type { ZoomClient } from '../../../core/transport';
import { MEETING_KIND } from '../shared/instances';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Instances',
	description: 'List each time a meeting took place (UUID and start time)',
	action: 'Get past meeting instances',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['listPastMeetingInstances'];

export const description: INodeProperties[] = [
	scopeNotice(endpoints),
	MEETING_KIND.locator(
		'The meeting: its ID or its join URL (an instance UUID is not accepted here)',
	),
	optionsCollection(),
];

/** One item per time the meeting took place: `{uuid, start_time}`, newest first as Zoom lists them. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject[]> {
	const target = MEETING_KIND.read(this, itemIndex);
	if (!isNumericMeetingId(target.pathId)) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "Meeting" in item ${itemIndex}: Get Instances needs the meeting ID (digits), not an instance UUID`,
			{
				itemIndex,
				description:
					'Zoom lists the instances of a meeting by its number, e.g. 85746065432. Use Past Meeting → Get for one instance by UUID.',
			},
		);
	}
	const { body } = await client.request<IDataObject>({
		endpoint: 'listPastMeetingInstances',
		pathParameters: { meetingId: target.pathId },
		itemIndex,
	});
	const instances = Array.isArray(body.meetings) ? (body.meetings as IDataObject[]) : [];
	return instances.map((instance) => ({ meetingId: target.id, ...instance }));
}
