import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export interface ZoomErrorBody {
	code?: number | string;
	message?: string;
	errors?: Array<{ field?: string; message?: string }>;
}

/** What is known of a failed call: the HTTP answer if there was one, else the network error. */
export interface FailedCall {
	statusCode?: number;
	body?: ZoomErrorBody;
	headers?: Record<string, unknown>;
	networkCode?: string;
	message: string;
	/** The catalogue name of the endpoint that failed, for hints that depend on it. */
	endpoint?: string;
}

function parseBody(data: unknown): ZoomErrorBody | undefined {
	if (typeof data === 'string') {
		try {
			return JSON.parse(data) as ZoomErrorBody;
		} catch {
			return data.trim() ? { message: data.trim().slice(0, 500) } : undefined;
		}
	}
	return data && typeof data === 'object' ? (data as ZoomErrorBody) : undefined;
}

/**
 * Reads status, body and headers out of what n8n's request helpers throw: a NodeApiError whose
 * cause is the HTTP client's error (with `response`), or that client error itself.
 */
export function describeFailure(error: unknown): FailedCall {
	type Layer = {
		message?: unknown;
		code?: unknown;
		cause?: Layer;
		response?: { status?: unknown; data?: unknown; body?: unknown; headers?: unknown };
	};
	const outer = (error ?? {}) as Layer;
	const candidates = [outer, outer.cause, outer.cause?.cause].filter(
		(c): c is Layer => !!c && typeof c === 'object',
	);
	for (const candidate of candidates) {
		const response = candidate.response;
		if (response && typeof response === 'object' && typeof response.status === 'number') {
			return {
				statusCode: response.status,
				body: parseBody(response.data ?? response.body),
				headers: (response.headers ?? {}) as Record<string, unknown>,
				message: String(candidate.message ?? outer.message ?? ''),
			};
		}
	}
	const networkCode = candidates
		.map((candidate) => candidate.code)
		.find((code): code is string => typeof code === 'string' && /^[A-Z_]+$/.test(code));
	const rootMessage = candidates.map((c) => c.message).find((m) => typeof m === 'string' && m) as
		| string
		| undefined;
	return { networkCode, message: rootMessage ?? 'Unknown error' };
}

function scopesIn(message: string): string | undefined {
	return /scopes?\s*:\s*\[([^\]]*)\]/i.exec(message)?.[1]?.trim();
}

/** Advice for the Zoom error codes people meet most; `endpoint` (catalogue name) sharpens it. */
export function hintFor(
	statusCode: number | undefined,
	zoomCode: number | undefined,
	message: string,
	endpoint?: string,
): string | undefined {
	const summary = endpoint !== undefined && /MeetingSummar/i.test(endpoint);
	const chat = endpoint !== undefined && /Chat|Channel/.test(endpoint);
	if (summary) {
		const hint = summaryHint(statusCode, zoomCode, message);
		if (hint) return hint;
	}
	if (chat) {
		const hint = chatHint(statusCode, zoomCode, message);
		if (hint) return hint;
	}
	if (/report:read/i.test(message) && (zoomCode === 4711 || /scopes?/i.test(message))) {
		return 'Reports need the admin scope report:read:admin (granular: report:read:list_meeting_participants:admin), which only account-level apps get: a Server-to-Server OAuth app or an admin-managed OAuth app, run by an account owner or admin. Add the scope on the app\'s "Scopes" page in the Zoom App Marketplace, then re-activate the app or reconnect the credential.';
	}
	if (zoomCode === 4711 || /does not contain scopes/i.test(message)) {
		const scopes = scopesIn(message);
		return `The Zoom app lacks a scope this operation needs${scopes ? ` (one of: ${scopes})` : ''}. Add it on the app's "Scopes" page in the Zoom App Marketplace, then re-activate the app (Server-to-Server) or reconnect the credential (OAuth2).`;
	}
	if (zoomCode === 124 || statusCode === 401) {
		return 'Zoom rejected the access token (invalid, expired or revoked). Server-to-Server OAuth: check the app is activated. OAuth2: reconnect the credential. Access Token: paste a fresh token.';
	}
	if (zoomCode === 1001)
		return 'No Zoom user has this ID or email in the account. Check the User field.';
	if (zoomCode === 3001)
		return 'No meeting has this ID (it may have been deleted or ended). Check the Meeting field.';
	if (zoomCode === 1005) return 'A user with this email already exists in the account.';
	const plan = planHint(zoomCode, message);
	if (plan) return plan;
	const recordingHint = recordingAndReportHint(zoomCode, message);
	if (recordingHint) return recordingHint;
	if (zoomCode === 300 && /next page token/i.test(message)) {
		return 'Zoom page tokens expire after 15 minutes. Run the node again.';
	}
	if (statusCode === 403)
		return 'The app or the user behind the credential is not allowed to do this (plan, role or app type).';
	return undefined;
}

