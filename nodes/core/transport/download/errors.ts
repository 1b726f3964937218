/** A download failure, with what a user needs to act on it (never a token or a signed URL). */
export class RecordingDownloadError extends Error {
	constructor(
		message: string,
		/** true: worth resuming (a dropped connection, a 5xx); false: asking again cannot help */
		readonly retryable: boolean,
		readonly statusCode?: number,
	) {
		super(message);
		this.name = 'RecordingDownloadError';
	}
}
