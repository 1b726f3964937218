/**
 * Zoom cloud-recording files: the file types a user can choose (one list for the Zoom Workplace
 * node's Cloud Recording operations and the trigger's recording.completed downloads), their MIME
 * types and extensions, and the names files get in n8n.
 *
 * `recording_files[].file_type` (Meeting API and the recording.completed webhook): MP4, M4A, CHAT,
 * TRANSCRIPT, CSV, TB, CC, CHAT_MESSAGE, SUMMARY, TIMELINE; `file_extension`: MP4, M4A, TXT, VTT,
 * CSV, JSON, JPG.
 */

/** A file type a user can choose, with what the file is. */
export interface RecordingFileType {
	/** Zoom's `file_type` */
	value: string;
	/** shown in the File Types selector */
	name: string;
	mimeType: string;
	extension: string;
}

/** Zoom's `recording_files[].file_type` values, in the order the selectors show them (by name). */
export const RECORDING_FILE_TYPES: readonly RecordingFileType[] = [
	{ value: 'M4A', name: 'Audio Only (M4A)', mimeType: 'audio/mp4', extension: 'm4a' },
	{ value: 'CHAT', name: 'Chat (TXT)', mimeType: 'text/plain', extension: 'txt' },
	{
		value: 'CHAT_MESSAGE',
		name: 'Chat Messages (CHAT_MESSAGE)',
		mimeType: 'application/json',
		extension: 'json',
	},
	{ value: 'CC', name: 'Closed Captions (CC, VTT)', mimeType: 'text/vtt', extension: 'vtt' },
	{ value: 'CSV', name: 'Poll Results (CSV)', mimeType: 'text/csv', extension: 'csv' },
	{ value: 'SUMMARY', name: 'Summary (SUMMARY)', mimeType: 'application/json', extension: 'json' },
	{ value: 'TB', name: 'Thumbnail (TB)', mimeType: 'image/jpeg', extension: 'jpg' },
	{
		value: 'TIMELINE',
		name: 'Timeline (TIMELINE, JSON)',
		mimeType: 'application/json',
		extension: 'json',
	},
	{
		value: 'TRANSCRIPT',
		name: 'Transcript (TRANSCRIPT, VTT)',
		mimeType: 'text/vtt',
		extension: 'vtt',
	},
	{ value: 'MP4', name: 'Video (MP4)', mimeType: 'video/mp4', extension: 'mp4' },
];

/** The values of RECORDING_FILE_TYPES (for schemas). */
export const RECORDING_FILE_TYPE_VALUES = RECORDING_FILE_TYPES.map((type) => type.value) as [
	string,
	...string[],
];

/** `{name, value}` options for a File Types selector. */
export const RECORDING_FILE_TYPE_OPTIONS = RECORDING_FILE_TYPES.map(({ name, value }) => ({
	name,
	value,
}));

/** What the trigger downloads unless told otherwise: the recording itself, transcript and chat. */
export const DEFAULT_RECORDING_FILE_TYPES: readonly string[] = ['MP4', 'M4A', 'TRANSCRIPT', 'CHAT'];

/** Zoom's `file_extension` values → MIME type and extension. */
const BY_EXTENSION: Record<string, { mimeType: string; extension: string }> = {
	MP4: { mimeType: 'video/mp4', extension: 'mp4' },
	M4A: { mimeType: 'audio/mp4', extension: 'm4a' },
	VTT: { mimeType: 'text/vtt', extension: 'vtt' },
	TXT: { mimeType: 'text/plain', extension: 'txt' },
	JSON: { mimeType: 'application/json', extension: 'json' },
	CSV: { mimeType: 'text/csv', extension: 'csv' },
	JPG: { mimeType: 'image/jpeg', extension: 'jpg' },
};

/** `file_type` values Zoom may send beyond the ones offered to users. */
const OTHER_TYPES: Record<string, { mimeType: string; extension: string }> = {
	POLL: { mimeType: 'text/csv', extension: 'csv' },
};

const BY_TYPE: Record<string, { mimeType: string; extension: string }> = {
	...OTHER_TYPES,
	...Object.fromEntries(
		RECORDING_FILE_TYPES.map(({ value, mimeType, extension }) => [value, { mimeType, extension }]),
	),
};

/** The fields of a `recording_files[]` entry that name and type a file. */
export interface RecordingFileInfo {
	id?: string;
	file_type?: string;
	file_extension?: string;
	recording_type?: string;
	recording_start?: string;
}

/**
 * MIME type and extension of a recording file: from Zoom's `file_extension`, else its
 * `file_type`, else what the server sent (`contentType`), else application/octet-stream.
 */
export function recordingMediaType(
	file: RecordingFileInfo,
	contentType?: string,
): { mimeType: string; extension: string } {
	const known =
		BY_EXTENSION[(file.file_extension ?? '').toUpperCase()] ??
		BY_TYPE[(file.file_type ?? '').toUpperCase()];
	if (known) return known;
	const served = (contentType ?? '').split(';')[0].trim().toLowerCase();
	const extension = (file.file_extension ?? file.file_type ?? 'bin').toLowerCase();
	return {
		mimeType: served && served !== 'application/octet-stream' ? served : 'application/octet-stream',
		extension: /^[a-z0-9]{1,8}$/.test(extension) ? extension : 'bin',
	};
}

/** A base name without path separators or control characters; undefined when nothing is left. */
export function safeFileName(name: string): string | undefined {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim();
	if (!cleaned || cleaned === '.' || cleaned === '..') return undefined;
	return cleaned.slice(0, 200);
}

/**
 * The name a recording file gets in n8n: the name the server sent (`servedName`, from its
 * Content-Disposition) when there is one, else `<topic>_<start>_<recording type>.<ext>` (what
 * Zoom's web portal calls its downloads).
 */
export function recordingFileName(
	file: RecordingFileInfo,
	context: { topic?: string; servedName?: string; contentType?: string },
): string {
	const served = context.servedName ? safeFileName(context.servedName) : undefined;
	if (served) return served;
	const { extension } = recordingMediaType(file, context.contentType);
	const parts = [
		context.topic,
		file.recording_start?.replace(/[:]/g, '-').replace(/\.\d+/, ''),
		file.recording_type ?? file.file_type,
	]
		.filter((p): p is string => typeof p === 'string' && p.trim() !== '')
		.map((p) => p.trim().replace(/\s+/g, '_'));
	const base = parts.length ? parts.join('_') : (file.id ?? 'recording');
	return safeFileName(`${base}.${extension}`) ?? `recording.${extension}`;
}
