import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../../core/transport';
import { locatorFor, WEBINAR_KIND } from '../shared/instances';
import { optionsCollection } from '../shared/requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Remove',
	description: 'Remove one panelist from a webinar',
	action: 'Remove a webinar panelist',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['removeWebinarPanelist'];

export const description: INodeProperties[] = [
	locatorFor(WEBINAR_KIND, 'removeWebinarPanelist'),
	{
		displayName: 'Panelist ID',
		name: 'panelistId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Tg2b6GhcQKKbV7nSCbDKug',
		description: "The panelist's ID, as Add or Get Many return it",
	},
	optionsCollection(),
];

const panelistIdSchema = z
	.union([z.string(), z.number()], { invalid_type_error: 'must be text' })
	.transform((v) => String(v).trim())
	.pipe(
		z
			.string()
			.min(1, 'is required')
			.regex(/^[A-Za-z0-9_-]+$/, 'must be a panelist ID such as Tg2b6GhcQKKbV7nSCbDKug'),
	);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = WEBINAR_KIND.read(this, itemIndex);
	const panelistId = validateField(
		this,
		itemIndex,
		'Panelist ID',
		panelistIdSchema,
		this.getNodeParameter('panelistId', itemIndex, ''),
	);
	await client.request({
		endpoint: 'removeWebinarPanelist',
		pathParameters: { webinarId: target.pathId, panelistId },
		itemIndex,
	});
	return { id: target.id, panelist_id: panelistId, removed: true };
}
