import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { OAuthError, oauthErrors } from './errors';
import type { App, SimulatorState } from './state';

export interface OAuthRequest {
	method: string;
	pathname: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	bodyText: string;
}

export interface OAuthResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

export interface OAuthDeps {
	state: SimulatorState;
	tokenLifetimeSeconds: number;
	apiUrl: string;
	onTokenRequest(): void;
	onTokenMint(): void;
}

const CODE_TTL_MS = 10 * 60 * 1000;

function json(status: number, body: unknown): OAuthResponse {
	return {
		status,
		headers: { 'Content-Type': 'application/json;charset=UTF-8' },
		body: JSON.stringify(body),
	};
}

function text(status: number, body: string): OAuthResponse {
	return { status, headers: { 'Content-Type': 'text/html;charset=UTF-8' }, body };
}

/** Zoom reads token parameters from the form body and, for compatibility, from the query string. */
function tokenParams(req: OAuthRequest): URLSearchParams {
	const params = new URLSearchParams(req.query);
	const type = String(req.headers['content-type'] ?? '');
	let body: URLSearchParams;
	if (type.includes('application/json')) {
		body = new URLSearchParams();
		try {
			const parsed: unknown = JSON.parse(req.bodyText || '{}');
			if (parsed && typeof parsed === 'object')
				for (const [k, v] of Object.entries(parsed))
					if (v !== undefined && v !== null) body.set(k, String(v));
		} catch {
			// An unreadable body simply carries no parameters.
		}
	} else {
		body = new URLSearchParams(req.bodyText);
	}
	for (const [k, v] of body) params.set(k, v);
	return params;
}

