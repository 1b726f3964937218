import { randomAccessToken, randomMeetingNumber, stableUserId } from './ids';
import { buildMeeting, buildUser, type MeetingInput } from './model';
import { ALL_SCOPES } from './scopes';
import { defaultUserSettings } from './settings';
import type { SpecViolation } from './spec/validator';
import type { ZoomMeeting, ZoomUser } from './types';

export const DEFAULT_ACCOUNT_ID = 'sim-account';
export const OWNER_ID = 'KDcuGIm1QgePTO8WbOqwIQ';
export const OWNER_EMAIL = 'owner@sim.example.com';

export interface Account {
	id: string;
	ownerId: string;
	accountNumber: number;
}

export interface App {
	kind: 's2s' | 'oauth';
	clientId: string;
	clientSecret: string;
	accountId: string;
	scopes: string[];
	/** OAuth apps only; undefined = any redirect URI is accepted. */
	redirectUri?: string;
	disabled: boolean;
}

export interface AccessTokenRecord {
	value: string;
	accountId: string;
	userId: string;
	scopes: string[];
	expiresAt: number;
	revoked: boolean;
	clientId?: string;
}

export interface RefreshTokenRecord {
	value: string;
	clientId: string;
	accountId: string;
	userId: string;
	scopes: string[];
	expiresAt: number;
	revoked: boolean;
}

export interface AuthCodeRecord {
	code: string;
	clientId: string;
	redirectUri?: string;
	accountId: string;
	userId: string;
	scopes: string[];
	expiresAt: number;
	used: boolean;
	codeChallenge?: string;
	codeChallengeMethod?: string;
}

export type Json = Record<string, unknown>;

/** Everything the simulator knows. Tests may read and mutate it directly. */
export class SimulatorState {
	readonly accounts = new Map<string, Account>();
	readonly apps = new Map<string, App>();
	readonly accessTokens = new Map<string, AccessTokenRecord>();
	readonly refreshTokens = new Map<string, RefreshTokenRecord>();
	readonly authCodes = new Map<string, AuthCodeRecord>();
	/** id → user, in creation order. Use findUser() to look up by email or id. */
	readonly users = new Map<string, ZoomUser>();
	readonly userSettings = new Map<string, Json>();
	/** id → meeting, in creation order. */
	readonly meetings = new Map<number, ZoomMeeting>();
	/** Deleted meetings, kept for PUT /meetings/{id}/status {"action":"recover"}. */
	readonly deletedMeetings = new Map<number, ZoomMeeting>();
	/** Creates the API actually applied (not addUser/addMeeting), to detect duplicates from retries. */
	readonly applied = { meetingCreates: 0, userCreates: 0 };
	/** Every request received that broke Zoom's OpenAPI spec, in arrival order. */
	readonly specViolations: SpecViolation[] = [];
	private nextAccountNumber = 10_009_239;
	private emailSequence = 0;

	constructor(public baseUrl: string) {}

	ensureAccount(accountId: string): Account {
		let account = this.accounts.get(accountId);
		if (account) return account;
		const isDefault = accountId === DEFAULT_ACCOUNT_ID;
		const slug = accountId.toLowerCase().replace(/[^a-z0-9-]/g, '-');
		account = {
			id: accountId,
			ownerId: isDefault ? OWNER_ID : stableUserId(`owner:${accountId}`),
			accountNumber: this.nextAccountNumber++,
		};
		this.accounts.set(accountId, account);
		this.insertUser(
			{
				id: account.ownerId,
				email: isDefault ? OWNER_EMAIL : `owner+${slug}@sim.example.com`,
				first_name: 'Sim',
				last_name: 'Owner',
				type: 2,
				role_id: '0',
				status: 'active',
				dept: 'Management',
				job_title: 'Account Owner',
				company: 'Simulated Inc.',
				last_login_time: '2024-05-02T08:15:00Z',
				last_client_version: '6.0.2.33403(mac)',
			},
			accountId,
		);
		return account;
	}

	owner(accountId: string): ZoomUser {
		return this.users.get(this.ensureAccount(accountId).ownerId)!;
	}

