import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { handoffKey, leaveManualDelivery } from './manualHandoff';
import { safeHeaders, type ZoomEventBody } from './output';
import {
	admitEvent,
	answersFirst,
	buildWorkflowData,
	readSettings,
	repeatMemoryOf,
} from './pipeline';
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

	const rawBody = await readRawBody(req);
	const parsedByN8n = isFilledObject(req.body) ? (req.body as ZoomEventBody) : undefined;
	const signed = {
		signature: req.headers[SIGNATURE_HEADER],
		timestamp: req.headers[TIMESTAMP_HEADER],
		rawBody,
		parsedBody: parsedByN8n,
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
	const body = parsedByN8n ?? jsonOf(rawBody);

	if (body.event === URL_VALIDATION_EVENT) {
		const plainToken = body.payload?.plainToken;
		if (!isPlausiblePlainToken(plainToken))
			return answer.call(this, 400, { message: 'Invalid payload.plainToken' });
		// no workflowData: n8n sends this body as it is and starts no execution
		return { webhookResponse: urlValidationResponse(secretToken, plainToken) };
	}

	const settings = readSettings(this);
	const memory = repeatMemoryOf(this);
	let admission = admitEvent(body, settings, memory, Date.now());
	while (admission.outcome === 'repeat') {
		// A copy of a delivery still in flight waits for it: dropped when its execution started,
		// taking its place when it did not (the first one's 5xx makes Zoom retry, but this copy,
		// answered 200, would not be).
		const first = memory.inFlight(admission.key);
		if (first === undefined || (await first))
			return { webhookResponse: { message: 'Repeated delivery; already received' } };
		admission = admitEvent(body, settings, memory, Date.now());
	}
	if (admission.outcome === 'ignored')
		return { webhookResponse: { message: 'Event received; not one this workflow listens to' } };

	const headers = settings.options.includeHeaders ? safeHeaders(req.headers) : undefined;
	if (answersFirst(body, settings)) {
		// Zoom wants its answer within 3 seconds; recordings can take minutes to download, and
		// with "Answer Zoom Before the Execution Starts" n8n's start of the execution is not waited for
		answer.call(this, 200, { message: 'Event received' });
		const workflowData = await buildWorkflowData(this, body, settings, { headers });
		handOffIfManual.call(this, workflowData);
		return { noWebhookResponse: true, workflowData };
	}
	if (admission.key !== undefined)
		memory.track(admission.key, executionStarted(this.getResponseObject()));
	const workflowData = await buildWorkflowData(this, body, settings, { headers });
	handOffIfManual.call(this, workflowData);
	return { workflowData };
}

/**
 * The request's bytes, as Zoom signed them. n8n reads them for node version 1 (it parses every
 * body) and, above version 1, for the content types it parses (JSON, XML, form, text); otherwise
 * the node reads them itself, as n8n's own Webhook node does (`req.readRawBody()`).
 */
async function readRawBody(req: {
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
}): Promise<Buffer | undefined> {
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function')
		await req.readRawBody();
	return Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined;
}

function isFilledObject(value: unknown): boolean {
	return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/** A signed body n8n did not parse (a content type other than JSON): read as JSON. */
function jsonOf(rawBody: Buffer | undefined): ZoomEventBody {
	try {
		const json: unknown = JSON.parse(rawBody?.toString('utf8') ?? '');
		if (typeof json === 'object' && json !== null) return json as ZoomEventBody;
	} catch {
		// not JSON: an empty body, which names no event and starts nothing
	}
	return {};
}

/**
 * Whether n8n started the execution of this delivery, read from n8n's answer: with responseMode
 * onReceived, n8n answers 2xx once WorkflowRunner.run has started the execution and an error
 * status when it could not. n8n writes that answer even when Zoom already closed the connection
 * (Zoom waits 3 s, a busy n8n may take longer), so the status is taken when n8n ends the
 * response, not from what reached Zoom: an execution that started after Zoom gave up still
 * counts, and Zoom's retry of it is a repeat.
 */
async function executionStarted(response: unknown): Promise<boolean> {
	const res = response as { end?: (...args: unknown[]) => unknown; statusCode?: number };
	const end = res.end;
	if (typeof end !== 'function') return true;
	return await new Promise<boolean>((resolve) => {
		res.end = function (this: unknown, ...args: unknown[]) {
			res.end = end;
			const status = res.statusCode ?? 0;
			resolve(status >= 200 && status < 300);
			return end.apply(this, args);
		};
	});
}

/** See manualHandoff.ts: a manual (test) run reads the items through the node's trigger(). */
function handOffIfManual(this: IWebhookFunctions, workflowData: INodeExecutionData[][]): void {
	if (this.getMode() !== 'manual') return;
	leaveManualDelivery(
		handoffKey(this.getWorkflow().id, this.getNode().id),
		workflowData,
		Date.now(),
	);
}
