import type { INodeProperties } from 'n8n-workflow';

import type { EndpointName } from '../../../core/zoom/endpoints';
import { MEETING_KIND, WEBINAR_KIND, type InstanceKind } from '../shared/instances';

/**
 * What differs between meeting and webinar registrants: the parent kind (resource locator,
 * reader), the endpoints, and which fields Zoom takes. Every registrant operation is written
 * once for both.
 */
export interface RegistrantParent extends InstanceKind {
	resource: 'meetingRegistrant' | 'webinarRegistrant';
	/** The meeting or webinar locator of every registrant operation. */
	parentLocator(): INodeProperties;
	endpoints: {
		list: EndpointName;
		create: EndpointName;
		get: EndpointName;
		delete: EndpointName;
		status: EndpointName;
		batch: EndpointName;
		parent: EndpointName;
	};
	/** The only type batch registration accepts: scheduled meeting (2) / scheduled webinar (5). */
	batchType: number;
	/** Meeting registrant create takes `auto_approve`; webinar registrant create does not. */
	autoApprove: boolean;
	/** Webinar registrant create takes a tracking `source_id`. */
	sourceId: boolean;
	/** Get of a webinar registrant may name an occurrence. */
	getTakesOccurrence: boolean;
}

function registrantParent(
	kind: InstanceKind,
	facts: Omit<RegistrantParent, keyof InstanceKind | 'parentLocator'>,
): RegistrantParent {
	return {
		...kind,
		...facts,
		parentLocator: () => kind.locator(`The ${kind.noun} with registration: its ID or its join URL`),
	};
}

export const MEETING_PARENT = registrantParent(MEETING_KIND, {
	resource: 'meetingRegistrant',
	endpoints: {
		list: 'listMeetingRegistrants',
		create: 'createMeetingRegistrant',
		get: 'getMeetingRegistrant',
		delete: 'deleteMeetingRegistrant',
		status: 'updateMeetingRegistrantStatus',
		batch: 'batchCreateMeetingRegistrants',
		parent: 'getMeeting',
	},
	batchType: 2,
	autoApprove: true,
	sourceId: false,
	getTakesOccurrence: false,
});

export const WEBINAR_PARENT = registrantParent(WEBINAR_KIND, {
	resource: 'webinarRegistrant',
	endpoints: {
		list: 'listWebinarRegistrants',
		create: 'createWebinarRegistrant',
		get: 'getWebinarRegistrant',
		delete: 'deleteWebinarRegistrant',
		status: 'updateWebinarRegistrantStatus',
		batch: 'batchCreateWebinarRegistrants',
		parent: 'getWebinar',
	},
	batchType: 5,
	autoApprove: false,
	sourceId: true,
	getTakesOccurrence: true,
});
