import { createHash } from 'node:crypto';

import { stableUserId } from './ids';
import { addChannel, addChatMessage, stableChannelId } from './routes/chat';
import { addMeetingSummary } from './routes/summaries';
import { DEFAULT_ACCOUNT_ID, OWNER_ID, type SimulatorState } from './state';
import { isoSeconds } from './time';
import type { ZoomUser } from './types';

type SeedUser = Pick<
	ZoomUser,
	'first_name' | 'last_name' | 'type' | 'status' | 'role_id' | 'dept' | 'timezone'
>;

// Varied on purpose: statuses, licence types, roles and time zones that list filters can select.
const SAMPLE_USERS: SeedUser[] = [
	{
		first_name: 'Ada',
		last_name: 'Admin',
		type: 2,
		status: 'active',
		role_id: '1',
		dept: 'IT',
		timezone: 'Europe/London',
	},
	{
		first_name: 'Ben',
		last_name: 'Baker',
		type: 2,
		status: 'active',
		role_id: '2',
		dept: 'Sales',
		timezone: 'America/New_York',
	},
	{
		first_name: 'Chloé',
		last_name: 'Durand',
		type: 1,
		status: 'active',
		role_id: '2',
		dept: 'Marketing',
		timezone: 'Europe/Paris',
	},
	{
		first_name: 'Dev',
		last_name: 'Patel',
		type: 2,
		status: 'active',
		role_id: '2',
		dept: 'Engineering',
		timezone: 'Asia/Kolkata',
	},
	{
		first_name: 'Eve',
		last_name: 'Evans',
		type: 1,
		status: 'active',
		role_id: '2',
		dept: 'Support',
		timezone: 'America/Chicago',
	},
	{
		first_name: 'Femi',
		last_name: 'Okafor',
		type: 2,
		status: 'active',
		role_id: '2',
		dept: 'Engineering',
		timezone: 'Africa/Lagos',
	},
	{
		first_name: 'Greta',
		last_name: 'Lind',
		type: 99,
		status: 'active',
		role_id: '2',
		dept: 'Finance',
		timezone: 'Europe/Stockholm',
	},
	{
		first_name: 'Hiro',
		last_name: 'Tanaka',
		type: 2,
		status: 'active',
		role_id: '1',
		dept: 'IT',
		timezone: 'Asia/Tokyo',
	},
	{
		first_name: 'Ines',
		last_name: 'Gomez',
		type: 1,
		status: 'inactive',
		role_id: '2',
		dept: 'Sales',
		timezone: 'Europe/Madrid',
	},
	{
		first_name: 'Jon',
		last_name: 'Snow',
		type: 2,
		status: 'inactive',
		role_id: '2',
		dept: 'Security',
		timezone: 'America/Denver',
	},
	{
		first_name: 'Kim',
		last_name: 'Lee',
		type: 1,
		status: 'pending',
		role_id: '2',
		dept: '',
		timezone: 'Asia/Seoul',
	},
	{
		first_name: 'Lars',
		last_name: 'Berg',
		type: 1,
		status: 'pending',
		role_id: '2',
		dept: '',
		timezone: 'Europe/Oslo',
	},
];

/** Meeting UUIDs of seeded summaries: stable, so docs and tests can name them. */
export function seededSummaryUuid(index: number): string {
	return createHash('sha256')
		.update(`sim-summary-${index}`)
		.digest()
		.subarray(0, 16)
		.toString('base64');
}

/** Team Chat channels of the seed, by stable ID: every account member is in General. */
export const SEEDED_CHANNELS = {
	general: stableChannelId('general'),
	meetingNotes: stableChannelId('meeting-notes'),
} as const;

/** How many AI Companion summaries the seed adds: one about every four weeks for 16 months. */
export const SEEDED_SUMMARIES = 17;

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Whole hours, so seeded times look like something a person scheduled. */
function at(offsetMs: number): string {
	return isoSeconds(Math.ceil((Date.now() + offsetMs) / HOUR) * HOUR);
}

