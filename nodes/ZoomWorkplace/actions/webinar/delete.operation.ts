import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readOccurrenceId } from '../../helpers/parameters';
import { readWebinarTarget } from '../../helpers/numericTargets';
import type { ZoomClient } from '../../transport';
import { occurrenceIdOption } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';
import { webinarIdField } from './webinarIdField';

const show = { resource: ['webinar'], operation: ['delete'] };

export const description: INodeProperties[] = [
	webinarIdField(show),
	optionsCollection(show, [
		{
			displayName: 'Notify Registrants',
			name: 'notifyRegistrants',
			type: 'boolean',
			default: false,
			description: 'Whether to email the registrants and panelists about the cancellation',
		},
		{
			...occurrenceIdOption,
			description: 'Delete only this occurrence of a recurring webinar (digits)',
		},
	]),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = readWebinarTarget(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const occurrenceId = readOccurrenceId(this, itemIndex, options.occurrenceId);
	if (occurrenceId) qs.occurrence_id = occurrenceId;
	if (options.notifyRegistrants !== undefined)
		qs.cancel_webinar_reminder = Boolean(options.notifyRegistrants);
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
