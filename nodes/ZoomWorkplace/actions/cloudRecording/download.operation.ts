import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../../core/transport';
import { MEETING_KIND } from '../shared/instances';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import { ItemsWithBinary, type OperationLabel } from '../shared/types';
import { binaryPropertyNames, downloadToBinary, notDownloadable } from './files';
import { fileTypesProperty, fileTypesSchema, filterFiles } from './shared';
import type { EndpointName } from '../../../core/zoom/endpoints';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Download',
	description: 'Download the files of a recording into binary properties',
	action: 'Download a cloud recording',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['getMeetingRecordings'];

export const description: INodeProperties[] = [
	scopeNotice(endpoints),
	MEETING_KIND.locator(
		'The meeting: its ID (the latest instance), an instance UUID (that instance) or its join URL',
	),
	{
		...fileTypesProperty(
			'Which files to download. None chosen: every file of the recording. Each becomes a binary property named after its type (mp4, m4a, transcript, …; a second file of a type gets _2).',
		),
	},
	optionsCollection([
		{
			displayName: 'Binary Property Prefix',
			name: 'binaryPropertyPrefix',
			type: 'string',
			default: '',
			placeholder: 'recording_',
			description:
				'Put before each binary property name, e.g. "recording_" gives recording_mp4, recording_m4a',
		},
	]),
];

const prefixSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.regex(/^[A-Za-z0-9_-]*$/, 'may only contain letters, digits, "_" and "-"');

/**
 * One item per meeting: the recording's details in JSON (each file with its binary property,
 * name, type and size) and every downloaded file as a binary property, streamed into n8n's
 * binary data store one after the other.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<ItemsWithBinary> {
	const target = MEETING_KIND.read(this, itemIndex);
	const fileTypes = validateField(
		this,
		itemIndex,
		'File Types',
		fileTypesSchema,
		this.getNodeParameter('fileTypes', itemIndex, []),
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const prefix = validateField(
		this,
		itemIndex,
		'Binary Property Prefix',
		prefixSchema,
		options.binaryPropertyPrefix ?? '',
	);
	const { body: recording } = await client.request<IDataObject>({
		endpoint: 'getMeetingRecordings',
		pathParameters: { meetingId: target.pathId },
		itemIndex,
	});
	const all = Array.isArray(recording.recording_files)
		? (recording.recording_files as IDataObject[])
		: [];
	const chosen = filterFiles(all, fileTypes);
	if (chosen.length === 0) {
		const available = [...new Set(all.map((file) => String(file.file_type)))].join(', ');
		throw new NodeOperationError(
			this.getNode(),
			`The recording of meeting ${String(target.id)} has no ${fileTypes.join(' or ')} file (item ${itemIndex})`,
			{
				itemIndex,
				description: available
					? `It has: ${available}. Choose other File Types, or none for all files.`
					: 'Zoom listed no files for it.',
			},
		);
	}
	const skipped: IDataObject[] = [];
	const downloadable: IDataObject[] = [];
	for (const file of chosen) {
		const reason = notDownloadable(file);
		if (reason) skipped.push({ id: file.id, file_type: file.file_type, reason });
		else downloadable.push(file);
	}
	const names = binaryPropertyNames(downloadable, prefix);
	const binary: IBinaryKeyData = {};
	const files: IDataObject[] = [];
	const topic = typeof recording.topic === 'string' ? recording.topic : undefined;
	for (const [index, file] of downloadable.entries()) {
		const stored = await downloadToBinary(this, itemIndex, file, topic);
		binary[names[index]] = stored.binary;
		files.push({
			id: file.id,
			file_type: file.file_type,
			recording_type: file.recording_type,
			recording_start: file.recording_start,
			recording_end: file.recording_end,
			file_size: file.file_size,
			binaryProperty: names[index],
			fileName: stored.binary.fileName,
			mimeType: stored.binary.mimeType,
			bytes: stored.bytes,
			...(stored.resumes || stored.restarts
				? { resumes: stored.resumes, restarts: stored.restarts }
				: {}),
		});
	}
	// The files are described in `files`; a download access token is not repeated in the output.
	const meeting = { ...recording };
	delete meeting.recording_files;
	delete meeting.download_access_token;
	const json: IDataObject = { ...meeting, files };
	if (skipped.length) json.skipped = skipped;
	return new ItemsWithBinary([{ json, binary }]);
}
