import { z } from 'zod';

import { fieldGroup, type FieldDefinition } from '../../helpers/fields';
import { scheduleFields } from '../../helpers/scheduleFields';
import {
	booleanSchema,
	emailListSchema,
	emailSchema,
	numberChoiceSchema,
	numberSchema,
	textChoiceSchema,
} from '../../helpers/schemas';

function flag(
	name: string,
	displayName: string,
	zoom: string,
	description: string,
): FieldDefinition {
	return {
		property: { displayName, name, type: 'boolean', default: false, description },
		zoom,
		schema: booleanSchema,
	};
}

function choice(
	name: string,
	displayName: string,
	zoom: string,
	description: string,
	options: Array<{ name: string; value: string | number }>,
	fallback: string | number,
): FieldDefinition {
	const values = options.map((o) => o.value);
	return {
		property: { displayName, name, type: 'options', default: fallback, description, options },
		zoom,
		schema:
			typeof fallback === 'number'
				? numberChoiceSchema(values as number[])
				: textChoiceSchema(values as [string, ...string[]]),
	};
}

/** Zoom's webinar settings take the alternative hosts separated by commas. */
const emailList = emailListSchema.transform((emails) => emails.join(','));

const settings = fieldGroup(
	{ displayName: 'Settings', name: 'settings', description: 'Webinar settings' },
	'settings',
	[
		{
			property: {
				displayName: 'Alternative Hosts',
				name: 'alternativeHosts',
				type: 'string',
				default: '',
				description: 'Comma-separated emails of alternative hosts (licensed users of the account)',
			},
			zoom: 'alternative_hosts',
			schema: emailList,
		},
		choice(
			'approvalType',
			'Approval Type',
			'approval_type',
			'Whether registration is required, and who approves registrants',
			[
				{ name: 'Automatically Approve', value: 0 },
				{ name: 'Manually Approve', value: 1 },
				{ name: 'No Registration Required', value: 2 },
			],
			2,
		),
		choice(
			'audio',
			'Audio',
			'audio',
			'How participants join the audio',
			[
				{ name: 'Both', value: 'both' },
				{ name: 'Telephony', value: 'telephony' },
				{ name: 'Third Party', value: 'thirdParty' },
				{ name: 'VoIP', value: 'voip' },
			],
			'both',
		),
		choice(
			'autoRecording',
			'Auto Recording',
			'auto_recording',
			'Record the webinar automatically',
			[
				{ name: 'Cloud', value: 'cloud' },
				{ name: 'Local', value: 'local' },
				{ name: 'None', value: 'none' },
			],
			'none',
		),
		flag(
			'allowMultipleDevices',
			'Allow Multiple Devices',
			'allow_multiple_devices',
			'Whether attendees may join from several devices',
		),
		flag(
			'closeRegistration',
			'Close Registration',
			'close_registration',
			'Whether to close registration after the event date',
		),
		{
			property: {
				displayName: 'Contact Email',
				name: 'contactEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Contact email shown to registrants',
			},
			zoom: 'contact_email',
			schema: emailSchema,
		},
		{
			property: {
				displayName: 'Contact Name',
				name: 'contactName',
				type: 'string',
				default: '',
				description: 'Contact name shown to registrants',
			},
			zoom: 'contact_name',
			schema: z.string(),
		},
		flag('hdVideo', 'HD Video', 'hd_video', 'Whether to send HD video'),
		flag(
			'hostVideo',
			'Host Video',
			'host_video',
			"Whether the host's video is on when the webinar starts",
		),
		flag(
			'meetingAuthentication',
			'Require Authentication',
			'meeting_authentication',
			'Whether only authenticated users may join',
		),
		flag(
			'onDemand',
			'On Demand',
			'on_demand',
			'Whether the recording is available on demand to registrants',
		),
		flag(
			'panelistsVideo',
			'Panelists Video',
			'panelists_video',
			"Whether panelists' video is on when they join",
		),
		flag(
			'postWebinarSurvey',
			'Post Webinar Survey',
			'post_webinar_survey',
			'Whether attendees get a survey after the webinar',
		),
		flag(
			'practiceSession',
			'Practice Session',
			'practice_session',
			'Whether to start with a practice session for panelists',
		),
		{
			...flag(
				'questionAndAnswer',
				'Q&A',
				'question_and_answer.enable',
				'Whether the Q&A panel is enabled',
			),
		},
		choice(
			'registrationType',
			'Registration Type',
			'registration_type',
			'For recurring webinars with registration: what one registration covers',
			[
				{ name: 'Attendees Register Once for All Occurrences', value: 1 },
				{ name: 'Attendees Register for Each Occurrence', value: 2 },
				{ name: 'Attendees Register Once and Choose Occurrences', value: 3 },
			],
			1,
		),
		flag(
			'registrantsEmailNotification',
			'Registrants Email Notification',
			'registrants_email_notification',
			'Whether registrants get emails (confirmation, reminders)',
		),
		{
			property: {
				displayName: 'Registrants Limit',
				name: 'registrantsRestrictNumber',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 20000 },
				default: 0,
				description: 'Maximum number of registrants (0 = no limit)',
			},
			zoom: 'registrants_restrict_number',
			schema: numberSchema().pipe(z.number().int().min(0).max(20000, 'must be at most 20,000')),
		},
		{
			property: {
				displayName: 'Survey URL',
				name: 'surveyUrl',
				type: 'string',
				default: '',
				description: 'Link to a survey shown after the webinar',
			},
			zoom: 'survey_url',
			schema: z.string().url('must be a URL'),
		},
	],
);

/** Zoom's largest repeat intervals for webinars: 90 days, 12 weeks, 3 months. */
const WEBINAR_INTERVAL_LIMITS = { 1: 90, 2: 12, 3: 3 } as const;

/**
 * The optional webinar fields: Create's Additional Fields, and with the Topic Update's Update
 * Fields.
 */
export const WEBINAR_FIELDS: FieldDefinition[] = [
	...scheduleFields('webinar', WEBINAR_INTERVAL_LIMITS),
	settings,
	choice(
		'type',
		'Type',
		'type',
		'Scheduled, or recurring with or without a fixed time',
		[
			{ name: 'Webinar', value: 5 },
			{ name: 'Recurring, No Fixed Time', value: 6 },
			{ name: 'Recurring, Fixed Time', value: 9 },
		],
		5,
	),
];
