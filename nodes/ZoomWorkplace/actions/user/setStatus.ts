import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readUserId } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import { userIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import type { OperationLabel, ZoomOperation } from '../shared/types';

/** Activate and Deactivate differ only in the action sent (PUT /users/{userId}/status → 204). */
const LABELS: Record<'activate' | 'deactivate', OperationLabel> = {
	activate: {
		name: 'Activate',
		description: 'Activate a deactivated user',
		action: 'Activate a user',
	},
	deactivate: { name: 'Deactivate', description: 'Deactivate a user', action: 'Deactivate a user' },
};

export function statusOperation(action: 'activate' | 'deactivate'): ZoomOperation {
	const description: INodeProperties[] = [userIdField(), optionsCollection()];
	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
		client: ZoomClient,
	): Promise<IDataObject> {
		const userId = readUserId(this, itemIndex);
		await client.request({
			endpoint: 'updateUserStatus',
			pathParameters: { userId },
			body: { action },
			itemIndex,
		});
		return { id: userId, status: action === 'activate' ? 'active' : 'inactive' };
	}
	return { label: LABELS[action], description, execute, endpoints: ['updateUserStatus'] };
}
