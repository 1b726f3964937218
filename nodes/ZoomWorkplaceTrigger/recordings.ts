import type { IBinaryData, IBinaryKeyData, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import {
	n8nDownloadRequester,
	plainDownloadRequester,
	RecordingDownloadError,
	storeRecordingFile,
	type DownloadRequester,
} from '../core/transport/download';
import type { RecordingFileInfo } from '../core/zoom/recordingFiles';
import type { ZoomEventBody } from './output';

export { RECORDING_COMPLETED } from './webSocket/recovery';

/** Zoom's `recording_files[].file_type` values a user can pick, and the default choice. */
export {
	DEFAULT_RECORDING_FILE_TYPES,
	RECORDING_FILE_TYPE_OPTIONS,
} from '../core/zoom/recordingFiles';

interface RecordingFile extends RecordingFileInfo {
	download_url?: string;
	file_size?: number;
	status?: string;
}

/** The files of a `recording.completed` event to download: wanted types, completed, with a URL. */
export function filesToDownload(
	body: ZoomEventBody,
	fileTypes: readonly string[],
): RecordingFile[] {
	const files = body.payload?.object?.recording_files;
	if (!Array.isArray(files)) return [];
	const wanted = new Set(fileTypes.map((t) => t.toUpperCase()));
	return (files as RecordingFile[]).filter(
		(file) =>
			typeof file?.download_url === 'string' &&
			wanted.has(String(file.file_type ?? '').toUpperCase()) &&
			(file.status === undefined || String(file.status).toLowerCase() === 'completed'),
	);
}

/** What downloading needs from n8n: a webhook or a trigger context. */
export interface DownloadContext {
	helpers: {
		httpRequest(options: IHttpRequestOptions): Promise<unknown>;
		httpRequestWithAuthentication?(
			credentialType: string,
			options: IHttpRequestOptions,
		): Promise<unknown>;
		prepareBinaryData(
			data: Buffer | NodeJS.ReadableStream,
			fileName?: string,
			mimeType?: string,
		): Promise<IBinaryData>;
	};
}

export interface DownloadedRecordings {
	binary: IBinaryKeyData;
	/** one entry per file: where it went and how big it is */
	files: IDataObject[];
	/** one entry per file that could not be downloaded */
	errors: IDataObject[];
}

/**
 * Streams each chosen file of a `recording.completed` event into n8n's binary data store, one
 * after the other, with the event's `download_token`. A file that fails is reported in `errors`
 * (the others are still delivered) so the workflow can decide what to do.
 */
export async function downloadRecordingFiles(
	this: DownloadContext,
	body: ZoomEventBody,
	options: {
		fileTypes: readonly string[];
		binaryPrefix: string;
		requester?: DownloadRequester;
		/**
		 * for a recording without download_token (recovered through List Recordings): download
		 * with this API credential's token (Authorization: Bearer), as Zoom allows
		 */
		credentialType?: string;
	},
): Promise<DownloadedRecordings> {
	const result: DownloadedRecordings = { binary: {}, files: [], errors: [] };
	const files = filesToDownload(body, options.fileTypes);
	if (files.length === 0) return result;
	const token = body.download_token;
	const withCredential =
		(typeof token !== 'string' || token === '') &&
		options.credentialType !== undefined &&
		typeof this.helpers.httpRequestWithAuthentication === 'function';
	const requester =
		options.requester ??
		(withCredential
			? n8nDownloadRequester(async (requestOptions, authenticate) =>
					authenticate
						? await this.helpers.httpRequestWithAuthentication!.call(
								this,
								options.credentialType!,
								requestOptions,
							)
						: await this.helpers.httpRequest(requestOptions),
				)
			: plainDownloadRequester(this.helpers));
	const topic = body.payload?.object?.topic;
	for (const [index, file] of files.entries()) {
		const property = `${options.binaryPrefix}${index}`;
		const described: IDataObject = {
			binaryProperty: property,
			id: file.id,
			file_type: file.file_type,
			recording_type: file.recording_type,
		};
		if (!withCredential && (typeof token !== 'string' || token === '')) {
			result.errors.push({
				...described,
				error:
					'The event has no download_token: in the Zoom app, make sure the recording.completed subscription is in an app with the cloud_recording:read scope',
			});
			continue;
		}
		try {
			// the token travels as Authorization: Bearer, to the download_url only (never the storage host)
			const stored = await storeRecordingFile(this.helpers, requester, file, {
				url: file.download_url!,
				auth: withCredential ? { type: 'credential' } : { type: 'downloadToken', token: token! },
				topic: typeof topic === 'string' ? topic : undefined,
			});
			result.binary[property] = stored.binary;
			result.files.push({
				...described,
				fileName: stored.fileName,
				mimeType: stored.mimeType,
				bytes: stored.stats.bytes,
				resumes: stored.stats.resumes + stored.stats.restarts,
			});
		} catch (error) {
			const message =
				error instanceof RecordingDownloadError
					? error.message
					: `could not store the file: ${(error as Error).message}`;
			result.errors.push({ ...described, error: message });
		}
	}
	return result;
}