/** AI Companion meeting summaries: plan, settings, the meeting having none (yet). */
function summaryHint(
	statusCode: number | undefined,
	zoomCode: number | undefined,
	message: string,
): string | undefined {
	if (zoomCode === 200 || /paid account/i.test(message)) {
		return 'AI Companion meeting summaries need a paid Zoom plan (Pro or higher) for the host; free (Basic) accounts have none.';
	}
	if (zoomCode === 3000 || /summary disabled|summary with ai companion/i.test(message)) {
		return 'Meeting summaries are off for this host: an admin or the host turns on "Meeting Summary with AI Companion" in the Zoom web portal (Settings → AI Companion), and summaries are written for meetings held after that.';
	}
	if (zoomCode === 2305 && /trash/i.test(message)) {
		return 'The summary is in the trash: recover it in the Zoom web portal (or the Zoom client) to read it again; Zoom empties the trash after 30 days.';
	}
	if (zoomCode === 2305 && /ip address/i.test(message)) {
		return "The account allows summaries only from some IP addresses: an admin adds n8n's address in the Zoom web portal (Settings → IP address access control).";
	}
	if (zoomCode === 2305 || statusCode === 403) {
		return 'The account shares meeting summaries by email only: an admin turns off "Only share meeting summaries by email" in the Zoom web portal (Account Settings → AI Companion), so the API may read them.';
	}
	if (zoomCode === 3001 || statusCode === 404) {
		return 'Zoom has no summary for this meeting instance: AI Companion was not summarising during the meeting, the meeting was end-to-end encrypted (no summaries), it is still being written (it appears some minutes after the meeting ends; the meeting.summary_completed event tells when), or it was deleted. A meeting ID addresses its latest instance that took place: pass an instance UUID for an earlier one.';
	}
	return undefined;
}

/** Team Chat: channels, contacts, who may send and edit. */
function chatHint(
	statusCode: number | undefined,
	zoomCode: number | undefined,
	message: string,
): string | undefined {
	if (zoomCode === 4130 || /channel does not exist/i.test(message)) {
		return 'No channel with this ID that the user can see: pick it from the Channel list (the channels of the user the node acts for), and make sure that user is a member.';
	}
	if (zoomCode === 1001) {
		return 'No Zoom user has this email or ID: check the User (whom the node acts for) and the contact.';
	}
	if (/only the sender/i.test(message)) {
		return 'Only the user who sent a message can edit or delete it: set User to the sender.';
	}
	if (zoomCode === 200 && /permission/i.test(message)) {
		return 'An account-level app may only read or send chat messages for a user whose role has the Chat Messages permission (Zoom web portal: User Management → Roles → Team Chat → Chat Messages: View/Edit).';
	}
	if (/recent 6 months/i.test(message)) {
		return 'Zoom lists chat messages of the last six months only: move From to a later date.';
	}
	if (zoomCode === 5402)
		return 'A reply must answer a main message of the thread, not another reply.';
	if (zoomCode === 5418) return 'This user is not allowed to chat (account or group settings).';
	if (zoomCode === 5419)
		return 'Zoom cannot post to an end-to-end encrypted channel through the API.';
	if (zoomCode === 5420) return 'The channel is archived: unarchive it in Zoom to post again.';
	if (zoomCode === 5421) return 'The contact has blocked this user.';
	if (zoomCode === 5301) {
		return 'Zoom could not deliver the message: check that the user is a member of the channel (or the contact is in their contacts) and may post there.';
	}
	return undefined;
}

