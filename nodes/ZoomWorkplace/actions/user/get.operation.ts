import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readUserId } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import { userIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get',
	description: 'Get a user by ID, email or "me"',
	action: 'Get a user',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['getUser'];

export const description: INodeProperties[] = [userIdField(), optionsCollection()];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const userId = readUserId(this, itemIndex);
	const { body } = await client.request<IDataObject>({
		endpoint: 'getUser',
		pathParameters: { userId },
		itemIndex,
	});
	return body;
}
