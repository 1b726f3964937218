export interface FieldError {
	field: string;
	message: string;
}

/** A Zoom REST error: thrown by route handlers, rendered as `{code, message[, errors]}`. */
export class ZoomApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: number,
		message: string,
		readonly errors?: FieldError[],
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}

	toBody(): Record<string, unknown> {
		const body: Record<string, unknown> = { code: this.code, message: this.message };
		if (this.errors) body.errors = this.errors;
		return body;
	}
}

export const apiErrors = {
	invalidToken: () => new ZoomApiError(401, 124, 'Invalid access token.'),
	expiredToken: () => new ZoomApiError(401, 124, 'Access token is expired.'),
	missingScopes: (scopes: string[]) =>
		new ZoomApiError(
			400,
			4711,
			`Invalid access token, does not contain scopes:[${scopes.join(', ')}].`,
		),
	userNotFound: (id: string) => new ZoomApiError(404, 1001, `User does not exist: ${id}.`),
	meetingNotFound: (id: string) => new ZoomApiError(404, 3001, `Meeting does not exist: ${id}.`),
	userExists: (email: string) =>
		new ZoomApiError(409, 1005, `User already in the account: ${email}`),
	validation: (errors: FieldError[]) => new ZoomApiError(400, 300, 'Validation Failed.', errors),
	badRequest: (code: number, message: string) => new ZoomApiError(400, code, message),
	invalidJson: () => new ZoomApiError(400, 300, 'Request Body should be a valid JSON object.'),
	invalidPageToken: () => new ZoomApiError(400, 300, 'The next page token is invalid or expired.'),
	notFound: () => new ZoomApiError(404, 404, 'Not found'),
	/** A request that breaks Zoom's OpenAPI spec, answered as Zoom answers validation failures. */
	specViolation: (violations: Array<{ location: string; rule: string; message: string }>) =>
		new ZoomApiError(
			400,
			300,
			violations.map((v) => v.message).join('; '),
			violations.map((v) => ({ field: v.location, message: v.rule })),
		),
};

/** Errors of zoom.us/oauth/token: `{reason, error}` bodies, always HTTP 400 on Zoom. */
export class OAuthError extends Error {
	constructor(
		readonly reason: string,
		readonly error: string,
		readonly status = 400,
	) {
		super(reason);
	}
}

export const oauthErrors = {
	invalidClient: () => new OAuthError('Invalid client_id or client_secret', 'invalid_client'),
	// Zoom's OAuth error table lists 4717 "The app has been disabled" for deactivated apps.
	appDisabled: () => new OAuthError('The app has been disabled', 'invalid_client'),
	invalidAccountId: () => new OAuthError('Invalid account_id', 'invalid_request'),
	unsupportedGrant: () => new OAuthError('unsupported grant type', 'unsupported_grant_type'),
	invalidCode: () => new OAuthError('Invalid authorization code', 'invalid_grant'),
	invalidRefreshToken: () => new OAuthError('Invalid Token!', 'invalid_grant'),
	redirectMismatch: () => new OAuthError('Redirect URI mismatch.', 'invalid_request'),
	invalidCodeVerifier: () => new OAuthError('Invalid code_verifier', 'invalid_grant'),
};
