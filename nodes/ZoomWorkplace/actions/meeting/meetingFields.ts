import { z } from 'zod';

import { fieldGroup, type FieldDefinition } from '../../helpers/fields';
import {
	booleanSchema,
	emailListSchema,
	numberChoiceSchema,
	textChoiceSchema,
} from '../../helpers/schemas';
import { scheduleFields } from '../../helpers/scheduleFields';

const option = (name: string, value: string | number) => ({ name, value });

/** The meeting's Settings, one definition each (Zoom's MeetingSettings names). */
const SETTINGS: FieldDefinition[] = [
	{
		property: {
			displayName: 'Alternative Hosts',
			name: 'alternativeHosts',
			type: 'string',
			default: '',
			description: 'Comma-separated emails of alternative hosts',
		},
		zoom: 'alternative_hosts',
		// Zoom's meeting settings take the alternative hosts separated by semicolons.
		schema: emailListSchema.transform((emails) => emails.join(';')),
	},
	{
		property: {
			displayName: 'Approval Type',
			name: 'approvalType',
			type: 'options',
			options: [
				option('Automatically Approve', 0),
				option('Manually Approve', 1),
				option('No Registration Required', 2),
			],
			default: 2,
		},
		zoom: 'approval_type',
		schema: numberChoiceSchema([0, 1, 2]),
	},
	{
		property: {
			displayName: 'Audio',
			name: 'audio',
			type: 'options',
			options: [
				option('Both', 'both'),
				option('Telephony', 'telephony'),
				option('Computer Audio (VoIP)', 'voip'),
				option('Third-Party Audio', 'thirdParty'),
			],
			default: 'both',
		},
		zoom: 'audio',
		schema: textChoiceSchema(['both', 'telephony', 'voip', 'thirdParty']),
	},
	{
		property: {
			displayName: 'Authentication Domains',
			name: 'authenticationDomains',
			type: 'string',
			default: '',
			description: 'Comma-separated domains allowed to join when meeting authentication is on',
		},
		zoom: 'authentication_domains',
		schema: z.string({ invalid_type_error: 'must be text' }),
	},
	{
		property: {
			displayName: 'Auto Recording',
			name: 'autoRecording',
			type: 'options',
			options: [option('Cloud', 'cloud'), option('Local', 'local'), option('None', 'none')],
			default: 'none',
		},
		zoom: 'auto_recording',
		schema: textChoiceSchema(['cloud', 'local', 'none']),
	},
	{
		property: {
			displayName: 'Encryption Type',
			name: 'encryptionType',
			type: 'options',
			options: [
				option('Enhanced Encryption', 'enhanced_encryption'),
				option('End-to-End Encryption', 'e2ee'),
			],
			default: 'enhanced_encryption',
		},
		zoom: 'encryption_type',
		schema: textChoiceSchema(['enhanced_encryption', 'e2ee']),
	},
	{
		property: {
			displayName: 'Host Video',
			name: 'hostVideo',
			type: 'boolean',
			default: false,
			description: 'Whether to start video when the host joins',
		},
		zoom: 'host_video',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Join Before Host',
			name: 'joinBeforeHost',
			type: 'boolean',
			default: false,
			description: 'Whether participants may join before the host',
		},
		zoom: 'join_before_host',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Join Before Host Time (Minutes)',
			name: 'jbhTime',
			type: 'options',
			// Zoom's MeetingSettings.jbh_time takes 0, 5 and 10 only.
			options: [option('Anytime', 0), option('5 Minutes', 5), option('10 Minutes', 10)],
			default: 0,
			description: 'How long before the start time participants may join (with Join Before Host)',
		},
		zoom: 'jbh_time',
		schema: numberChoiceSchema([0, 5, 10]),
	},
	{
		property: {
			displayName: 'Meeting Authentication',
			name: 'meetingAuthentication',
			type: 'boolean',
			default: false,
			description: 'Whether only authenticated users may join',
		},
		zoom: 'meeting_authentication',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Meeting Invitees',
			name: 'meetingInvitees',
			type: 'string',
			default: '',
			description: 'Comma-separated emails to invite (shown in the calendar invitation)',
		},
		zoom: 'meeting_invitees',
		schema: emailListSchema,
		transform: (emails) => (emails as string[]).map((email) => ({ email })),
	},
	{
		property: {
			displayName: 'Mute Upon Entry',
			name: 'muteUponEntry',
			type: 'boolean',
			default: false,
			description: 'Whether participants are muted when they join',
		},
		zoom: 'mute_upon_entry',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Participant Video',
			name: 'participantVideo',
			type: 'boolean',
			default: false,
			description: 'Whether to start video when participants join',
		},
		zoom: 'participant_video',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Registration Type',
			name: 'registrationType',
			type: 'options',
			options: [
				option('Register Once, Attend Any Occurrence', 1),
				option('Register for Each Occurrence', 2),
				option('Register Once, Choose Occurrences', 3),
			],
			default: 1,
			description: 'For recurring meetings with registration',
		},
		zoom: 'registration_type',
		schema: numberChoiceSchema([1, 2, 3]),
	},
	{
		property: {
			displayName: 'Waiting Room',
			name: 'waitingRoom',
			type: 'boolean',
			default: false,
			description: 'Whether participants wait in a waiting room until admitted',
		},
		zoom: 'waiting_room',
		schema: booleanSchema,
	},
];

/**
 * The optional meeting fields: Create's Additional Fields, and with the Topic Update's Update
 * Fields.
 */
export const MEETING_FIELDS: FieldDefinition[] = [
	...scheduleFields('meeting', { 1: 99, 2: 50, 3: 10 }),
	fieldGroup({ displayName: 'Settings', name: 'settings' }, 'settings', SETTINGS),
	{
		property: {
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				option('Instant', 1),
				option('Scheduled', 2),
				option('Recurring, No Fixed Time', 3),
				option('Recurring, Fixed Time', 8),
			],
			default: 2,
		},
		zoom: 'type',
		schema: numberChoiceSchema([1, 2, 3, 8]),
	},
];
