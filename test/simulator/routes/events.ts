/**
 * Webinars, registrants and panelists of the simulator: kept beside SimulatorState (one store
 * per simulator) so the core model stays as it is. Tests reach it with `events(sim.state)`.
 */
import { randomAlnum, randomDigits, randomMeetingNumber, randomUserId } from '../ids';
import { applySchedule, buildMeeting, type MeetingInput } from '../model';
import type { SimulatorState } from '../state';
import type { ZoomMeeting } from '../types';

export type RegistrantStatus = 'approved' | 'pending' | 'denied';

export interface SimRegistrant {
	id: string;
	email: string;
	first_name: string;
	last_name?: string;
	status: RegistrantStatus;
	create_time: string;
	join_url: string;
	participant_pin_code: number;
	/** Occurrences registered for; undefined = all. */
	occurrence_ids?: string[];
	[field: string]: unknown;
}

export interface SimPanelist {
	id: string;
	email: string;
	name: string;
	join_url: string;
	[field: string]: unknown;
}

/** A webinar is stored in Zoom's webinar shape; its schedule logic is the meeting model's. */
export type SimWebinar = ZoomMeeting;

/** Zoom's most registrants per meeting (webinars: the licence's capacity, here the same). */
export const MAX_REGISTRANTS = 4999;

/** Webinar type → the meeting type with the same schedule rules (5 scheduled, 6/9 recurring). */
export const MEETING_TYPE_OF: Record<number, number> = { 5: 2, 6: 3, 9: 8 };

export function defaultWebinarSettings(): Record<string, unknown> {
	return {
		host_video: false,
		panelists_video: false,
		practice_session: false,
		hd_video: false,
		hd_video_for_attendees: false,
		send_1080p_video_to_attendees: false,
		approval_type: 2,
		registration_type: 1,
		audio: 'both',
		auto_recording: 'none',
		enforce_login: false,
		enforce_login_domains: '',
		alternative_hosts: '',
		close_registration: false,
		show_share_button: false,
		allow_multiple_devices: false,
		on_demand: false,
		contact_name: '',
		contact_email: '',
		registrants_restrict_number: 0,
		registrants_confirmation_email: true,
		registrants_email_notification: true,
		panelists_invitation_email_notification: true,
		post_webinar_survey: false,
		meeting_authentication: false,
		question_and_answer: {
			enable: true,
			allow_submit_questions: true,
			allow_anonymous_questions: true,
			answer_questions: 'all',
			attendees_can_comment: true,
			attendees_can_upvote: true,
		},
	};
}

export class EventStore {
	/** id → webinar, in creation order. */
	readonly webinars = new Map<number, SimWebinar>();
	/** `meeting:<id>` / `webinar:<id>` → registrants in registration order. */
	readonly registrants = new Map<string, SimRegistrant[]>();
	readonly panelists = new Map<number, SimPanelist[]>();
	/** Hosts without a Webinar licence: their webinar calls fail as on Zoom (code 200). */
	readonly withoutWebinarLicence = new Set<string>();
	/**
	 * Emails Zoom refuses to register (lower case): a single create fails with a validation
	 * error, a batch registration silently leaves them out (a partial failure).
	 */
	readonly refusedEmails = new Set<string>();
	/** Registrations actually applied (creates, batch entries), to detect duplicates from retries. */
	readonly applied = { registrantCreates: 0, batchRegistrants: 0, webinarCreates: 0 };

	constructor(private readonly state: SimulatorState) {}

	/** Adds a webinar directly for a host (id or email), without an API call. */
	addWebinar(hostId: string, input: MeetingInput = {}): SimWebinar {
		const host = this.state.findUser(hostId);
		if (!host) throw new Error(`addWebinar: no user ${hostId}`);
		const type = input.type ?? 5;
		let id = input.id ?? randomMeetingNumber();
		while (this.webinars.has(id) || this.state.meetings.has(id)) id = randomMeetingNumber();
		const { settings, ...rest } = input;
		const webinar = buildMeeting(
			host,
			{ ...rest, type: MEETING_TYPE_OF[type] ?? 2, settings: {} },
			{ baseUrl: this.state.baseUrl, id },
		);
		webinar.type = type;
		webinar.settings = { ...defaultWebinarSettings(), ...(settings ?? {}) };
		webinar.join_url = `${this.state.baseUrl}/w/${id}${webinar.encrypted_password ? `?tk=${randomAlnum(43)}` : ''}`;
		const meetingOnly = webinar as Partial<SimWebinar>;
		delete meetingOnly.pre_schedule;
		delete meetingOnly.assistant_id;
		this.webinars.set(id, webinar);
		return webinar;
	}

	/** Re-applies start time / recurrence with the webinar's type read as its meeting type. */
	reschedule(
		webinar: SimWebinar,
		startTime?: string,
		recurrence?: MeetingInput['recurrence'],
	): void {
		const type = webinar.type;
		webinar.type = MEETING_TYPE_OF[type] ?? 2;
		applySchedule(webinar, startTime, recurrence);
		webinar.type = type;
	}

	registrantsOf(kind: 'meeting' | 'webinar', id: number): SimRegistrant[] {
		const key = `${kind}:${id}`;
		let list = this.registrants.get(key);
		if (!list) {
			list = [];
			this.registrants.set(key, list);
		}
		return list;
	}

	/** Adds (or returns the existing) registration for an email, as Zoom does for a repeat. */
	register(
		kind: 'meeting' | 'webinar',
		parentId: number,
		fields: Record<string, unknown> & { email: string; first_name: string },
		status: RegistrantStatus,
	): { registrant: SimRegistrant; created: boolean } {
		const list = this.registrantsOf(kind, parentId);
		const existing = list.find((r) => r.email.toLowerCase() === fields.email.toLowerCase());
		if (existing) return { registrant: existing, created: false };
		const id = randomUserId();
		const registrant: SimRegistrant = {
			...fields,
			id,
			status,
			create_time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
			join_url: `${this.state.baseUrl}/${kind === 'meeting' ? 'j' : 'w'}/${parentId}?tk=${randomAlnum(43)}`,
			participant_pin_code: Number(`1${randomDigits(5)}`),
		};
		list.push(registrant);
		return { registrant, created: true };
	}

	panelistsOf(webinarId: number): SimPanelist[] {
		let list = this.panelists.get(webinarId);
		if (!list) {
			list = [];
			this.panelists.set(webinarId, list);
		}
		return list;
	}
}

const stores = new WeakMap<SimulatorState, EventStore>();

/** The webinar / registrant / panelist store of a simulator. */
export function events(state: SimulatorState): EventStore {
	let store = stores.get(state);
	if (!store) {
		store = new EventStore(state);
		stores.set(state, store);
	}
	return store;
}
