import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldsCollection } from '../../helpers/fields';
import { readWebinarTarget } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import { occurrenceIdOption } from '../common.descriptions';
import { assertSomethingToUpdate, readBackAfterUpdate } from '../readBack';
import { optionsCollection, readOperationOptions } from '../requestSettings';
import { buildWebinarBody, webinarFieldDefinitions } from './webinarFields';
import { webinarIdField } from './webinarIdField';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Update',
	description: 'Update a webinar or one occurrence',
	action: 'Update a webinar',
};
const definitions = webinarFieldDefinitions(true);

const OPTIONS = [
	occurrenceIdOption(
		'Update only this occurrence of a recurring webinar (digits). Zoom then accepts only Agenda, Start Time, Duration and some settings.',
	),
];

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['updateWebinar', 'getWebinar'];

export const description: INodeProperties[] = [
	webinarIdField(),
	{
		displayName:
			'Zoom answers an update with no content, so the node reads the webinar back and outputs it as Get does. If the app may not read webinars, the output only confirms the update (its ID and updated: true).',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	fieldsCollection('updateFields', 'Update Fields', definitions),
	optionsCollection(OPTIONS),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = readWebinarTarget(this, itemIndex);
	const { qs } = readOperationOptions(this, itemIndex, OPTIONS);
	const occurrenceId = qs.occurrence_id as string | undefined;
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	// false and 0 are kept: turning a setting off is an update.
	const body = buildWebinarBody(this, itemIndex, definitions, fields);
	assertSomethingToUpdate(this, itemIndex, body);
	const pathParameters = { webinarId: target.pathId };
	await client.request({ endpoint: 'updateWebinar', pathParameters, qs, body, itemIndex });
	const confirmation: IDataObject = { id: target.id };
	if (occurrenceId) confirmation.occurrenceId = occurrenceId;
	return await readBackAfterUpdate(
		this,
		client,
		{ endpoint: 'getWebinar', pathParameters, qs, itemIndex },
		confirmation,
	);
}
