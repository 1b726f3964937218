import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	RECORDING_FILE_TYPE_OPTIONS,
	RECORDING_FILE_TYPE_VALUES,
} from '../../../core/zoom/recordingFiles';
import type { InstanceTarget } from '../../helpers/parameters';
import { textChoiceSchema } from '../../helpers/schemas';
import { validateField } from '../../helpers/validation';
import { MEETING_KIND } from '../shared/instances';

export const fileTypesSchema = z
	.array(textChoiceSchema(RECORDING_FILE_TYPE_VALUES), {
		invalid_type_error: 'must be a list of file types',
	})
	.or(
		z
			.string()
			.transform((v) =>
				v
					.split(',')
					.map((s) => s.trim().toUpperCase())
					.filter(Boolean),
			)
			.pipe(z.array(z.enum(RECORDING_FILE_TYPE_VALUES))),
	);

export function fileTypesProperty(description: string): INodeProperties {
	return {
		displayName: 'File Types',
		name: 'fileTypes',
		type: 'multiOptions',
		options: RECORDING_FILE_TYPE_OPTIONS,
		default: [],
		description,
	};
}

/** Keeps only the files of the chosen types; no choice keeps all. */
export function filterFiles(
	files: IDataObject[] | undefined,
	types: readonly string[],
): IDataObject[] {
	const list = Array.isArray(files) ? files : [];
	if (types.length === 0) return list;
	return list.filter((file) => types.includes(String(file.file_type ?? '').toUpperCase()));
}

/** What to delete or recover: the meeting's recordings, or one file. */
export function recordingScopeFields(verb: string): INodeProperties[] {
	return [
		{
			displayName: 'Recordings',
			name: 'target',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'All Files of the Meeting',
					value: 'meeting',
					description: `${verb} every recording file of the meeting`,
				},
				{
					name: 'One File',
					value: 'file',
					description: `${verb} one file, by its ID (the ID of an entry of recording_files)`,
				},
			],
			default: 'meeting',
		},
		{
			displayName: 'Recording File ID',
			name: 'recordingId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'a2f19f96-9294-4f51-8134-6f0eea108eb2',
			description:
				'The ID of the file, from the ID of an entry of recording_files (Get or Get Many)',
			displayOptions: { show: { target: ['file'] } },
		},
	];
}

export const recordingIdSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'is required: the "id" of an entry of recording_files')
	.refine((v) => !/[\s/?#]/.test(v), 'must be a recording file ID (no spaces, "/", "?" or "#")');

/**
 * What an item deletes or recovers (the parameters of `recordingScopeFields`): the meeting's
 * recordings, or one file of them (`recordingId`).
 */
export function readRecordingScope(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { target: InstanceTarget; recordingId?: string } {
	const target = MEETING_KIND.read(ctx, itemIndex);
	if (ctx.getNodeParameter('target', itemIndex, 'meeting') !== 'file') return { target };
	const recordingId = validateField(
		ctx,
		itemIndex,
		'Recording File ID',
		recordingIdSchema,
		ctx.getNodeParameter('recordingId', itemIndex, ''),
	);
	return { target, recordingId };
}
