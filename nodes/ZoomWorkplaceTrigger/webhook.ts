import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { isSelectedEvent, parseEventList } from './events';
import { eventItem, safeHeaders, type ZoomEventBody } from './output';
import {
	downloadRecordingFiles,
	DEFAULT_RECORDING_FILE_TYPES,
	RECORDING_COMPLETED,
} from './recordings';
import { memoryFor, repeatKey } from './repeats';
import {
	isPlausiblePlainToken,
	SIGNATURE_HEADER,
	TIMESTAMP_HEADER,
	URL_VALIDATION_EVENT,
	urlValidationResponse,
	VERIFICATION_MESSAGES,
	verifyZoomRequest,
} from './verification';
import { WEBHOOK_CREDENTIAL } from './description';
import { secretTokens } from './secretCache';

interface TriggerOptions {
	downloadRecordings?: boolean;
	dropRepeats?: boolean;
	recordingFileTypes?: string[];
	binaryPrefix?: string;
	includeDownloadToken?: boolean;
	includeHeaders?: boolean;
	otherEvents?: string;
}

/** Answers the request itself and starts nothing. */
function answer(this: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	const res = this.getResponseObject();
	res.status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * Handles one request to the trigger's URL:
 * 1. every request must be signed with the app's Secret Token, within 5 minutes (401 otherwise);
 * 2. `endpoint.url_validation` gets its answer alone, and starts nothing;
 * 3. events not chosen, and repeats, are acknowledged with 200 and start nothing;
 * 4. anything else starts the workflow with one item (and, for recording.completed, its files).
 */
export async function handleZoomWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	const credentialKey = `${this.getWorkflow().id ?? ''}:${this.getNode().id}:${
		this.getNode().credentials?.[WEBHOOK_CREDENTIAL]?.id ?? ''
	}`;
	const loadSecret = async () => {
		const credentials = await this.getCredentials(WEBHOOK_CREDENTIAL);
		return typeof credentials.secretToken === 'string' ? credentials.secretToken : '';
	};
	let secretToken = await secretTokens.get(credentialKey, loadSecret, Date.now());
	if (secretToken === '')
		return answer.call(this, 500, {
			message: 'The Zoom Workplace Trigger has no Secret Token in its credential',
		});

	const body = (req.body ?? {}) as ZoomEventBody;
	const signed = {
		signature: req.headers[SIGNATURE_HEADER],
		timestamp: req.headers[TIMESTAMP_HEADER],
		rawBody: Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined,
		parsedBody: req.body,
	};
	const nowSeconds = Math.floor(Date.now() / 1000);
	let verification = verifyZoomRequest(secretToken, signed, nowSeconds);
	if (!verification.ok && verification.reason === 'badSignature') {
		// the Secret Token may have just been changed in n8n: read it again before refusing
		const fresh = await secretTokens.refresh(credentialKey, loadSecret, Date.now());
		if (fresh !== undefined && fresh !== secretToken) {
			secretToken = fresh;
			verification = verifyZoomRequest(secretToken, signed, nowSeconds);
		}
	}
	if (!verification.ok)
		return answer.call(this, 401, { message: VERIFICATION_MESSAGES[verification.reason] });

	if (body.event === URL_VALIDATION_EVENT) {
		const plainToken = body.payload?.plainToken;
		if (!isPlausiblePlainToken(plainToken))
			return answer.call(this, 400, { message: 'Invalid payload.plainToken' });
		// no workflowData: n8n sends this body as it is and starts no execution
		return { webhookResponse: urlValidationResponse(secretToken, plainToken) };
	}

	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const selected = [
		...(this.getNodeParameter('events', []) as string[]),
		...parseEventList(options.otherEvents),
	];
	if (!isSelectedEvent(body.event, selected))
		return { webhookResponse: { message: 'Event received; not one this workflow listens to' } };

	if (options.dropRepeats !== false) {
		const key = repeatKey(body);
		if (key !== undefined && isRepeat.call(this, key))
			return { webhookResponse: { message: 'Repeated delivery; already received' } };
	}

	const json = eventItem(body, {
		includeDownloadToken: options.includeDownloadToken === true,
		headers: options.includeHeaders ? safeHeaders(req.headers) : undefined,
	});

	if (options.downloadRecordings && body.event === RECORDING_COMPLETED) {
		// Zoom wants its answer within 3 seconds; recordings can take minutes to download.
		answer.call(this, 200, { message: 'Event received' });
		const downloaded = await downloadRecordingFiles.call(this, body, {
			fileTypes: options.recordingFileTypes ?? DEFAULT_RECORDING_FILE_TYPES,
			binaryPrefix: options.binaryPrefix || 'recording_',
		});
		json.recordingFiles = downloaded.files;
		if (downloaded.errors.length > 0) json.recordingDownloadErrors = downloaded.errors;
		return {
			noWebhookResponse: true,
			workflowData: [[{ json, binary: downloaded.binary }]],
		};
	}

	return { workflowData: [[{ json }]] };
}

/**
 * Repeat detection in this process's memory (see repeats.ts). Workflow static data is not used:
 * in n8n 2.41 a change made to it in the webhook phase is not saved when the webhook starts an
 * execution (the execution re-initialises the shared static data's change flag first).
 */
function isRepeat(this: IWebhookFunctions, key: string): boolean {
	const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}:${this.getMode()}`;
	return memoryFor(scope).checkAndRecord(key, Date.now());
}
