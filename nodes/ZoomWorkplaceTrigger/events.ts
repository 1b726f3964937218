import type { INodePropertyOptions } from 'n8n-workflow';

/** Every event: the `events` value that starts the workflow for anything Zoom sends. */
export const ALL_EVENTS = '*';

type Group = 'Meeting' | 'Recording' | 'Webinar' | 'User' | 'Team Chat';

/**
 * Zoom's event names (Zoom Meeting, Webinar, Cloud Recording, User and Team Chat event
 * references; the summary and Team Chat events as Zoom's webhook specs of 2026-03-10 name them).
 */
const CATALOGUE: Record<Group, Record<string, string>> = {
	Meeting: {
		'meeting.created': 'A meeting was scheduled',
		'meeting.updated': 'A meeting was updated',
		'meeting.deleted': 'A meeting was deleted',
		'meeting.recovered': 'A deleted meeting was recovered',
		'meeting.permanently_deleted': 'A meeting was permanently deleted',
		'meeting.started': 'A meeting started',
		'meeting.ended': 'A meeting ended',
		'meeting.alert': 'A meeting had a service issue',
		'meeting.participant_joined': 'A participant joined a meeting',
		'meeting.participant_left': 'A participant left a meeting',
		'meeting.participant_joined_waiting_room': 'A participant joined the waiting room',
		'meeting.participant_left_waiting_room': 'A participant left the waiting room',
		'meeting.participant_put_in_waiting_room': 'A participant was put in the waiting room',
		'meeting.participant_admitted': 'A participant was admitted from the waiting room',
		'meeting.participant_jbh_joined': 'A participant joined before the host',
		'meeting.participant_jbh_waiting': 'A participant is waiting for the host',
		'meeting.participant_role_changed': "A participant's role changed",
		'meeting.participant_feedback': 'A participant left feedback',
		'meeting.registration_created': 'Someone registered for a meeting',
		'meeting.registration_approved': 'A meeting registration was approved',
		'meeting.registration_denied': 'A meeting registration was denied',
		'meeting.registration_cancelled': 'A meeting registration was cancelled',
		'meeting.sharing_started': 'Screen sharing started in a meeting',
		'meeting.sharing_ended': 'Screen sharing ended in a meeting',
		'meeting.chat_message_sent': 'A chat message was sent in a meeting',
		'meeting.live_streaming_started': 'Live streaming of a meeting started',
		'meeting.live_streaming_stopped': 'Live streaming of a meeting stopped',
		'meeting.summary_completed': 'An AI Companion meeting summary is ready',
		'meeting.summary_updated': 'A meeting summary was edited',
		'meeting.summary_shared': 'A meeting summary was shared',
		'meeting.summary_trashed': 'A meeting summary was moved to the trash',
		'meeting.summary_recovered': 'A meeting summary was recovered from the trash',
		'meeting.summary_deleted': 'A meeting summary was permanently deleted',
	},
	Recording: {
		'recording.started': 'A cloud recording started',
		'recording.paused': 'A cloud recording was paused',
		'recording.resumed': 'A cloud recording was resumed',
		'recording.stopped': 'A cloud recording stopped',
		'recording.completed': 'Cloud recording files are ready to download',
		'recording.transcript_completed': 'A recording transcript is ready',
		'recording.renamed': 'A recording was renamed',
		'recording.trashed': 'A recording was moved to the trash',
		'recording.deleted': 'A recording was permanently deleted',
		'recording.recovered': 'A recording was recovered from the trash',
		'recording.batch_trashed': 'Several recordings were moved to the trash',
		'recording.batch_deleted': 'Several recordings were permanently deleted',
		'recording.batch_recovered': 'Several recordings were recovered',
		'recording.registration_created': 'Someone registered for an on-demand recording',
		'recording.registration_approved': 'An on-demand recording registration was approved',
		'recording.registration_denied': 'An on-demand recording registration was denied',
		'recording.cloud_storage_usage_updated': 'Cloud recording storage usage changed',
	},
	Webinar: {
		'webinar.created': 'A webinar was scheduled',
		'webinar.updated': 'A webinar was updated',
		'webinar.deleted': 'A webinar was deleted',
		'webinar.recovered': 'A deleted webinar was recovered',
		'webinar.permanently_deleted': 'A webinar was permanently deleted',
		'webinar.started': 'A webinar started',
		'webinar.ended': 'A webinar ended',
		'webinar.alert': 'A webinar had a service issue',
		'webinar.participant_joined': 'A participant joined a webinar',
		'webinar.participant_left': 'A participant left a webinar',
		'webinar.participant_role_changed': "A webinar participant's role changed",
		'webinar.registration_created': 'Someone registered for a webinar',
		'webinar.registration_approved': 'A webinar registration was approved',
		'webinar.registration_denied': 'A webinar registration was denied',
		'webinar.registration_cancelled': 'A webinar registration was cancelled',
		'webinar.sharing_started': 'Screen sharing started in a webinar',
		'webinar.sharing_ended': 'Screen sharing ended in a webinar',
		'webinar.chat_message_sent': 'A chat message was sent in a webinar',
		'webinar.converted_to_meeting': 'A webinar was converted to a meeting',
	},
	User: {
		'user.created': 'A user was added to the account',
		'user.invitation_accepted': 'A user accepted the invitation to the account',
		'user.updated': "A user's profile was updated",
		'user.settings_updated': "A user's settings were updated",
		'user.activated': 'A user was activated',
		'user.deactivated': 'A user was deactivated',
		'user.disassociated': 'A user was removed from the account',
		'user.deleted': 'A user was deleted',
		'user.signed_in': 'A user signed in',
		'user.signed_out': 'A user signed out',
		'user.presence_status_updated': "A user's presence status changed",
		'user.personal_notes_updated': "A user's personal note changed",
	},
	'Team Chat': {
		'chat_message.sent': 'A user sent a chat message',
		'chat_message.replied': 'A user replied to a chat message',
		'chat_message.updated': 'A user edited a chat message',
		'chat_message.deleted': 'A user deleted a chat message',
		'chat_channel.created': 'A channel was created',
		'chat_channel.updated': 'A channel was renamed or its settings changed',
		'chat_channel.deleted': 'A channel was deleted',
		'chat_channel.member_invited': 'Members were invited to a channel',
		'chat_channel.member_joined': 'A member joined a channel',
		'chat_channel.member_left': 'A member left a channel',
		'chat_channel.member_removed': 'A member was removed from a channel',
		'team_chat.channel_message_posted': 'A message was posted in a channel (any member)',
		'team_chat.channel_message_updated': 'A channel message was edited',
		'team_chat.channel_message_deleted': 'A channel message was deleted',
		'team_chat.dm_message_posted': 'A direct message was posted',
		'team_chat.dm_message_updated': 'A direct message was edited',
		'team_chat.dm_message_deleted': 'A direct message was deleted',
		'team_chat.channel_reaction_added': 'A reaction was added to a channel message',
		'team_chat.channel_reaction_removed': 'A reaction was removed from a channel message',
		'team_chat.dm_reaction_added': 'A reaction was added to a direct message',
		'team_chat.dm_reaction_removed': 'A reaction was removed from a direct message',
		'team_chat.channel_pin_added': 'A message was pinned in a channel',
		'team_chat.channel_pin_removed': 'A message was unpinned in a channel',
		'team_chat.channel_archived': 'A channel was archived',
		'team_chat.channel_unarchived': 'A channel was unarchived',
	},
};

