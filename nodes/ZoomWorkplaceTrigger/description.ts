import type { INodeProperties } from 'n8n-workflow';

import { EVENT_OPTIONS } from './events';
import { RECORDING_FILE_TYPE_OPTIONS } from './recordings';

export const WEBHOOK_CREDENTIAL = 'zoomWorkplaceWebhookApi';
export const CONNECTION_PARAMETER = 'connection';

const webhookOnly = { show: { [CONNECTION_PARAMETER]: ['webhook'] } };
const webSocketOnly = { show: { [CONNECTION_PARAMETER]: ['webSocket'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Connection',
		name: CONNECTION_PARAMETER,
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Webhook (Public URL)',
				value: 'webhook',
				description:
					'Zoom posts each event to this n8n: needs a public https URL that Zoom can reach',
			},
			{
				name: 'WebSocket (No Public URL)',
				value: 'webSocket',
				description:
					'An outgoing connection from n8n to Zoom carries the events: works behind NAT and firewalls',
			},
		],
		default: 'webhook',
	},
	{
		displayName:
			"In your Zoom app (Zoom App Marketplace → Manage → your app → Features → Access, or Event Subscriptions): add an event subscription, paste this node's <b>Production URL</b> (for the published workflow) or <b>Test URL</b> (while the node listens for a test event: <b>Execute step</b>) as the event notification endpoint URL, add the same events as below, then click <b>Validate</b> and save. Copy the app's <b>Secret Token</b> from that page into the credential: it checks every request.",
		name: 'setupNotice',
		type: 'notice',
		default: '',
		displayOptions: webhookOnly,
	},
	{
		displayName:
			'In your Zoom app (Zoom App Marketplace → Manage → your Server-to-Server OAuth app → Features → Access → Event Subscriptions): add an event subscription with method <b>WebSocket</b>, add the same events as below, save, and paste the endpoint URL Zoom shows (wss://ws.zoom.us/ws?subscriptionId=…) below. Choose a Server-to-Server OAuth credential of that same app.',
		name: 'webSocketSetupNotice',
		type: 'notice',
		default: '',
		displayOptions: webSocketOnly,
	},
	{
		displayName:
			"Zoom does not replay events sent while the connection is down (n8n stopped, network lost, reconnecting): those events are lost. Reconnects and gaps are logged; 'Recover Recordings Missed While Disconnected' finds completed recordings again.",
		name: 'webSocketGapNotice',
		type: 'notice',
		default: '',
		displayOptions: webSocketOnly,
	},
	{
		displayName: 'WebSocket URL',
		name: 'webSocketUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. wss://ws.zoom.us/ws?subscriptionId=AbCdEfGhIjKlMnOpQrStUv',
		description:
			"The endpoint URL of the app's WebSocket event subscription, or its subscription ID. n8n adds the access token itself.",
		displayOptions: webSocketOnly,
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		default: [],
		required: true,
		description:
			'The Zoom events that start the workflow. Other events the Zoom app sends are acknowledged and ignored.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Answer Zoom Before the Execution Starts',
				name: 'answerBeforeExecution',
				type: 'boolean',
				default: false,
				description:
					"Whether to answer Zoom 200 as soon as the request is verified, before n8n has started the workflow's execution: faster answers on a busy n8n (fewer late answers that Zoom resends and counts against the subscription). The risk: an event whose execution n8n then fails to start (database unavailable, n8n stopping) is lost, since Zoom has its 200 and does not send it again. Off, Zoom is answered once the execution has started, and an error makes Zoom resend the event.",
				displayOptions: { show: { ['/' + CONNECTION_PARAMETER]: ['webhook'] } },
			},
			{
				displayName: 'Binary Property Prefix',
				name: 'binaryPrefix',
				type: 'string',
				default: 'recording_',
				description:
					'Downloaded files go to binary properties named with this prefix and a number: recording_0, recording_1, …',
			},
			{
				displayName: 'Download Recording Files',
				name: 'downloadRecordings',
				type: 'boolean',
				default: false,
				description:
					"Whether to download the files of a recording.completed event into the item's binary data (streamed, one file at a time, with the event's download token). Zoom is answered first, so large files don't make it retry.",
			},
			{
				displayName: 'Drop Repeated Deliveries',
				name: 'dropRepeats',
				type: 'boolean',
				default: true,
				description:
					'Whether to ignore an event already received (same event, event_ts and meeting, webinar or user). Zoom sends an event again, up to 3 times over about 85 minutes, when it did not get an answer within 3 seconds. The last 10,000 events are remembered for 3 hours in the memory of this n8n process: forgotten when n8n restarts, and in queue mode each webhook process knows only its own.',
			},
			{
				displayName: 'File Types',
				name: 'recordingFileTypes',
				type: 'multiOptions',
				options: RECORDING_FILE_TYPE_OPTIONS,
				default: ['MP4', 'M4A', 'TRANSCRIPT', 'CHAT'],
				description: 'Which recording files to download (with Download Recording Files on)',
			},
			{
				displayName: 'Include Download Token',
				name: 'includeDownloadToken',
				type: 'boolean',
				default: false,
				description:
					"Whether to put a recording event's download_token in the item. It lets anyone download the recording for 24 hours, and execution data is stored and shown in the editor.",
			},
			{
				displayName: 'Include Full Summary',
				name: 'includeSummary',
				type: 'boolean',
				default: false,
				description:
					"Whether to add, for meeting.summary_completed and meeting.summary_updated, the whole AI Companion summary to the item: summary (as Meeting Summary → Get returns it) and summaryText (plain text, for an LLM or a message). When Zoom's event lacks summary_content, the node fetches the summary with the credential (Get Meeting Summary; scope meeting_summary:read:admin, granular meeting:read:summary:admin). A failed fetch is named in summaryFetchError and the workflow still runs.",
				displayOptions: { show: { ['/' + CONNECTION_PARAMETER]: ['webSocket'] } },
			},
			{
				displayName: 'Include Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description: 'Whether to add the request headers (without cookies) to the item',
				displayOptions: { show: { ['/' + CONNECTION_PARAMETER]: ['webhook'] } },
			},
			{
				displayName: 'Other Event Names',
				name: 'otherEvents',
				type: 'string',
				default: '',
				placeholder: 'e.g. meeting.risk_alert, phone.callee_ended',
				description:
					'More Zoom event names that start the workflow, separated by commas: for events not in the list above',
			},
			{
				displayName: 'Recover Recordings Missed While Disconnected',
				name: 'recoverMissedRecordings',
				type: 'boolean',
				default: false,
				description:
					'Whether to look up, after each reconnect, the cloud recordings that completed while the WebSocket connection was down (List Recordings), and start the workflow for each with a recording.completed item marked recovered: true. Needs recording.completed among the events, and the scopes cloud_recording:read:list_user_recordings:admin (and user:read:list_users:admin for all users).',
				displayOptions: { show: { ['/' + CONNECTION_PARAMETER]: ['webSocket'] } },
			},
			{
				displayName: 'Recover Recordings Of',
				name: 'recoveryUsers',
				type: 'string',
				default: '',
				placeholder: 'e.g. me, jane@example.com',
				description:
					'Whose recordings a recovery looks up: user IDs or emails separated by commas, or empty for every active user of the account (one List Recordings request per user)',
				displayOptions: { show: { ['/' + CONNECTION_PARAMETER]: ['webSocket'] } },
			},
		],
	},
];