/** Plan, licence and registration settings that block webinar and registrant operations. */
function planHint(zoomCode: number | undefined, message: string): string | undefined {
	if (/webinar (plan|subscription)|plan for webinar|subscribe to the webinar/i.test(message)) {
		return 'The host has no Webinar licence. Assign one in the Zoom web portal (User Management → Users → Edit → Licenses → Webinar), or pick a host who has one.';
	}
	if (/registration has not been enabled|does not have registration as required/i.test(message)) {
		return 'Registration is off for this meeting or webinar. Turn it on with Update → Settings → Approval Type "Automatically Approve" or "Manually Approve" (or "Registration" in the Zoom web portal), then run again.';
	}
	if (zoomCode === 303 || /only be used for scheduled (meeting|webinar)/i.test(message)) {
		return 'Zoom takes batch registrations only for scheduled (not recurring or instant) meetings and webinars.';
	}
	if (zoomCode === 3027 || /host cannot register/i.test(message)) {
		return 'The host cannot register for their own meeting or webinar: use another email, or add the person as a panelist or alternative host.';
	}
	if (zoomCode === 3043 || zoomCode === 3035 || /maximum attendee capacity/i.test(message)) {
		return 'The meeting or webinar is full. Raise its registrant limit or capacity (plan or Large Meeting / Webinar licence), or remove registrants.';
	}
	if (zoomCode === 3161) {
		return "The host's user type may not host or schedule meetings: make the host a Licensed user.";
	}
	return undefined;
}

/** Cloud recordings, past meetings and reports: plan, setting and retention limits. */
function recordingAndReportHint(zoomCode: number | undefined, message: string): string | undefined {
	if (
		/cloud recording/i.test(message) &&
		/(disabled|not enabled|not been enabled|turned off|off for)/i.test(message)
	) {
		return 'Cloud Recording is off for this user or account. An admin turns it on in the Zoom web portal (Account Settings → Recording → Cloud recording); it needs a Pro or higher plan.';
	}
	if (zoomCode === 200 || /only available for paid account|paid account|pro plan/i.test(message)) {
		return 'This needs a paid Zoom plan (Pro or higher); reports also need an owner or admin role, and cloud recordings need Cloud Recording turned on for the user (web portal: Account Settings → Recording). Free (Basic) accounts cannot use past-meeting, report or cloud-recording APIs.';
	}
	if (zoomCode === 3301) {
		return 'Zoom has no cloud recording for this meeting (or this instance): it was not recorded to the cloud, recorded locally, already deleted, or is still processing (recordings appear some minutes after the meeting ends). A meeting ID addresses its latest instance; pass an instance UUID for an earlier one.';
	}
	if (zoomCode === 3309) {
		return 'The account has no cloud storage left to recover into: delete other recordings or buy more storage, then try again.';
	}
	if (zoomCode === 12702) {
		return 'Zoom keeps past-meeting and report data for 12 months; this meeting is older.';
	}
	return undefined;
}

export function validationDetails(body: ZoomErrorBody | undefined): string | undefined {
	const errors = body?.errors?.filter((e) => e.field || e.message);
	if (!errors?.length) return undefined;
	return errors.map((e) => `${e.field ?? 'request'}: ${e.message ?? 'invalid'}`).join('; ');
}

