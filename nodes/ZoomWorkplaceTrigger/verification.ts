/**
 * Zoom's webhook security, as pure functions: the URL-validation answer and the request signature.
 *
 * - Validation: `{"event":"endpoint.url_validation","payload":{"plainToken":"…"}}` is answered with
 *   `{plainToken, encryptedToken: hex(HMAC-SHA256(secretToken, plainToken))}`.
 * - Signature: `x-zm-signature` = `v0=` + hex(HMAC-SHA256(secretToken, `v0:{x-zm-request-timestamp}:{body}`)).
 *   Zoom signs the bytes it sends; its own sample code verifies `JSON.stringify(req.body)`, which is
 *   the same text for Zoom's compact JSON. The raw body is checked first, the re-serialised JSON
 *   second (for proxies that re-encode the body).
 * - Replay: a timestamp more than 5 minutes away from now is refused (as n8n's own triggers do).
 */
import { createHmac, timingSafeEqual } from 'crypto';

export const URL_VALIDATION_EVENT = 'endpoint.url_validation';
export const SIGNATURE_HEADER = 'x-zm-signature';
export const TIMESTAMP_HEADER = 'x-zm-request-timestamp';
/** how far a request's timestamp may be from now */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export function hmacHex(secretToken: string, message: string | Buffer): string {
	return createHmac('sha256', secretToken).update(message).digest('hex');
}

/** The body Zoom expects back for `endpoint.url_validation`. */
export function urlValidationResponse(
	secretToken: string,
	plainToken: string,
): { plainToken: string; encryptedToken: string } {
	return { plainToken, encryptedToken: hmacHex(secretToken, plainToken) };
}

/** The signature Zoom computes for a body sent at `timestamp` (seconds, as in the header). */
export function zoomSignature(
	secretToken: string,
	timestamp: string,
	body: string | Buffer,
): string {
	const message = Buffer.concat([
		Buffer.from(`v0:${timestamp}:`, 'utf8'),
		typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
	]);
	return `v0=${hmacHex(secretToken, message)}`;
}

/** Constant-time equality of two signatures (their length is public: always `v0=` + 64 hex). */
export function signaturesEqual(expected: string, received: string): boolean {
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(received, 'utf8');
	if (a.length !== b.length) return false;
	return timingSafeEqual(a, b);
}

export type VerificationFailure =
	| 'missingHeaders'
	| 'badTimestamp'
	| 'staleTimestamp'
	| 'badSignature'
	| 'missingBody';

export type Verification = { ok: true } | { ok: false; reason: VerificationFailure };

export interface SignedRequest {
	signature?: string | string[];
	timestamp?: string | string[];
	rawBody?: Buffer;
	/** the parsed JSON body, used for the re-serialised second check */
	parsedBody?: unknown;
}

function single(value: string | string[] | undefined): string | undefined {
	if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
	return value;
}

/**
 * Checks one request. `nowSeconds` is injected for tests. Never returns or logs the expected
 * signature: callers only learn whether the request passed and, if not, which rule it broke.
 */
export function verifyZoomRequest(
	secretToken: string,
	request: SignedRequest,
	nowSeconds: number,
): Verification {
	const signature = single(request.signature)?.trim();
	const timestamp = single(request.timestamp)?.trim();
	if (!signature || !timestamp) return { ok: false, reason: 'missingHeaders' };
	if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'badTimestamp' };
	if (Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS)
		return { ok: false, reason: 'staleTimestamp' };
	if (!request.rawBody || request.rawBody.length === 0) return { ok: false, reason: 'missingBody' };
	if (signaturesEqual(zoomSignature(secretToken, timestamp, request.rawBody), signature))
		return { ok: true };
	if (request.parsedBody !== undefined && typeof request.parsedBody === 'object') {
		const reserialised = JSON.stringify(request.parsedBody);
		if (signaturesEqual(zoomSignature(secretToken, timestamp, reserialised), signature))
			return { ok: true };
	}
	return { ok: false, reason: 'badSignature' };
}

/** What a refused sender reads: the rule broken, nothing about the secret or the signature. */
export const VERIFICATION_MESSAGES: Record<VerificationFailure, string> = {
	missingHeaders: `Missing ${SIGNATURE_HEADER} or ${TIMESTAMP_HEADER} header`,
	badTimestamp: `Invalid ${TIMESTAMP_HEADER} header`,
	staleTimestamp: `${TIMESTAMP_HEADER} is more than 5 minutes away from the server time`,
	badSignature: 'Invalid signature',
	missingBody: 'Empty request body',
};

/**
 * A plainToken worth answering: Zoom sends a short random token of letters, digits, `-` and `_`.
 * Refusing anything else keeps the validation answer from signing arbitrary text.
 */
export function isPlausiblePlainToken(value: unknown): value is string {
	return typeof value === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(value);
}
