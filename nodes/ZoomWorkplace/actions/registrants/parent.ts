import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	readMeetingTarget,
	readWebinarTarget,
	type InstanceTarget,
} from '../../helpers/parameters';
import type { EndpointName } from '../../../core/zoom/endpoints';
import { meetingIdField } from '../common.descriptions';
import { webinarIdField } from '../webinar/webinarIdField';

/**
 * What differs between meeting and webinar registrants: the resource, the locator, the
 * endpoints, and which fields Zoom takes. Every registrant operation is written once for both.
 */
export interface RegistrantParent {
	resource: 'meetingRegistrant' | 'webinarRegistrant';
	noun: 'meeting' | 'webinar';
	label: 'Meeting' | 'Webinar';
	/** Path parameter and node parameter name. */
	parameter: 'meetingId' | 'webinarId';
	locator(): INodeProperties;
	read(ctx: IExecuteFunctions, itemIndex: number): InstanceTarget;
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

export const MEETING_PARENT: RegistrantParent = {
	resource: 'meetingRegistrant',
	noun: 'meeting',
	label: 'Meeting',
	parameter: 'meetingId',
	locator: () => ({
		...meetingIdField(),
		description: 'The meeting with registration: its ID or its join URL',
	}),
	read: readMeetingTarget,
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
};

export const WEBINAR_PARENT: RegistrantParent = {
	resource: 'webinarRegistrant',
	noun: 'webinar',
	label: 'Webinar',
	parameter: 'webinarId',
	locator: () => webinarIdField('The webinar with registration: its ID or its join URL'),
	read: readWebinarTarget,
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
};
