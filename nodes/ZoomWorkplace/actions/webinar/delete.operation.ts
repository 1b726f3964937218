import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldDefinition } from '../../helpers/fields';
import { booleanSchema } from '../../helpers/schemas';
import { readWebinarTarget } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import { occurrenceIdOption } from '../common.descriptions';
import { optionsCollection, readOperationOptions } from '../requestSettings';
import { webinarIdField } from './webinarIdField';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Delete',
	description: 'Delete a webinar or one occurrence',
	action: 'Delete a webinar',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['deleteWebinar'];

const OPTIONS: FieldDefinition[] = [
	{
		property: {
			displayName: 'Notify Registrants',
			name: 'notifyRegistrants',
			type: 'boolean',
			default: false,
			description: 'Whether to email the registrants and panelists about the cancellation',
		},
		zoom: 'cancel_webinar_reminder',
		in: 'query',
		schema: booleanSchema,
	},
	occurrenceIdOption('Delete only this occurrence of a recurring webinar (digits)'),
];

export const description: INodeProperties[] = [
	webinarIdField(),
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
	await client.request({
		endpoint: 'deleteWebinar',
		pathParameters: { webinarId: target.pathId },
		qs,
		itemIndex,
	});
	return occurrenceId
		? { id: target.id, occurrenceId, deleted: true }
		: { id: target.id, deleted: true };
}
