import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { resolveOAuthBaseUrl } from '../zoom/clouds';

interface MintedToken {
	accessToken: string;
	mintedAt: number;
	expiresAt: number;
}

interface ZoomTokenResponse {
	access_token?: string;
	expires_in?: number;
}

/**
 * A token minted this recently is handed to callers still holding one it replaced instead of
 * minting again: many requests that see 401 at once then share one new token.
 */
const REUSE_WINDOW_MS = 5 * 60 * 1000;

/** How many replaced tokens are remembered per app. */
const SUPERSEDED_KEPT = 32;

const inFlight = new Map<string, Promise<MintedToken>>();
const recentlyMinted = new Map<string, MintedToken>();

/**
 * Per app, the tokens this process replaced by minting (and '' for "no token yet"). Only a caller
 * holding one of these may be handed the recent token: in n8n's queue mode the stored token may
 * be one another worker minted after ours, and when that one is refused, ours is older still.
 */
const superseded = new Map<string, string[]>();

function markSuperseded(key: string, token: string): void {
	const list = superseded.get(key) ?? [];
	if (!list.includes(token)) list.push(token);
	if (list.length > SUPERSEDED_KEPT) list.splice(0, list.length - SUPERSEDED_KEPT);
	superseded.set(key, list);
}

/** Identifies one app (secret included, so a changed secret never reuses an old token). */
function appKey(tokenUrl: string, credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256')
		.update(
			[tokenUrl, credentials.accountId, credentials.clientId, credentials.clientSecret].join(
				'\u0000',
			),
		)
		.digest('hex');
}

function requireField(credentials: ICredentialDataDecryptedObject, field: string, label: string) {
	const value = String(credentials[field] ?? '').trim();
	if (!value) {
		throw new Error(
			`The Zoom Server-to-Server OAuth credential has no ${label}. Copy it from the app's "App Credentials" page in the Zoom App Marketplace.`,
		);
	}
	return value;
}

function parseBody(body: unknown): Record<string, unknown> | undefined {
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as Record<string, unknown>;
		} catch {
			return undefined;
		}
	}
	return body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
}

/** What Zoom said when it refused to issue a token, without any secret. */
export function describeTokenFailure(error: unknown, secrets: string[]): string {
	const err = (error ?? {}) as {
		message?: string;
		code?: string;
		response?: { status?: number; data?: unknown; body?: unknown };
		cause?: { code?: string };
	};
	const body = parseBody(err.response?.data ?? err.response?.body);
	const reason = typeof body?.reason === 'string' ? body.reason : undefined;
	const zoomError = typeof body?.error === 'string' ? body.error : undefined;
	const status = err.response?.status;
	let message: string;
	if (reason || zoomError) {
		message = `Zoom refused to issue a Server-to-Server OAuth token: ${reason ?? zoomError}${zoomError && reason ? ` (${zoomError})` : ''}.`;
	} else if (status) {
		message = `Zoom's token endpoint answered HTTP ${status}.`;
	} else {
		message = `Zoom's token endpoint could not be reached (${err.cause?.code ?? err.code ?? err.message ?? 'unknown error'}).`;
	}
	message += ` ${tokenFailureHint(reason, zoomError, status)}`;
	for (const secret of secrets) {
		if (secret) message = message.split(secret).join('*****');
	}
	return message;
}

function tokenFailureHint(reason = '', zoomError = '', status?: number): string {
	const text = `${reason} ${zoomError}`.toLowerCase();
	if (text.includes('account')) {
		return 'Check the Account ID: copy it from the app\'s "App Credentials" page (it belongs to the account that owns the app).';
	}
	if (text.includes('grant')) {
		return 'This app is not a Server-to-Server OAuth app. Create one under Develop → Build App → Server-to-Server OAuth, or use the OAuth2 credential for OAuth apps.';
	}
	if (text.includes('disabled') || text.includes('deactivated') || text.includes('not activated')) {
		return 'Activate the app on its "Activation" page in the Zoom App Marketplace.';
	}
	if (text.includes('client')) {
		return 'Check the Client ID and Client Secret: copy both again from the app\'s "App Credentials" page (a regenerated secret replaces the old one).';
	}
	if (status === undefined) {
		return 'Check the network, any proxy settings and, for a custom cloud, the OAuth Base URL.';
	}
	return 'Check the Account ID, Client ID and Client Secret, and for a custom cloud the OAuth Base URL.';
}

