/**
 * Streamed downloads of Zoom cloud-recording files (the trigger's recording.completed downloads
 * and the Zoom Workplace node's Cloud Recording → Download and Get Transcript):
 *
 * - hops.ts       which request goes where, and which one carries the credential
 * - responses.ts  what an answer means (redirect, data from which byte, error), header parsing
 * - stream.ts     the streaming engine: batches into one Readable, resumes with Range
 * - n8n.ts        n8n's request helpers and binary data store
 *
 * Recording file facts (types, MIME types, names) are in nodes/core/zoom/recordingFiles.ts.
 */
export { RecordingDownloadError } from './errors';
export { DEFAULT_MAX_REDIRECTS, planHop, redactUrl } from './hops';
export type { DownloadAuth, DownloadHttpRequest } from './hops';
export {
	checkComplete,
	fileNameFromContentDisposition,
	headerValue,
	parseContentRange,
	planResponse,
	resumeDelayMs,
} from './responses';
export type { ContentRange, ResponsePlan } from './responses';
export { DEFAULT_MAX_RESUMES, openDownload } from './stream';
export type {
	DownloadHttpResponse,
	DownloadOptions,
	DownloadRequester,
	DownloadStats,
	NodeReadable,
	OpenDownload,
} from './stream';
export {
	credentialDownloadRequester,
	describeDownload,
	downloadRequestOptions,
	n8nDownloadRequester,
	plainDownloadRequester,
	storeRecordingFile,
} from './n8n';
export type { StoredRecordingFile } from './n8n';
