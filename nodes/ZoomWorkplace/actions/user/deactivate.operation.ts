import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { encodeUserIdForPath } from '../../helpers/identifiers';
import { userIdSchema } from '../../helpers/schemas';
import { locatorValue } from '../../helpers/locator';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../transport';
import { userIdField } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';

const show = { resource: ['user'], operation: ['deactivate'] };

export const description: INodeProperties[] = [userIdField(show), optionsCollection(show)];

/** Deactivates the user (PUT /users/{userId}/status); Zoom answers with no content. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const userId = validateField(
		this,
		itemIndex,
		'User',
		userIdSchema,
		locatorValue(this, 'userId', itemIndex),
	);
	await client.request({
		method: 'PUT',
		path: `/users/${encodeUserIdForPath(userId)}/status`,
		body: { action: 'deactivate' },
		itemIndex,
	});
	return { id: userId, status: 'inactive' };
}
