import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readOccurrenceId } from '../../helpers/parameters';
import { readWebinarIdOrUuid } from '../../helpers/numericTargets';
import type { ZoomClient } from '../../transport';
import { occurrenceIdOption } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';
import { webinarIdField } from './webinarIdField';

const show = { resource: ['webinar'], operation: ['get'] };

export const description: INodeProperties[] = [
	webinarIdField(
		show,
		'The webinar: its ID, its join URL, or the UUID of one of its past instances',
	),
	optionsCollection(show, [
		{
			...occurrenceIdOption,
			description: 'Return the details of this occurrence of a recurring webinar',
		},
		{
			displayName: 'Show Previous Occurrences',
			name: 'showPreviousOccurrences',
			type: 'boolean',
			default: false,
			description: 'Whether to list the past occurrences of a recurring webinar too',
		},
	]),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = readWebinarIdOrUuid(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const occurrenceId = readOccurrenceId(this, itemIndex, options.occurrenceId);
	if (occurrenceId) qs.occurrence_id = occurrenceId;
	if (options.showPreviousOccurrences !== undefined)
		qs.show_previous_occurrences = Boolean(options.showPreviousOccurrences);
	const { body } = await client.request<IDataObject>({
		endpoint: 'getWebinar',
		pathParameters: { webinarId: target.pathId },
		qs,
		itemIndex,
	});
	return body;
}
