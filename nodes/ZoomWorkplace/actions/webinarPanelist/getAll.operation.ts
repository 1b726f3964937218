import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import { returnAllAndLimit } from '../shared/common.descriptions';
import { locatorFor, WEBINAR_KIND } from '../shared/instances';
import { optionsCollection } from '../shared/requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Many',
	description: 'List the panelists of a webinar',
	action: 'Get many webinar panelists',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['listWebinarPanelists'];

export const description: INodeProperties[] = [
	locatorFor(WEBINAR_KIND, 'listWebinarPanelists'),
	...returnAllAndLimit(),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject[]> {
	const target = WEBINAR_KIND.read(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	// Zoom returns all panelists in one answer (the endpoint takes no page parameters).
	const { body } = await client.request<IDataObject>({
		endpoint: 'listWebinarPanelists',
		pathParameters: { webinarId: target.pathId },
		itemIndex,
	});
	const panelists = Array.isArray(body.panelists) ? (body.panelists as IDataObject[]) : [];
	return limit === undefined ? panelists : panelists.slice(0, limit);
}
