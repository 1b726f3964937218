import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

const WEEKDAYS = [
	{ name: 'Sunday', value: 1 },
	{ name: 'Monday', value: 2 },
	{ name: 'Tuesday', value: 3 },
	{ name: 'Wednesday', value: 4 },
	{ name: 'Thursday', value: 5 },
	{ name: 'Friday', value: 6 },
	{ name: 'Saturday', value: 7 },
];

/** The optional meeting fields, shared by Create (`additionalFields`) and Update (`updateFields`). */
export function meetingFields(
	name: 'additionalFields' | 'updateFields',
	show: Show,
): INodeProperties {
	const topic: INodeProperties[] =
		name === 'updateFields'
			? [
					{
						displayName: 'Topic',
						name: 'topic',
						type: 'string',
						default: '',
						description: 'Meeting topic (up to 200 characters)',
					},
				]
			: [];
	return {
		displayName: name === 'additionalFields' ? 'Additional Fields' : 'Update Fields',
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Agenda',
				name: 'agenda',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Meeting description (up to 2,000 characters)',
			},
			{
				displayName: 'Duration (Minutes)',
				name: 'duration',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description: 'Scheduled length of the meeting in minutes',
			},
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Passcode to join (up to 10 characters: letters, digits, @ - _ *)',
			},
			{
				displayName: 'Recurrence',
				name: 'recurrence',
				type: 'fixedCollection',
				default: {},
				description: 'For recurring meetings with a fixed time (type "Recurring, Fixed Time")',
				options: [
					{
						displayName: 'Recurrence',
						name: 'recurrenceValues',
						values: [
							{
								displayName: 'End After (Occurrences)',
								name: 'endTimes',
								type: 'number',
								typeOptions: { minValue: 0, maxValue: 60 },
								default: 0,
								description: 'Number of occurrences (0 = use End Date Time)',
							},
							{
								displayName: 'End Date Time',
								name: 'endDateTime',
								type: 'dateTime',
								default: '',
								description: 'Last date of the recurrence, used when End After is 0',
							},
							{
								displayName: 'Monthly By',
								name: 'monthlyBy',
								type: 'options',
								options: [
									{ name: 'Day of the Month', value: 'day' },
									{ name: 'Week of the Month', value: 'week' },
								],
								default: 'day',
								displayOptions: { show: { type: [3] } },
							},
							{
								displayName: 'Monthly Day',
								name: 'monthlyDay',
								type: 'number',
								typeOptions: { minValue: 1, maxValue: 31 },
								default: 1,
								displayOptions: { show: { type: [3], monthlyBy: ['day'] } },
							},
							{
								displayName: 'Monthly Week',
								name: 'monthlyWeek',
								type: 'options',
								options: [
									{ name: 'First Week', value: 1 },
									{ name: 'Fourth Week', value: 4 },
									{ name: 'Last Week', value: -1 },
									{ name: 'Second Week', value: 2 },
									{ name: 'Third Week', value: 3 },
								],
								default: 1,
								displayOptions: { show: { type: [3], monthlyBy: ['week'] } },
							},
							{
								displayName: 'Monthly Week Day',
								name: 'monthlyWeekDay',
								type: 'options',
								options: WEEKDAYS,
								default: 2,
								displayOptions: { show: { type: [3], monthlyBy: ['week'] } },
							},
							{
								displayName: 'Repeat',
								name: 'type',
								type: 'options',
								options: [
									{ name: 'Daily', value: 1 },
									{ name: 'Weekly', value: 2 },
									{ name: 'Monthly', value: 3 },
								],
								default: 2,
							},
							{
								displayName: 'Repeat Interval',
								name: 'repeatInterval',
								type: 'number',
								typeOptions: { minValue: 1 },
								default: 1,
								description: 'Every N days (max 99), weeks (max 50) or months (max 10)',
							},
							{
								displayName: 'Weekly Days',
								name: 'weeklyDays',
								type: 'multiOptions',
								options: WEEKDAYS,
								default: [],
								description: 'For weekly meetings',
								displayOptions: { show: { type: [2] } },
							},
						],
					},
				],
			},
			{
				displayName: 'Schedule For',
				name: 'scheduleFor',
				type: 'string',
				default: '',
				placeholder: 'assistant-host@example.com',
				description:
					'Email or user ID of the user to schedule the meeting for (requires scheduling privilege)',
			},
			{
				displayName: 'Settings',
				name: 'settings',
				type: 'collection',
				placeholder: 'Add Setting',
				default: {},
				options: [
					{
						displayName: 'Alternative Hosts',
						name: 'alternativeHosts',
						type: 'string',
						default: '',
						description: 'Comma-separated emails of alternative hosts',
					},
					{
						displayName: 'Approval Type',
						name: 'approvalType',
						type: 'options',
						options: [
							{ name: 'Automatically Approve', value: 0 },
							{ name: 'Manually Approve', value: 1 },
							{ name: 'No Registration Required', value: 2 },
						],
						default: 2,
					},
					{
						displayName: 'Audio',
						name: 'audio',
						type: 'options',
						options: [
							{ name: 'Both', value: 'both' },
							{ name: 'Telephony', value: 'telephony' },
							{ name: 'Computer Audio (VoIP)', value: 'voip' },
							{ name: 'Third-Party Audio', value: 'thirdParty' },
						],
						default: 'both',
					},
					{
						displayName: 'Authentication Domains',
						name: 'authenticationDomains',
						type: 'string',
						default: '',
						description:
							'Comma-separated domains allowed to join when meeting authentication is on',
					},
					{
						displayName: 'Auto Recording',
						name: 'autoRecording',
						type: 'options',
						options: [
							{ name: 'Cloud', value: 'cloud' },
							{ name: 'Local', value: 'local' },
							{ name: 'None', value: 'none' },
						],
						default: 'none',
					},
					{
						displayName: 'Encryption Type',
						name: 'encryptionType',
						type: 'options',
						options: [
							{ name: 'Enhanced Encryption', value: 'enhanced_encryption' },
							{ name: 'End-to-End Encryption', value: 'e2ee' },
						],
						default: 'enhanced_encryption',
					},
					{
						displayName: 'Host Video',
						name: 'hostVideo',
						type: 'boolean',
						default: false,
						description: 'Whether to start video when the host joins',
					},
					{
						displayName: 'Join Before Host',
						name: 'joinBeforeHost',
						type: 'boolean',
						default: false,
						description: 'Whether participants may join before the host',
					},
					{
						displayName: 'Join Before Host Time (Minutes)',
						name: 'jbhTime',
						type: 'options',
						options: [
							{ name: 'Anytime', value: 0 },
							{ name: '5 Minutes', value: 5 },
							{ name: '10 Minutes', value: 10 },
							{ name: '15 Minutes', value: 15 },
						],
						default: 0,
						description:
							'How long before the start time participants may join (with Join Before Host)',
					},
					{
						displayName: 'Meeting Authentication',
						name: 'meetingAuthentication',
						type: 'boolean',
						default: false,
						description: 'Whether only authenticated users may join',
					},
					{
						displayName: 'Meeting Invitees',
						name: 'meetingInvitees',
						type: 'string',
						default: '',
						description: 'Comma-separated emails to invite (shown in the calendar invitation)',
					},
					{
						displayName: 'Mute Upon Entry',
						name: 'muteUponEntry',
						type: 'boolean',
						default: false,
						description: 'Whether participants are muted when they join',
					},
					{
						displayName: 'Participant Video',
						name: 'participantVideo',
						type: 'boolean',
						default: false,
						description: 'Whether to start video when participants join',
					},
					{
						displayName: 'Registration Type',
						name: 'registrationType',
						type: 'options',
						options: [
							{ name: 'Register Once, Attend Any Occurrence', value: 1 },
							{ name: 'Register for Each Occurrence', value: 2 },
							{ name: 'Register Once, Choose Occurrences', value: 3 },
						],
						default: 1,
						description: 'For recurring meetings with registration',
					},
					{
						displayName: 'Waiting Room',
						name: 'waitingRoom',
						type: 'boolean',
						default: false,
						description: 'Whether participants wait in a waiting room until admitted',
					},
				],
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description:
					"Start of a scheduled or recurring meeting. A time without an offset is read in the chosen Time Zone (else the workflow's).",
			},
			{
				displayName: 'Time Zone Name or ID',
				name: 'timezone',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTimezones' },
				default: '',
				description:
					'Time zone of the start time. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			...topic,
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Instant', value: 1 },
					{ name: 'Scheduled', value: 2 },
					{ name: 'Recurring, No Fixed Time', value: 3 },
					{ name: 'Recurring, Fixed Time', value: 8 },
				],
				default: 2,
			},
		],
	};
}
