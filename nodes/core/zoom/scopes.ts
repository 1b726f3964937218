import { ENDPOINTS, scopesFor, type EndpointName } from './endpoints';

/** Headings for the scope families in Zoom's classic scope names (`meeting:read:admin` → meeting). */
const AREAS: Record<string, string> = {
	meeting: 'meetings, registrants, past meetings',
	user: 'users',
	recording: 'cloud recordings',
	webinar: 'webinars, webinar registrants and panelists',
	report: 'reports',
	meeting_summary: 'AI Companion meeting summaries',
	chat_channel: 'Team Chat channels',
	chat_message: 'Team Chat messages',
};

/**
 * The classic scopes every endpoint the node calls needs, grouped by area, from the endpoint
 * catalogue: `admin` for account-level apps (Server-to-Server, admin-managed OAuth), else the
 * user-level ones.
 */
export function classicScopesByArea(level: 'admin' | 'user'): string {
	const all = scopesFor(Object.keys(ENDPOINTS) as EndpointName[]).classic.filter((scope) =>
		level === 'admin' ? scope.endsWith(':admin') : !scope.endsWith(':admin'),
	);
	const areas = new Map<string, string[]>();
	for (const scope of all) {
		const area = scope.split(':')[0];
		areas.set(area, [...(areas.get(area) ?? []), scope]);
	}
	return [...areas]
		.map(([area, scopes]) => `${AREAS[area] ?? area}: ${scopes.join(', ')}`)
		.join('; ');
}