function basicCredentials(
	headers: IncomingHttpHeaders,
): { id: string; secret: string } | undefined {
	const header = headers.authorization;
	if (!header || !/^basic /i.test(header)) return undefined;
	const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function authenticateClient(
	state: SimulatorState,
	headers: IncomingHttpHeaders,
	params: URLSearchParams,
	allowBody: boolean,
): App {
	let creds = basicCredentials(headers);
	if (!creds && allowBody && params.get('client_id'))
		creds = { id: params.get('client_id')!, secret: params.get('client_secret') ?? '' };
	if (!creds) throw oauthErrors.invalidClient();
	const app = state.apps.get(creds.id);
	if (!app || app.clientSecret !== creds.secret) throw oauthErrors.invalidClient();
	if (app.disabled) throw oauthErrors.appDisabled();
	return app;
}

function tokenBody(
	deps: OAuthDeps,
	app: App,
	userId: string,
	scopes: string[],
	withRefresh: boolean,
): Record<string, unknown> {
	const access = deps.state.mintAccessToken({
		accountId: app.accountId,
		userId,
		scopes,
		clientId: app.clientId,
		lifetimeSeconds: deps.tokenLifetimeSeconds,
	});
	const body: Record<string, unknown> = {
		access_token: access.value,
		token_type: 'bearer',
	};
	if (withRefresh) {
		body.refresh_token = deps.state.mintRefreshToken({
			clientId: app.clientId,
			accountId: app.accountId,
			userId,
			scopes,
		}).value;
	}
	body.expires_in = deps.tokenLifetimeSeconds;
	body.scope = scopes.join(' ');
	body.api_url = deps.apiUrl;
	deps.onTokenMint();
	return body;
}

function pkceMatches(
	challenge: string,
	method: string | undefined,
	verifier: string | null,
): boolean {
	if (!verifier) return false;
	if (method === 'S256')
		return createHash('sha256').update(verifier).digest('base64url') === challenge;
	return verifier === challenge;
}

function token(req: OAuthRequest, deps: OAuthDeps): OAuthResponse {
	deps.onTokenRequest();
	if (req.method !== 'POST')
		return json(405, { reason: 'Method Not Allowed', error: 'invalid_request' });
	const params = tokenParams(req);
	const grant = params.get('grant_type');
	const state = deps.state;
	const app = authenticateClient(state, req.headers, params, grant !== 'account_credentials');

	if (grant === 'account_credentials') {
		if (app.kind !== 's2s') throw oauthErrors.unsupportedGrant();
		if (params.get('account_id') !== app.accountId) throw oauthErrors.invalidAccountId();
		return json(200, tokenBody(deps, app, state.owner(app.accountId).id, app.scopes, false));
	}
	if (grant === 'authorization_code') {
		if (app.kind !== 'oauth') throw oauthErrors.unsupportedGrant();
		const code = state.authCodes.get(params.get('code') ?? '');
		if (!code || code.used || code.clientId !== app.clientId || code.expiresAt <= Date.now())
			throw oauthErrors.invalidCode();
		if (code.redirectUri !== undefined && params.get('redirect_uri') !== code.redirectUri)
			throw oauthErrors.redirectMismatch();
		if (
			code.codeChallenge &&
			!pkceMatches(code.codeChallenge, code.codeChallengeMethod, params.get('code_verifier'))
		)
			throw oauthErrors.invalidCodeVerifier();
		code.used = true;
		return json(200, tokenBody(deps, app, code.userId, code.scopes, true));
	}
	if (grant === 'refresh_token') {
		if (app.kind !== 'oauth') throw oauthErrors.unsupportedGrant();
		const refresh = state.refreshTokens.get(params.get('refresh_token') ?? '');
		if (
			!refresh ||
			refresh.revoked ||
			refresh.clientId !== app.clientId ||
			refresh.expiresAt <= Date.now()
		)
			throw oauthErrors.invalidRefreshToken();
		// Zoom rotates refresh tokens: the one just used stops working.
		refresh.revoked = true;
		return json(200, tokenBody(deps, app, refresh.userId, refresh.scopes, true));
	}
	throw oauthErrors.unsupportedGrant();
}

/** Stands in for the consent screen: the account owner approves at once. */
function authorize(req: OAuthRequest, deps: OAuthDeps): OAuthResponse {
	const q = req.query;
	const app = deps.state.apps.get(q.get('client_id') ?? '');
	if (!app || app.kind !== 'oauth')
		return text(400, '<html><body><h1>Invalid client_id (4,702)</h1></body></html>');
	if (app.disabled)
		return text(400, '<html><body><h1>The app has been disabled (4,717)</h1></body></html>');
	if (q.get('response_type') !== 'code')
		return text(400, '<html><body><h1>Invalid response_type (4,700)</h1></body></html>');
	const redirect = q.get('redirect_uri') ?? app.redirectUri;
	if (!redirect || (app.redirectUri !== undefined && redirect !== app.redirectUri))
		return text(
			400,
			`<html><body><h1>Invalid redirect: ${escapeHtml(redirect ?? '')} (4,709)</h1></body></html>`,
		);
	let target: URL;
	try {
		target = new URL(redirect);
	} catch {
		return text(
			400,
			`<html><body><h1>Invalid redirect: ${escapeHtml(redirect)} (4,709)</h1></body></html>`,
		);
	}
	const code = randomBytes(24).toString('base64url');
	deps.state.authCodes.set(code, {
		code,
		clientId: app.clientId,
		redirectUri: q.get('redirect_uri') ?? undefined,
		accountId: app.accountId,
		userId: deps.state.owner(app.accountId).id,
		scopes: [...app.scopes],
		expiresAt: Date.now() + CODE_TTL_MS,
		used: false,
		codeChallenge: q.get('code_challenge') ?? undefined,
		codeChallengeMethod: q.get('code_challenge_method') ?? undefined,
	});
	target.searchParams.set('code', code);
	const stateParam = q.get('state');
	if (stateParam !== null) target.searchParams.set('state', stateParam);
	return { status: 302, headers: { Location: target.toString() }, body: '' };
}

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function handleOAuth(req: OAuthRequest, deps: OAuthDeps): OAuthResponse {
	try {
		if (req.pathname === '/oauth/token') return token(req, deps);
		if (req.pathname === '/oauth/authorize' && req.method === 'GET') return authorize(req, deps);
		return json(404, { reason: 'Not Found', error: 'invalid_request' });
	} catch (error) {
		if (error instanceof OAuthError)
			return json(error.status, { reason: error.reason, error: error.error });
		throw error;
	}
}