/** What a network error code means, in words (n8n would replace a message naming the code). */
const NETWORK_FAILURES: Record<string, string> = {
	ECONNRESET: 'the connection was closed before Zoom answered',
	EPIPE: 'the connection was closed before Zoom answered',
	UND_ERR_SOCKET: 'the connection was closed before Zoom answered',
	ECONNREFUSED: 'the connection was refused',
	ECONNABORTED: 'no answer came in time',
	ETIMEDOUT: 'no answer came in time',
	ERR_SOCKET_CONNECTION_TIMEOUT: 'no answer came in time',
	UND_ERR_CONNECT_TIMEOUT: 'no answer came in time',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved',
	ENETUNREACH: 'the network is unreachable',
	EHOSTUNREACH: 'the host is unreachable',
};

export interface OutcomeNote {
	/** The request may have been applied by Zoom although no attempt was answered with success. */
	outcomeUnknown?: boolean;
	/** As above, and a look-up (described here) did not find the object. */
	outcomeUnknownAfterLookUp?: string;
}

/** Words for an error whose request Zoom may have applied, so nobody re-runs it blindly. */
export function outcomeNote(note: OutcomeNote): string | undefined {
	if (note.outcomeUnknownAfterLookUp) {
		return `The object may have been created all the same: an attempt got no clear answer, and it was not found by ${note.outcomeUnknownAfterLookUp}. Check in Zoom before running this item again.`;
	}
	if (note.outcomeUnknown) {
		return 'Zoom may have applied this request all the same: an attempt got no clear answer. Check in Zoom before running this item again.';
	}
	return undefined;
}

/**
 * Turns a Zoom error answer (or a request that got none) into an error that names Zoom's code
 * and message and says what to do. `attempts`: how often the request was sent.
 */
export function zoomApiError(
	node: INode,
	failure: FailedCall,
	itemIndex?: number,
	attempts = 1,
	note: OutcomeNote = {},
): NodeApiError {
	const zoomCode = failure.body?.code !== undefined ? Number(failure.body.code) : undefined;
	const zoomMessage = failure.body?.message ?? failure.message;
	const parts: string[] = [];
	const details = validationDetails(failure.body);
	if (details) parts.push(details);
	const hint = hintFor(failure.statusCode, zoomCode, zoomMessage, failure.endpoint);
	if (hint) parts.push(hint);
	const tried = attempts > 1 ? ` Tried ${attempts} times.` : '';
	let message: string;
	if (failure.statusCode !== undefined) {
		message = `Zoom error${zoomCode !== undefined && !Number.isNaN(zoomCode) ? ` ${zoomCode}` : ''}: ${zoomMessage}`;
		if (tried) parts.push(tried.trim());
	} else {
		const code = failure.networkCode;
		message = `Could not reach Zoom: ${(code && NETWORK_FAILURES[code]) ?? 'the request failed without an answer'}`;
		// The code goes into the description: n8n swaps a message naming it for a generic text.
		parts.unshift(`${failure.message}${code ? ` (${code})` : ''}.${tried}`);
	}
	const unknown = outcomeNote(note);
	if (unknown) {
		message += note.outcomeUnknownAfterLookUp
			? ` — may have been created; not found by ${note.outcomeUnknownAfterLookUp}`
			: ' — may have been applied';
		parts.unshift(unknown);
	}
	return new NodeApiError(
		node,
		{
			code: zoomCode ?? null,
			message: zoomMessage,
			httpCode: failure.statusCode ?? null,
		} as JsonObject,
		{
			message,
			description: parts.join(' ') || undefined,
			httpCode: failure.statusCode !== undefined ? String(failure.statusCode) : undefined,
			itemIndex,
		},
	);
}

export function dailyLimitError(
	node: INode,
	category: string,
	resetsAt: Date | undefined,
	zoomMessage: string,
	itemIndex?: number,
): NodeApiError {
	const when = resetsAt ? `It resets at ${resetsAt.toISOString()}.` : 'It resets at 00:00 UTC.';
	return new NodeApiError(node, { code: 429, message: zoomMessage } as JsonObject, {
		message: `Zoom daily rate limit reached (${category} APIs): ${zoomMessage}`,
		description: `${when} No further ${category} requests were sent for this item; run the workflow again after the reset, or ask Zoom for a higher limit.`,
		httpCode: '429',
		itemIndex,
	});
}
