import type { FieldDefinition } from '../../helpers/fields';
import { booleanSchema } from '../../helpers/schemas';
import { scheduleTopic } from '../../helpers/scheduleFields';
import { WEBINAR_KIND } from '../shared/instances';
import { listTypeFilter, type ScheduledDescriptor } from '../scheduled/descriptor';
import { listWebinars } from './listWebinars';
import { WEBINAR_FIELDS } from './webinarFields';

/** GET /users/{userId}/webinars: `type` only (Zoom's spec has no date range here). */
const FILTERS: FieldDefinition[] = [
	listTypeFilter('webinar', [
		{
			name: 'Scheduled',
			value: 'scheduled',
			description: 'All valid previous, live and upcoming webinars',
		},
		{ name: 'Upcoming', value: 'upcoming', description: 'Upcoming webinars, live ones included' },
	]),
];

/** DELETE /webinars/{webinarId}: Zoom's spec has one reminder here (no host notice). */
const DELETE_OPTIONS: FieldDefinition[] = [
	{
		property: {
			displayName: 'Notify Registrants',
			name: 'notifyRegistrants',
			type: 'boolean',
			default: false,
			description: 'Whether to email the registrants and panelists about the cancellation',
		},
		zoom: 'cancel_webinar_reminder',
		in: 'query',
		schema: booleanSchema,
	},
];

/** The webinar resource's descriptor: its Create, Get, Get Many, Update, Delete and End. */
export const WEBINAR: ScheduledDescriptor = {
	...WEBINAR_KIND,
	resource: 'webinar',
	endpoints: {
		list: 'listWebinars',
		create: 'createWebinar',
		get: 'getWebinar',
		update: 'updateWebinar',
		delete: 'deleteWebinar',
		status: 'updateWebinarStatus',
	},
	defaultType: 5,
	topic: scheduleTopic('webinar'),
	fields: WEBINAR_FIELDS,
	filters: FILTERS,
	deleteOptions: DELETE_OPTIONS,
	hostDescription:
		'Host of the webinar: "me", a user ID or an email. The host needs a Webinar licence.',
	list: listWebinars,
};
