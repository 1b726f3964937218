import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import * as cloudRecording from './cloudRecording/CloudRecording.resource';
import * as meeting from './meeting/Meeting.resource';
import * as pastMeeting from './pastMeeting/PastMeeting.resource';
import * as report from './report/Report.resource';
import * as user from './user/User.resource';
import * as meetingRegistrant from './meetingRegistrant/MeetingRegistrant.resource';
import * as webinar from './webinar/Webinar.resource';
import * as webinarPanelist from './webinarPanelist/WebinarPanelist.resource';
import * as webinarRegistrant from './webinarRegistrant/WebinarRegistrant.resource';

/** Credentials the node accepts: one per `authentication` choice. */
export const credentials: INodeCredentialDescription[] = [
	{
		name: 'zoomWorkplaceServerToServerOAuthApi',
		required: true,
		displayOptions: { show: { authentication: ['serverToServerOAuth'] } },
	},
	{
		name: 'zoomWorkplaceOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
	{
		name: 'zoomWorkplaceAccessTokenApi',
		required: true,
		displayOptions: { show: { authentication: ['accessToken'] } },
	},
];

/** Every parameter of the node; each resource brings its operations. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Server-to-Server OAuth', value: 'serverToServerOAuth' },
			{ name: 'OAuth2', value: 'oAuth2' },
			{ name: 'Access Token', value: 'accessToken' },
		],
		default: 'serverToServerOAuth',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Cloud Recording', value: 'cloudRecording' },
			{ name: 'Meeting', value: 'meeting' },
			{ name: 'Meeting Registrant', value: 'meetingRegistrant' },
			{ name: 'Past Meeting', value: 'pastMeeting' },
			{ name: 'Report', value: 'report' },
			{ name: 'User', value: 'user' },
			{ name: 'Webinar', value: 'webinar' },
			{ name: 'Webinar Panelist', value: 'webinarPanelist' },
			{ name: 'Webinar Registrant', value: 'webinarRegistrant' },
		],
		default: 'meeting',
	},
	...meeting.description,
	...user.description,
	...meetingRegistrant.description,
	...webinar.description,
	...webinarPanelist.description,
	...webinarRegistrant.description,
	...cloudRecording.description,
	...pastMeeting.description,
	...report.description,
];
