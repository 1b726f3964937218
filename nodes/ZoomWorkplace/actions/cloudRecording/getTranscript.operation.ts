import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { validateField } from '../../helpers/validation';
import { parseVtt } from '../../helpers/vtt';
import type { ZoomClient } from '../../../core/transport';
import { MEETING_KIND } from '../shared/instances';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import { downloadText, notDownloadable } from './files';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Transcript',
	description: 'Read the transcript of a recording as segments and text',
	action: 'Get the transcript of a cloud recording',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['getMeetingRecordings'];

export const description: INodeProperties[] = [
	scopeNotice(endpoints, 'Needs "Audio transcript" on in the cloud recording settings.'),
	MEETING_KIND.locator(
		'The meeting: its ID (the latest instance), an instance UUID (that instance) or its join URL',
	),
	optionsCollection([
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{
					name: 'Audio Transcript',
					value: 'TRANSCRIPT',
					description: "Zoom's transcript of the cloud recording, with speaker names",
				},
				{
					name: 'Closed Captions',
					value: 'CC',
					description: 'The captions shown during the meeting',
				},
			],
			default: 'TRANSCRIPT',
			description: "Which of the recording's VTT files to read",
		},
	]),
];

/**
 * One item: the transcript's segments ({start, end, speaker, text}, seconds from the start of
 * the recording), its speakers and its full text ("Speaker: text" per line).
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const target = MEETING_KIND.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const source = validateField(
		this,
		itemIndex,
		'Source',
		z.enum(['TRANSCRIPT', 'CC'], { errorMap: () => ({ message: 'must be TRANSCRIPT or CC' }) }),
		options.source ?? 'TRANSCRIPT',
	);
	const { body: recording } = await client.request<IDataObject>({
		endpoint: 'getMeetingRecordings',
		pathParameters: { meetingId: target.pathId },
		itemIndex,
	});
	const files = Array.isArray(recording.recording_files)
		? (recording.recording_files as IDataObject[])
		: [];
	const file = files.find((f) => f.file_type === source);
	if (!file) {
		throw new NodeOperationError(
			this.getNode(),
			`The recording of meeting ${String(target.id)} has no ${source === 'CC' ? 'closed captions' : 'transcript'} (item ${itemIndex})`,
			{
				itemIndex,
				description:
					source === 'CC'
						? 'Zoom saves closed captions with the recording when "Save closed caption as a VTT file" is on in the recording settings.'
						: 'Zoom creates the transcript when "Audio transcript" is on in the cloud recording settings, some minutes after the recording is ready (the recording.transcript_completed event says when). Try Source "Closed Captions" for meetings with live captions.',
			},
		);
	}
	const reason = notDownloadable(file);
	if (reason) {
		throw new NodeOperationError(
			this.getNode(),
			`The transcript of meeting ${String(target.id)} cannot be read yet (item ${itemIndex}): ${reason}`,
			{ itemIndex },
		);
	}
	const transcript = parseVtt(await downloadText(this, itemIndex, file));
	return {
		meetingId: recording.id ?? target.id,
		uuid: recording.uuid,
		topic: recording.topic,
		start_time: recording.start_time,
		recordingId: file.id,
		fileType: source,
		speakers: transcript.speakers,
		segments: transcript.segments as unknown as IDataObject[],
		text: transcript.text,
	};
}
