import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	credentialDownloadRequester,
	openDownload,
	RecordingDownloadError,
	storeRecordingFile,
	type DownloadRequester,
	type OpenDownload,
} from '../../../core/transport/download';
import { credentialTypeOf } from '../shared/credentialType';
import { readRequestSettings } from '../shared/requestSettings';

/** Why a listed file cannot be downloaded, or undefined when it can. */
export function notDownloadable(file: IDataObject): string | undefined {
	if (typeof file.download_url !== 'string' || file.download_url === '')
		return 'Zoom gave no download_url (an On-Premise recording has only a file_path)';
	if (file.status !== undefined && file.status !== 'completed')
		return `the file is still being processed by Zoom (status "${String(file.status)}")`;
	return undefined;
}

/** Binary property names: the file type in lower case, a second file of a type gets "_2". */
export function binaryPropertyNames(files: IDataObject[], prefix = ''): string[] {
	const counts = new Map<string, number>();
	return files.map((file) => {
		const type = String(file.file_type ?? 'file')
			.toLowerCase()
			.replace(/[^a-z0-9_]/g, '_');
		const count = (counts.get(type) ?? 0) + 1;
		counts.set(type, count);
		return `${prefix}${type}${count > 1 ? `_${count}` : ''}`;
	});
}

function describeFile(file: IDataObject): string {
	return `${String(file.file_type ?? 'recording')} file ${String(file.id ?? '')}`.trim();
}

/** Zoom's download_url with the node's credential; the storage host Zoom redirects to without. */
function requesterFor(ctx: IExecuteFunctions): DownloadRequester {
	return credentialDownloadRequester(
		ctx,
		credentialTypeOf(ctx),
		readRequestSettings(ctx).retry.timeoutMs ?? 60_000,
	);
}

/** Opens one recording file as a stream; a failure names the file and the item. */
export async function openRecordingFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	file: IDataObject,
): Promise<OpenDownload> {
	const requester = requesterFor(ctx);
	try {
		return await openDownload(requester, {
			url: String(file.download_url),
			auth: { type: 'credential' },
		});
	} catch (error) {
		throw downloadFailure(ctx, itemIndex, file, error);
	}
}

export function downloadFailure(
	ctx: IExecuteFunctions,
	itemIndex: number,
	file: IDataObject,
	error: unknown,
): NodeOperationError {
	const reason = error instanceof RecordingDownloadError ? error.message : (error as Error).message;
	return new NodeOperationError(
		ctx.getNode(),
		`Could not download the ${describeFile(file)} (item ${itemIndex}): ${reason}`,
		{
			itemIndex,
			description:
				'Downloads resume from where a dropped connection stopped (or restart when the server does not allow that), up to 5 times. Run the item again to retry.',
		},
	);
}

export interface StoredFile {
	binary: IBinaryData;
	bytes: number;
	resumes: number;
	restarts: number;
}

/** Streams one file into n8n's binary data store (never whole in memory). */
export async function downloadToBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	file: IDataObject,
	topic: string | undefined,
): Promise<StoredFile> {
	try {
		const stored = await storeRecordingFile(ctx.helpers, requesterFor(ctx), file, {
			url: String(file.download_url),
			auth: { type: 'credential' },
			topic,
		});
		return {
			binary: stored.binary,
			bytes: stored.stats.bytes,
			resumes: stored.stats.resumes,
			restarts: stored.stats.restarts,
		};
	} catch (error) {
		throw downloadFailure(ctx, itemIndex, file, error);
	}
}

/** Reads a small text file (a transcript) whole, refusing more than `maxBytes`. */
export async function downloadText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	file: IDataObject,
	maxBytes = 64 * 1024 * 1024,
): Promise<string> {
	const download = await openRecordingFile(ctx, itemIndex, file);
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of download.stream) {
			const buffer = chunk as Buffer;
			size += buffer.length;
			if (size > maxBytes) {
				throw new RecordingDownloadError(
					`the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB, which is not a transcript`,
					false,
				);
			}
			chunks.push(buffer);
		}
	} catch (error) {
		download.stream.destroy();
		throw downloadFailure(ctx, itemIndex, file, error);
	}
	return Buffer.concat(chunks).toString('utf8');
}