export const KNOWN_EVENTS: string[] = Object.values(CATALOGUE).flatMap((events) =>
	Object.keys(events),
);

/** What the part before the dot adds to the option's name ("chat_message.sent" → "Message sent"). */
const SUBJECTS: Record<string, string> = { chat_message: 'message ', chat_channel: 'channel ' };

function title(event: string): string {
	const [prefix, action = event] = event.split('.');
	const words = `${SUBJECTS[prefix] ?? ''}${action.replace(/_/g, ' ')}`
		.replace(/\bjbh\b/g, 'JBH')
		.replace(/\bdm\b/g, 'DM');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The `events` options: "All Events" first, then one block per group ("Meeting: Ended", …),
 * the Zoom event name shown as each option's description so a search for either finds it.
 */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All Events', value: ALL_EVENTS, description: 'Every event the Zoom app subscribes to' },
	...(Object.entries(CATALOGUE) as Array<[Group, Record<string, string>]>).flatMap(
		([group, events]) =>
			Object.entries(events).map(([value, description]) => ({
				name: `${group}: ${title(value)}`,
				value,
				description: `${value} — ${description}`,
			})),
	),
];

/** Event names typed by the user (comma or line separated), for events newer than this list. */
export function parseEventList(text: string | undefined): string[] {
	return (text ?? '')
		.split(/[\s,]+/)
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

/** Whether an incoming event starts the workflow. */
export function isSelectedEvent(event: unknown, selected: readonly string[]): boolean {
	if (typeof event !== 'string' || event === '') return false;
	return selected.includes(ALL_EVENTS) || selected.includes(event);
}
