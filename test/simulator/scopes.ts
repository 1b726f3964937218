import { EVENT_SCOPE_NAMES } from './routes/eventScopes';

/**
 * Per-endpoint scopes. `macro` is copied from `x-macro-scopes` of Zoom's OpenAPI export (order kept,
 * because the 4711 message lists them); `granular` are the newer granular scopes a token may carry
 * instead (the export only lists them for meetingCreate; the rest follow Zoom's granular naming).
 */
export interface EndpointScopes {
	macro: string[];
	granular: string[];
}

function s(macro: string[], granular: string[]): EndpointScopes {
	return { macro, granular };
}

export const ENDPOINT_SCOPES = {
	listMeetings: s(
		['meeting:read', 'meeting:read:admin'],
		['meeting:read:list_meetings', 'meeting:read:list_meetings:admin'],
	),
	createMeeting: s(
		['meeting:write', 'meeting:write:admin'],
		['meeting:write:meeting', 'meeting:write:meeting:admin'],
	),
	getMeeting: s(
		['meeting:read', 'meeting:read:admin'],
		['meeting:read:meeting', 'meeting:read:meeting:admin'],
	),
	deleteMeeting: s(
		['meeting:write:admin', 'meeting:write'],
		['meeting:delete:meeting', 'meeting:delete:meeting:admin'],
	),
	updateMeeting: s(
		['meeting:write', 'meeting:write:admin'],
		['meeting:update:meeting', 'meeting:update:meeting:admin'],
	),
	meetingStatus: s(
		['meeting:write:admin', 'meeting:write'],
		['meeting:update:status', 'meeting:update:status:admin'],
	),
	meetingInvitation: s(
		['meeting:read', 'meeting:read:admin'],
		['meeting:read:invitation', 'meeting:read:invitation:admin'],
	),
	listUsers: s(['user:read:admin'], ['user:read:list_users:admin']),
	createUser: s(['user:write:admin'], ['user:write:user:admin']),
	getUser: s(
		['user:read:admin', 'user:read', 'user_info:read'],
		['user:read:user', 'user:read:user:admin'],
	),
	deleteUser: s(['user:write:admin', 'user:write'], ['user:delete:user', 'user:delete:user:admin']),
	updateUser: s(['user:write:admin', 'user:write'], ['user:update:user', 'user:update:user:admin']),
	userStatus: s(
		['user:write:admin', 'user:write'],
		['user:update:status', 'user:update:status:admin'],
	),
	getUserSettings: s(
		['user:read:admin', 'user:read'],
		['user:read:settings', 'user:read:settings:admin'],
	),
	updateUserSettings: s(
		['user:write:admin', 'user:write'],
		['user:update:settings', 'user:update:settings:admin'],
	),
	checkEmail: s(['user:read:admin', 'user:read'], ['user:read:email', 'user:read:email:admin']),
} satisfies Record<string, EndpointScopes>;

/** What "every scope" means for the default apps and issueAccessToken(). */
export const ALL_SCOPES: string[] = [
	...new Set([
		...Object.values(ENDPOINT_SCOPES).flatMap((e) => [...e.macro, ...e.granular]),
		...EVENT_SCOPE_NAMES,
	]),
].sort();

export function hasAnyScope(tokenScopes: readonly string[], endpoint: EndpointScopes): boolean {
	return [...endpoint.macro, ...endpoint.granular].some((scope) => tokenScopes.includes(scope));
}

/**
 * Route modules that declare their scopes beside their routes (recordings, past meetings,
 * reports) add them to "every scope" here, before any app or token is created.
 */
export function registerScopes(...endpoints: EndpointScopes[]): void {
	for (const scope of endpoints.flatMap((e) => [...e.macro, ...e.granular]))
		if (!ALL_SCOPES.includes(scope)) ALL_SCOPES.push(scope);
	ALL_SCOPES.sort();
}
