import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { applyFields, fieldsCollection, type FieldDefinition } from '../../helpers/fields';
import { monthWindows } from '../../helpers/monthWindows';
import { readLimit, readUserId } from '../../helpers/parameters';
import { booleanSchema, dateOnlySchema } from '../../helpers/schemas';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../../core/transport';
import { returnAllAndLimit, userIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import { fileTypesProperty, fileTypesSchema, filterFiles } from './shared';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Many',
	description: "List a user's cloud recordings between two dates",
	action: 'Get many cloud recordings',
};

/** Zoom filters of `GET /users/{userId}/recordings`, each sent under Zoom's name. */
const filterFields: FieldDefinition[] = [
	{
		property: {
			displayName: 'Meeting ID',
			name: 'meetingId',
			type: 'string',
			default: '',
			placeholder: '85746065432',
			description: 'Only the recordings of this meeting (its number, digits only)',
		},
		zoom: 'meeting_id',
		in: 'query',
		schema: z
			.union([z.number(), z.string().trim()])
			.transform((v) => String(v).replace(/[\s-]/g, ''))
			.refine((v) => /^\d{9,12}$/.test(v), 'must be a meeting ID of 9 to 12 digits')
			.transform(Number),
		skip: (value) => value === '',
	},
	{
		property: {
			displayName: 'Trash',
			name: 'trash',
			type: 'boolean',
			default: false,
			description:
				'Whether to list the recordings in the trash instead. Zoom cannot filter the trash by date, so From and To are not sent then (the whole trash is listed, Zoom keeps it 30 days).',
		},
		zoom: 'trash',
		in: 'query',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Trash Type',
			name: 'trashType',
			type: 'options',
			options: [
				{
					name: 'Meeting Recordings',
					value: 'meeting_recordings',
					description: 'Meetings whose recordings were trashed as a whole',
				},
				{
					name: 'Recording Files',
					value: 'recording_file',
					description: 'Single files that were trashed',
				},
			],
			default: 'meeting_recordings',
			description: 'What to list from the trash (with Trash on)',
		},
		zoom: 'trash_type',
		in: 'query',
		schema: z.enum(['meeting_recordings', 'recording_file']),
	},
];

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['listUserRecordings'];

export const description: INodeProperties[] = [
	scopeNotice(endpoints, 'Needs a Pro or higher plan with Cloud Recording on.'),
	userIdField('Whose cloud recordings to list: "me", a user ID or an email'),
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'First day (UTC) of meetings whose recordings to list. Any range works: the node asks Zoom month by month.',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		description: 'Last day (UTC), included. Empty: today.',
	},
	...returnAllAndLimit(),
	{
		...fieldsCollection('filters', 'Filters', filterFields, 'Add Filter'),
		options: [
			...filterFields.map((field) => field.property),
			fileTypesProperty(
				'Only these files in each meeting\'s "recording_files"; meetings without such a file are left out. None chosen: all files.',
			),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	optionsCollection(),
];

/** A date picker gives a string; an expression may give a Luxon DateTime or a Date. */
function asText(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	return value !== null && typeof value === 'object' ? String(value) : value;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject[]> {
	const userId = readUserId(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const { fileTypes: rawTypes, ...zoomFilters } = this.getNodeParameter(
		'filters',
		itemIndex,
		{},
	) as IDataObject;
	const fileTypes =
		rawTypes === undefined
			? []
			: validateField(this, itemIndex, 'File Types', fileTypesSchema, rawTypes);
	const { qs } = applyFields(this, itemIndex, filterFields, zoomFilters);
	const inTrash = qs.trash === true;
	if (!inTrash) delete qs.trash_type;

	const from = validateField(
		this,
		itemIndex,
		'From',
		dateOnlySchema,
		asText(this.getNodeParameter('from', itemIndex, '')),
	);
	const rawTo = asText(this.getNodeParameter('to', itemIndex, ''));
	const to = validateField(
		this,
		itemIndex,
		'To',
		dateOnlySchema.refine((v) => v >= from, `must not be before From (${from})`),
		rawTo === '' || rawTo === undefined || rawTo === null
			? new Date().toISOString().slice(0, 10)
			: rawTo,
	);

	// Zoom cannot filter the trash by date: one listing. Otherwise one listing per month,
	// newest month first, so a Limit keeps the most recent recordings.
	const windows = inTrash ? [undefined] : monthWindows(from, to).reverse();
	const results: IDataObject[] = [];
	const seen = new Set<string>();
	for (const window of windows) {
		const remaining = limit === undefined ? undefined : limit - results.length;
		if (remaining !== undefined && remaining <= 0) break;
		const meetings = await client.requestAllItems({
			endpoint: 'listUserRecordings',
			pathParameters: { userId },
			qs: window ? { ...qs, from: window.from, to: window.to } : qs,
			arrayKey: 'meetings',
			// With a file-type filter, a page may shrink: ask for whole windows.
			limit: fileTypes.length > 0 ? undefined : remaining,
			itemIndex,
		});
		for (const meeting of meetings) {
			const key = String(meeting.uuid ?? `${String(meeting.id)}|${String(meeting.start_time)}`);
			if (seen.has(key)) continue;
			seen.add(key);
			if (fileTypes.length > 0) {
				const files = filterFiles(meeting.recording_files as IDataObject[], fileTypes);
				if (files.length === 0) continue;
				results.push({ ...meeting, recording_files: files });
			} else results.push(meeting);
		}
	}
	return limit === undefined ? results : results.slice(0, limit);
}
