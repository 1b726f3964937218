import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { encodeMeetingIdForPath, isNumericMeetingId } from '../../helpers/identifiers';
import { meetingIdSchema, occurrenceIdSchema } from '../../helpers/schemas';
import { locatorValue } from '../../helpers/parameters';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../transport';
import { meetingIdField } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';

const show = { resource: ['meeting'], operation: ['get'] };

/** The meeting an item addresses: `id` as Zoom shows it (a number for a meeting ID), `path` ready for a URL. */
export interface MeetingTarget {
	id: number | string;
	path: string;
}

/**
 * Reads and validates the `meetingId` locator (ID, UUID or join URL) of one item.
 * Shared by every operation on one meeting.
 */
export function readMeetingTarget(ctx: IExecuteFunctions, itemIndex: number): MeetingTarget {
	const raw = locatorValue(ctx, 'meetingId', itemIndex);
	// An expression such as {{ $json.id }} gives Zoom's numeric ID as a number.
	const meetingId = validateField(
		ctx,
		itemIndex,
		'Meeting',
		meetingIdSchema,
		typeof raw === 'number' ? String(raw) : raw,
	);
	const asNumber = Number(meetingId);
	// Zoom's meeting objects carry `id` as a number; UUIDs stay text.
	const id = isNumericMeetingId(meetingId) && Number.isSafeInteger(asNumber) ? asNumber : meetingId;
	return { id, path: `/meetings/${encodeMeetingIdForPath(meetingId)}` };
}

/** Reads and validates an optional occurrence ID ("" = none). */
export function readOccurrenceId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return validateField(
		ctx,
		itemIndex,
		'Occurrence ID',
		occurrenceIdSchema,
		typeof value === 'number' ? String(value) : value,
	);
}

export const occurrenceIdOption: INodeProperties = {
	displayName: 'Occurrence ID',
	name: 'occurrenceId',
	type: 'string',
	default: '',
	placeholder: '1648194360000',
	description:
		'One occurrence of a recurring meeting (digits, from the meeting\'s "occurrences" list)',
};

export const description: INodeProperties[] = [
	meetingIdField(show),
	optionsCollection(show, [
		{
			...occurrenceIdOption,
			description:
				'Return the details of this occurrence of a recurring meeting (digits, from the meeting\'s "occurrences" list)',
		},
		{
			displayName: 'Show Previous Occurrences',
			name: 'showPreviousOccurrences',
			type: 'boolean',
			default: false,
			description: 'Whether to list the past occurrences of a recurring meeting too',
		},
	]),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = readMeetingTarget(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const occurrenceId = readOccurrenceId(this, itemIndex, options.occurrenceId);
	if (occurrenceId) qs.occurrence_id = occurrenceId;
	if (options.showPreviousOccurrences !== undefined)
		qs.show_previous_occurrences = Boolean(options.showPreviousOccurrences);
	const { body } = await client.request<IDataObject>({
		method: 'GET',
		path: target.path,
		qs,
		itemIndex,
	});
	return body;
}
