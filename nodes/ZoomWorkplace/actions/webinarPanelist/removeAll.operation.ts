import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import { locatorFor, WEBINAR_KIND } from '../shared/instances';
import { optionsCollection } from '../shared/requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Remove All',
	description: 'Remove every panelist from a webinar',
	action: 'Remove all webinar panelists',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['removeWebinarPanelists'];

export const description: INodeProperties[] = [
	locatorFor(WEBINAR_KIND, 'removeWebinarPanelists'),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = WEBINAR_KIND.read(this, itemIndex);
	await client.request({
		endpoint: 'removeWebinarPanelists',
		pathParameters: { webinarId: target.pathId },
		itemIndex,
	});
	return { id: target.id, removedAll: true };
}
