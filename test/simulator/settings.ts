import type { FieldError } from './errors';

type Json = Record<string, unknown>;

function isPlainObject(v: unknown): v is Json {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * PATCH semantics of Zoom: nested objects merge, arrays and scalars replace. `false`, `0` and ''
 * are real values; only undefined/null leave the old value alone.
 */
export function deepMerge<T extends Json>(target: T, patch: Json): T {
	for (const [key, value] of Object.entries(patch)) {
		if (value === undefined || value === null) continue;
		const current = (target as Json)[key];
		if (isPlainObject(value) && isPlainObject(current)) deepMerge(current, value);
		else (target as Json)[key] = structuredClone(value);
	}
	return target;
}

/** Settings Zoom returns for a meeting created with none (trimmed to the commonly used ones). */
export function defaultMeetingSettings(): Json {
	return {
		host_video: false,
		participant_video: false,
		cn_meeting: false,
		in_meeting: false,
		join_before_host: false,
		jbh_time: 0,
		mute_upon_entry: false,
		watermark: false,
		use_pmi: false,
		approval_type: 2,
		audio: 'voip',
		auto_recording: 'none',
		enforce_login: false,
		enforce_login_domains: '',
		alternative_hosts: '',
		alternative_host_update_polls: false,
		close_registration: false,
		show_share_button: false,
		allow_multiple_devices: false,
		registrants_confirmation_email: true,
		waiting_room: false,
		request_permission_to_unmute_participants: false,
		registrants_email_notification: true,
		meeting_authentication: false,
		encryption_type: 'enhanced_encryption',
		approved_or_denied_countries_or_regions: { enable: false },
		breakout_room: { enable: false },
		internal_meeting: false,
		continuous_meeting_chat: { enable: false, auto_add_invited_external_users: false },
		participant_focused_meeting: false,
		push_change_to_calendar: false,
		resources: [],
		alternative_hosts_email_notification: true,
		show_join_info: false,
		device_testing: false,
		focus_mode: false,
		private_meeting: false,
		email_notification: true,
		host_save_video_order: false,
		sign_language_interpretation: { enable: false },
		email_in_attendee_report: false,
	};
}

const BOOLEAN_SETTINGS = [
	'host_video',
	'participant_video',
	'cn_meeting',
	'in_meeting',
	'join_before_host',
	'mute_upon_entry',
	'watermark',
	'use_pmi',
	'enforce_login',
	'close_registration',
	'show_share_button',
	'allow_multiple_devices',
	'registrants_confirmation_email',
	'waiting_room',
	'registrants_email_notification',
	'meeting_authentication',
	'alternative_hosts_email_notification',
	'focus_mode',
	'private_meeting',
	'email_notification',
	'internal_meeting',
	'participant_focused_meeting',
	'push_change_to_calendar',
	'host_save_video_order',
	'alternative_host_update_polls',
];

const ENUM_SETTINGS: Record<string, unknown[]> = {
	approval_type: [0, 1, 2],
	audio: ['both', 'telephony', 'voip', 'thirdParty'],
	auto_recording: ['local', 'cloud', 'none'],
	registration_type: [1, 2, 3],
	jbh_time: [0, 5, 10],
	calendar_type: [1, 2],
	encryption_type: ['enhanced_encryption', 'e2ee'],
};

export function validateMeetingSettings(input: unknown, errors: FieldError[]): Json | undefined {
	if (input === undefined || input === null) return undefined;
	if (!isPlainObject(input)) {
		errors.push({ field: 'settings', message: 'Invalid field.' });
		return undefined;
	}
	for (const key of BOOLEAN_SETTINGS) {
		const v = input[key];
		if (v !== undefined && v !== null && typeof v !== 'boolean')
			errors.push({ field: `settings.${key}`, message: 'Invalid field.' });
	}
	for (const [key, allowed] of Object.entries(ENUM_SETTINGS)) {
		const v = input[key];
		if (v !== undefined && v !== null && !allowed.includes(v))
			errors.push({ field: `settings.${key}`, message: 'Invalid field.' });
	}
	return input;
}

/** A Pro user's settings, shaped like GET /users/{userId}/settings. */
export function defaultUserSettings(type: number): Json {
	const licensed = type !== 1;
	return {
		schedule_meeting: {
			audio_type: 'both',
			default_password_for_scheduled_meetings: '',
			embed_password_in_join_link: true,
			force_pmi_jbh_password: false,
			host_video: false,
			join_before_host: false,
			meeting_password_requirement: {
				consecutive_characters_length: 0,
				have_letter: false,
				have_number: false,
				have_special_character: false,
				have_upper_and_lower_characters: false,
				length: 0,
				only_allow_numeric: false,
				weak_enhance_detection: false,
			},
			participants_video: false,
			personal_meeting: true,
			pstn_password_protected: true,
			require_password_for_instant_meetings: true,
			require_password_for_pmi_meetings: 'jbh_only',
			require_password_for_scheduled_meetings: true,
			require_password_for_scheduling_new_meetings: true,
			use_pmi_for_instant_meetings: false,
			use_pmi_for_scheduled_meetings: false,
			continuous_meeting_chat: {
				enable: false,
				can_add_external_users: false,
				auto_add_invited_external_users: false,
			},
		},
		in_meeting: {
			allow_live_streaming: false,
			allow_participants_chat_with: 1,
			allow_users_save_chats: 2,
			annotation: true,
			attendee_on_hold: false,
			auto_saving_chat: false,
			breakout_room: false,
			chat: true,
			closed_caption: true,
			co_host: false,
			e2e_encryption: false,
			entry_exit_chime: 'host',
			far_end_camera_control: false,
			feedback: false,
			file_transfer: true,
			group_hd: false,
			meeting_reactions: true,
			non_verbal_feedback: false,
			polling: licensed,
			private_chat: true,
			remote_control: true,
			remote_support: false,
			screen_sharing: true,
			share_dual_camera: false,
			show_meeting_control_toolbar: false,
			virtual_background: true,
			waiting_room: true,
			who_can_share_screen: 'host',
			who_can_share_screen_when_someone_is_sharing: 'host',
			participants_share_simultaneously: 'one',
			whiteboard: true,
		},
		email_notification: {
			alternative_host_reminder: true,
			cancel_meeting_reminder: true,
			cloud_recording_available_reminder: true,
			jbh_reminder: true,
			recording_available_reminder_alternative_hosts: false,
			recording_available_reminder_schedulers: true,
			schedule_for_reminder: true,
		},
		recording: {
			ask_host_to_confirm_disclaimer: false,
			ask_participants_to_consent_disclaimer: true,
			auto_delete_cmr: false,
			auto_recording: 'none',
			cloud_recording: licensed,
			host_pause_stop_recording: true,
			local_recording: true,
			record_audio_file: true,
			record_gallery_view: false,
			record_speaker_view: true,
			recording_audio_transcript: false,
			recording_disclaimer: false,
			save_chat_text: true,
			show_timestamp: false,
			recording_password_requirement: {
				have_letter: false,
				have_number: false,
				have_special_character: false,
				length: 0,
				only_allow_numeric: false,
			},
		},
		telephony: {
			audio_conference_info: '',
			show_international_numbers_link: true,
			third_party_audio: false,
			telephony_regions: { allowed_values: ['USTB'], selection_values: 'USTB' },
		},
		feature: {
			cn_meeting: false,
			concurrent_meeting: licensed ? 'Basic' : 'None',
			in_meeting: false,
			large_meeting: false,
			meeting_capacity: licensed ? 100 : 100,
			webinar: false,
			zoom_events: false,
			zoom_phone: false,
			zoom_whiteboard: true,
		},
		tsp: { call_out: false, call_out_countries: [], show_international_numbers_link: false },
		profile: { recording_storage_location: { allowed_values: ['US'], value: 'US' } },
		audio_conferencing: {
			toll_free_and_fee_based_toll_call: {
				allow_webinar_attendees_dial: false,
				enable: false,
				numbers: [],
			},
		},
		meeting_security: {
			auto_security: true,
			block_user_domain: false,
			embed_password_in_join_link: true,
			encryption_type: 'enhanced_encryption',
			end_to_end_encrypted_meetings: false,
			meeting_password: true,
			only_authenticated_can_join_from_webclient: false,
			phone_password: true,
			pmi_password: true,
			require_password_for_scheduled_meeting: true,
			waiting_room: true,
			waiting_room_settings: {
				participants_to_place_in_waiting_room: 0,
				users_who_can_admit_participants_from_waiting_room: 0,
				whitelisted_domains_for_waiting_room: '',
			},
		},
	};
}