	/** By id or email (case-insensitive), optionally restricted to one account. */
	findUser(idOrEmail: string, accountId?: string): ZoomUser | undefined {
		let user = this.users.get(idOrEmail);
		if (!user && idOrEmail.includes('@')) {
			const wanted = idOrEmail.toLowerCase();
			for (const u of this.users.values()) {
				if (u.email.toLowerCase() === wanted) {
					user = u;
					break;
				}
			}
		}
		if (user && accountId !== undefined && user.account_id !== accountId) return undefined;
		return user;
	}

	usersOf(accountId: string): ZoomUser[] {
		return [...this.users.values()].filter((u) => u.account_id === accountId);
	}

	meetingsOf(hostId: string): ZoomMeeting[] {
		return [...this.meetings.values()].filter((m) => m.host_id === hostId);
	}

	/** Meeting by numeric id or by UUID (already decoded). */
	findMeeting(idOrUuid: string): ZoomMeeting | undefined {
		if (/^\d+$/.test(idOrUuid)) return this.meetings.get(Number(idOrUuid));
		for (const m of this.meetings.values()) if (m.uuid === idOrUuid) return m;
		return undefined;
	}

	accountOfMeeting(meeting: ZoomMeeting): string | undefined {
		return this.users.get(meeting.host_id)?.account_id;
	}

	/** Adds a user directly (no API call, no rate limit). account_id defaults to 'sim-account'. */
	addUser(partial: Partial<ZoomUser> = {}): ZoomUser {
		const accountId = partial.account_id ?? DEFAULT_ACCOUNT_ID;
		this.ensureAccount(accountId);
		return this.insertUser(partial, accountId);
	}

	private insertUser(partial: Partial<ZoomUser>, accountId: string): ZoomUser {
		const account = this.accounts.get(accountId)!;
		const user = buildUser(partial, {
			baseUrl: this.baseUrl,
			accountId,
			accountNumber: account.accountNumber,
			fallbackEmail: `user${++this.emailSequence}@sim.example.com`,
		});
		this.users.set(user.id, user);
		this.userSettings.set(user.id, defaultUserSettings(user.type));
		return user;
	}

	removeUser(id: string): void {
		this.users.delete(id);
		this.userSettings.delete(id);
	}

	/** Adds a meeting directly for a host (id or email); fills Zoom's defaults. */
	addMeeting(hostId: string, partial: MeetingInput | Partial<ZoomMeeting> = {}): ZoomMeeting {
		const host = this.findUser(hostId);
		if (!host) throw new Error(`addMeeting: no user ${hostId}`);
		const meeting = buildMeeting(host, partial as MeetingInput, {
			baseUrl: this.baseUrl,
			id: this.newMeetingNumber(),
		});
		this.meetings.set(meeting.id, meeting);
		return meeting;
	}

	private newMeetingNumber(): number {
		for (;;) {
			const id = randomMeetingNumber();
			if (!this.meetings.has(id) && !this.deletedMeetings.has(id)) return id;
		}
	}

	addApp(app: Omit<App, 'disabled' | 'scopes'> & { scopes?: string[] }): App {
		this.ensureAccount(app.accountId);
		const record: App = { ...app, scopes: app.scopes ?? [...ALL_SCOPES], disabled: false };
		this.apps.set(app.clientId, record);
		return record;
	}

	mintAccessToken(
		input: Omit<AccessTokenRecord, 'value' | 'revoked' | 'expiresAt'> & {
			lifetimeSeconds: number;
		},
	): AccessTokenRecord {
		const record: AccessTokenRecord = {
			value: randomAccessToken(),
			accountId: input.accountId,
			userId: input.userId,
			scopes: [...input.scopes],
			clientId: input.clientId,
			expiresAt: Date.now() + input.lifetimeSeconds * 1000,
			revoked: false,
		};
		this.accessTokens.set(record.value, record);
		return record;
	}

	mintRefreshToken(
		input: Omit<RefreshTokenRecord, 'value' | 'revoked' | 'expiresAt'>,
	): RefreshTokenRecord {
		const record: RefreshTokenRecord = {
			...input,
			scopes: [...input.scopes],
			value: randomAccessToken(),
			// Zoom refresh tokens live 90 days.
			expiresAt: Date.now() + 90 * 24 * 3600 * 1000,
			revoked: false,
		};
		this.refreshTokens.set(record.value, record);
		return record;
	}
}
