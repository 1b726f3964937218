export type RateCategory = 'light' | 'medium' | 'heavy';

export interface SimulatorOptions {
	port?: number;
	host?: string;
	/** Sample users and meetings beyond the account owner (who always exists). */
	seed?: boolean;
	/** Lifetime of S2S and OAuth2 access tokens. */
	tokenLifetimeSeconds?: number;
	latencyMs?: number;
	/** Per-second limits per account; default is Zoom's Pro plan. */
	rateLimits?: Partial<Record<RateCategory, number>>;
	/** Per account per UTC day; default none. */
	dailyLimits?: Partial<Record<RateCategory, number>>;
	/** false: never answer 429 (headers are still sent). */
	enforceRateLimits?: boolean;
	/** Zoom allows 100 meeting creates + updates per host user per UTC day. */
	meetingDailyLimitPerUser?: number;
	/**
	 * Validate every API request against Zoom's OpenAPI spec (test/simulator/spec): a violation is
	 * answered 400/300 naming the rule and recorded in `state.specViolations`. Default true.
	 */
	validateRequests?: boolean;
}

export interface FaultSpec {
	method?: string;
	path?: string | RegExp;
	/** `delay`: the request is answered normally, `delayMs` later than the others (a slow response). */
	kind: 'status' | 'reset-before' | 'reset-after' | 'delay';
	status?: number;
	count?: number;
	delayMs?: number;
}

export interface SimulatorCounters {
	tokenMints: number;
	tokenRequests: number;
	requests: Record<string, number>;
	totalApiRequests: number;
	rateLimited: number;
	dailyLimited: number;
	faultsInjected: number;
	maxConcurrent: number;
}

export interface ZoomUser {
	id: string;
	account_id: string;
	email: string;
	first_name: string;
	last_name: string;
	display_name: string;
	type: number;
	role_name: string;
	role_id: string;
	status: 'active' | 'inactive' | 'pending';
	pmi: number;
	use_pmi: boolean;
	personal_meeting_url: string;
	timezone: string;
	verified: number;
	dept: string;
	created_at: string;
	user_created_at: string;
	last_login_time?: string;
	last_client_version?: string;
	language: string;
	phone_number: string;
	phone_country: string;
	job_title: string;
	company: string;
	location: string;
	pic_url: string;
	group_ids: string[];
	im_group_ids: string[];
	login_types: number[];
	cluster: string;
	jid: string;
	account_number: number;
	host_key: string;
	[extra: string]: unknown;
}

export interface ZoomOccurrence {
	occurrence_id: string;
	start_time: string;
	duration: number;
	status: 'available' | 'deleted';
}

export interface ZoomRecurrence {
	type: number;
	repeat_interval: number;
	weekly_days?: string;
	monthly_day?: number;
	monthly_week?: number;
	monthly_week_day?: number;
	end_times?: number;
	end_date_time?: string;
}

export interface ZoomMeeting {
	uuid: string;
	id: number;
	host_id: string;
	host_email: string;
	assistant_id: string;
	topic: string;
	type: number;
	status: 'waiting' | 'started';
	start_time?: string;
	duration: number;
	timezone: string;
	agenda: string;
	created_at: string;
	start_url: string;
	join_url: string;
	password: string;
	h323_password: string;
	pstn_password: string;
	encrypted_password: string;
	pre_schedule: boolean;
	settings: Record<string, unknown>;
	recurrence?: ZoomRecurrence;
	occurrences?: ZoomOccurrence[];
	tracking_fields?: Array<{ field: string; value: string; visible?: boolean }>;
	[extra: string]: unknown;
}

export interface ServerToServerAppInput {
	accountId?: string;
	clientId: string;
	clientSecret: string;
	scopes?: string[];
}

export interface OAuthAppInput {
	clientId: string;
	clientSecret: string;
	redirectUri?: string;
	scopes?: string[];
	accountId?: string;
}

export interface IssueTokenOptions {
	accountId?: string;
	scopes?: string[];
	lifetimeSeconds?: number;
	/** id or email; default the account owner */
	userId?: string;
}
