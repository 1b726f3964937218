import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readWebinarTarget } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import { optionsCollection } from '../requestSettings';
import { webinarIdField } from './webinarIdField';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'End',
	description: 'End a running webinar',
	action: 'End a webinar',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['updateWebinarStatus'];

export const description: INodeProperties[] = [
	webinarIdField('The running webinar to end for everyone: its ID or its join URL'),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = readWebinarTarget(this, itemIndex);
	await client.request({
		endpoint: 'updateWebinarStatus',
		pathParameters: { webinarId: target.pathId },
		body: { action: 'end' },
		itemIndex,
	});
	return { id: target.id, ended: true };
}