async function mint(
	helper: IHttpRequestHelper,
	tokenUrl: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<MintedToken> {
	const accountId = requireField(credentials, 'accountId', 'Account ID');
	const clientId = requireField(credentials, 'clientId', 'Client ID');
	const clientSecret = requireField(credentials, 'clientSecret', 'Client Secret');
	const grant = { grant_type: 'account_credentials', account_id: accountId };
	// Settled by hand rather than try/catch: the failure is rethrown as a message without secrets.
	const outcome = await helper.helpers
		.httpRequest({
			method: 'POST',
			url: tokenUrl,
			// Zoom's documentation passes the grant in the query string, its SDKs in a form body;
			// Zoom accepts either, so both are sent and any Zoom-compatible server finds it.
			qs: grant,
			headers: {
				Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
				'Content-Type': 'application/x-www-form-urlencoded',
				Accept: 'application/json',
			},
			body: new URLSearchParams(grant).toString(),
		})
		.then(
			(response: unknown) => ({ response }),
			(error: unknown) => ({ error }),
		);
	if ('error' in outcome) {
		throw new Error(describeTokenFailure(outcome.error, [clientSecret]));
	}
	const response = outcome.response;
	const parsed = parseBody(response) as ZoomTokenResponse | undefined;
	if (!parsed?.access_token) {
		throw new Error(
			`Zoom's token endpoint (${tokenUrl}) answered without an access_token. For a custom cloud, check the OAuth Base URL.`,
		);
	}
	const now = Date.now();
	return {
		accessToken: parsed.access_token,
		mintedAt: now,
		expiresAt: now + (Number(parsed.expires_in) || 3600) * 1000,
	};
}

/**
 * Returns an access token for a Server-to-Server OAuth app. One mint per app at a time
 * (Zoom may revoke the previous token when a new one is issued), and a caller holding a token
 * this process replaced moments ago gets the replacement instead of a fresh mint. A token the
 * caller got elsewhere (another n8n worker stored it in the credential) is never answered with
 * one of ours: ours may be older, so a refused token of unknown age means a fresh mint.
 */
export async function obtainServerToServerToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const tokenUrl = `${resolveOAuthBaseUrl(credentials)}/oauth/token`;
	const key = appKey(tokenUrl, credentials);
	const held = String(credentials.accessToken ?? '');
	const underWay = inFlight.get(key);
	if (underWay) {
		// A mint is under way: its token is newer than anything held or minted before.
		markSuperseded(key, held);
		return (await underWay).accessToken;
	}
	const recent = recentlyMinted.get(key);
	const now = Date.now();
	if (
		recent &&
		recent.accessToken !== held &&
		(superseded.get(key) ?? []).includes(held) &&
		now - recent.mintedAt < REUSE_WINDOW_MS &&
		recent.expiresAt - now > 60_000
	) {
		return recent.accessToken;
	}
	// What the caller holds, and our previous token, are replaced by the mint started now.
	markSuperseded(key, held);
	if (recent) markSuperseded(key, recent.accessToken);
	const pending = mint(helper, tokenUrl, credentials).then(
		(token) => {
			recentlyMinted.set(key, token);
			inFlight.delete(key);
			return token;
		},
		(error: unknown) => {
			recentlyMinted.delete(key);
			inFlight.delete(key);
			throw error;
		},
	);
	inFlight.set(key, pending);
	return (await pending).accessToken;
}

/** Forgets every cached token (tests use it to start from a clean process state). */
export function clearServerToServerTokenCache(): void {
	inFlight.clear();
	recentlyMinted.clear();
	superseded.clear();
}
