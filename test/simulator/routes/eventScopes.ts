import type { EndpointScopes } from '../scopes';

const s = (macro: string[], granular: string[]): EndpointScopes => ({ macro, granular });
const admin = (scope: string) => [scope, `${scope}:admin`];

/** Scopes of the registrant, webinar and panelist endpoints (classic from Zoom's spec, granular by Zoom's naming). */
export const EVENT_SCOPES = {
	listMeetingRegistrants: s(
		['meeting:read:admin', 'meeting:read'],
		admin('meeting:read:list_registrants'),
	),
	createMeetingRegistrant: s(
		['meeting:write:admin', 'meeting:write'],
		admin('meeting:write:registrant'),
	),
	getMeetingRegistrant: s(['meeting:read:admin', 'meeting:read'], admin('meeting:read:registrant')),
	deleteMeetingRegistrant: s(
		['meeting:write:admin', 'meeting:write'],
		admin('meeting:delete:registrant'),
	),
	meetingRegistrantStatus: s(
		['meeting:write:admin', 'meeting:write'],
		admin('meeting:update:registrant_status'),
	),
	meetingBatchRegistrants: s(
		['meeting:write', 'meeting:write:admin'],
		admin('meeting:write:batch_registrants'),
	),
	listWebinars: s(['webinar:read:admin', 'webinar:read'], admin('webinar:read:list_webinars')),
	createWebinar: s(['webinar:write:admin', 'webinar:write'], admin('webinar:write:webinar')),
	getWebinar: s(['webinar:read:admin', 'webinar:read'], admin('webinar:read:webinar')),
	updateWebinar: s(['webinar:write:admin', 'webinar:write'], admin('webinar:update:webinar')),
	deleteWebinar: s(['webinar:write:admin', 'webinar:write'], admin('webinar:delete:webinar')),
	webinarStatus: s(['webinar:write:admin', 'webinar:write'], admin('webinar:update:status')),
	listWebinarRegistrants: s(
		['webinar:read:admin', 'webinar:read'],
		admin('webinar:read:list_registrants'),
	),
	createWebinarRegistrant: s(
		['webinar:write', 'webinar:write:admin'],
		admin('webinar:write:registrant'),
	),
	getWebinarRegistrant: s(['webinar:read:admin', 'webinar:read'], admin('webinar:read:registrant')),
	deleteWebinarRegistrant: s(
		['webinar:write', 'webinar:write:admin'],
		admin('webinar:delete:registrant'),
	),
	webinarRegistrantStatus: s(
		['webinar:write', 'webinar:write:admin'],
		admin('webinar:update:registrant_status'),
	),
	webinarBatchRegistrants: s(
		['webinar:write', 'webinar:write:admin'],
		admin('webinar:write:batch_registrants'),
	),
	listPanelists: s(['webinar:read:admin', 'webinar:read'], admin('webinar:read:list_panelists')),
	addPanelists: s(['webinar:write', 'webinar:write:admin'], admin('webinar:write:panelist')),
	removePanelists: s(['webinar:write', 'webinar:write:admin'], admin('webinar:delete:panelist')),
} satisfies Record<string, EndpointScopes>;

export const EVENT_SCOPE_NAMES: string[] = Object.values(EVENT_SCOPES).flatMap((e) => [
	...e.macro,
	...e.granular,
]);