export function seedSampleData(state: SimulatorState): void {
	state.ensureAccount(DEFAULT_ACCOUNT_ID);
	for (const [i, u] of SAMPLE_USERS.entries()) {
		const email = `${u.first_name
			.normalize('NFD')
			.replace(/[^a-zA-Z]/g, '')
			.toLowerCase()}.${u.last_name.toLowerCase()}@sim.example.com`;
		state.addUser({
			...u,
			id: stableUserId(`sim-user-${i + 1}`),
			email,
			verified: u.status === 'pending' ? 0 : 1,
			last_login_time: u.status === 'pending' ? undefined : '2024-04-18T09:30:00Z',
			last_client_version: u.status === 'pending' ? undefined : '5.17.11.31580(win)',
		});
	}

	const tz = 'America/Los_Angeles';
	state.addMeeting(OWNER_ID, {
		topic: 'Weekly planning',
		type: 2,
		start_time: at(2 * DAY),
		duration: 45,
		timezone: tz,
		agenda: 'Priorities for the week',
	});
	state.addMeeting(OWNER_ID, {
		topic: 'Customer demo',
		type: 2,
		start_time: at(3 * DAY),
		duration: 60,
		timezone: tz,
		settings: { waiting_room: true },
	});
	state.addMeeting(OWNER_ID, {
		topic: 'Hiring sync',
		type: 2,
		start_time: at(5 * DAY),
		duration: 30,
		timezone: 'Europe/London',
	});
	state.addMeeting(OWNER_ID, {
		topic: 'Board review',
		type: 2,
		start_time: at(14 * DAY),
		duration: 90,
		timezone: tz,
		password: '482913',
	});
	state.addMeeting(OWNER_ID, {
		topic: 'Daily stand-up',
		type: 8,
		start_time: at(1 * DAY),
		duration: 15,
		timezone: tz,
		recurrence: { type: 2, repeat_interval: 1, weekly_days: '2,3,4,5,6', end_times: 10 },
	});
	state.addMeeting(OWNER_ID, { topic: 'Office hours', type: 3, duration: 60, timezone: tz });
	state.addMeeting(OWNER_ID, {
		topic: 'Quick call',
		type: 1,
		status: 'started',
		start_time: at(-1 * HOUR),
		duration: 60,
		timezone: tz,
	});
	// AI Companion summaries over 16 months, the newest from yesterday, of the owner and Ada.
	const summaryTopics = ['Weekly planning', 'Customer demo', 'Release review', 'Hiring sync'];
	for (let i = 0; i < SEEDED_SUMMARIES; i++) {
		addMeetingSummary(state, {
			hostId: i % 3 === 2 ? stableUserId('sim-user-1') : OWNER_ID,
			uuid: seededSummaryUuid(i),
			topic: summaryTopics[i % summaryTopics.length],
			start_time: at(-(1 + i * 29) * DAY),
			duration: 30 + (i % 3) * 15,
		});
	}
	// Team Chat: a public channel of everyone, a private one for meeting notes, a few messages.
	const active = SAMPLE_USERS.map((_, i) => stableUserId(`sim-user-${i + 1}`)).filter(
		(id) => state.users.get(id)?.status === 'active',
	);
	addChannel(state, {
		id: SEEDED_CHANNELS.general,
		name: 'General',
		type: 3,
		members: [OWNER_ID, ...active],
	});
	addChannel(state, {
		id: SEEDED_CHANNELS.meetingNotes,
		name: 'Meeting notes',
		type: 2,
		members: [OWNER_ID, stableUserId('sim-user-1')],
	});
	const greetings = ['Good morning!', 'The release is out.', 'Lunch at noon?'];
	for (const [i, text] of greetings.entries()) {
		addChatMessage(state, {
			senderId: i % 2 ? stableUserId('sim-user-1') : OWNER_ID,
			channelId: SEEDED_CHANNELS.general,
			message: text,
			timestamp: Date.now() - (greetings.length - i) * HOUR,
		});
	}
	state.addMeeting(OWNER_ID, {
		topic: 'Last quarter retro',
		type: 2,
		start_time: at(-10 * DAY),
		duration: 60,
		timezone: tz,
	});
}
