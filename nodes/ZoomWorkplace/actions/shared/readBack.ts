import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ZoomClient, ZoomRequest } from '../../../core/transport';

/**
 * Zoom answers an update with 204 and no body: reads the object back so the output shows its
 * new state. The update did happen, so a failed read (e.g. an app with write scopes only) gives
 * `confirmation` with the read error instead of failing the item.
 */
export async function readBackAfterUpdate(
	ctx: IExecuteFunctions,
	client: ZoomClient,
	read: ZoomRequest,
	confirmation: IDataObject,
): Promise<IDataObject> {
	try {
		const { body } = await client.request<IDataObject>(read);
		return body;
	} catch (error) {
		if (ctx.getExecutionCancelSignal()?.aborted) {
			throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: read.itemIndex });
		}
		return { ...confirmation, updated: true, readBackError: (error as Error).message };
	}
}

/** An update with nothing in it would change nothing: the item stops before any request. */
export function assertSomethingToUpdate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): void {
	if (Object.keys(body).length > 0) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`Add at least one field to update (item ${itemIndex})`,
		{
			itemIndex,
			description:
				'Choose a field under "Update Fields": an update with nothing in it would change nothing.',
		},
	);
}
