import { apiErrors, ZoomApiError } from '../errors';
import type { ApiContext, ApiResult, RouteDef } from '../router';
import { ENDPOINT_SCOPES } from '../scopes';
import { deepMerge } from '../settings';
import { isValidTimeZone } from '../time';
import type { ZoomUser } from '../types';
import { Checker, isPlainObject, resolveUser } from './common';

const USER_STATUSES = ['active', 'inactive', 'pending'] as const;
const CREATE_ACTIONS = ['create', 'autoCreate', 'custCreate', 'ssoCreate'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What GET /users lists for each user (a subset of GET /users/{userId}). */
function listView(user: ZoomUser, includeFields: string | null): Record<string, unknown> {
	const view: Record<string, unknown> = {
		id: user.id,
		first_name: user.first_name,
		last_name: user.last_name,
		display_name: user.display_name,
		email: user.email,
		type: user.type,
		pmi: user.pmi,
		timezone: user.timezone,
		verified: user.verified,
		dept: user.dept,
		created_at: user.created_at,
		user_created_at: user.user_created_at,
		last_login_time: user.last_login_time,
		last_client_version: user.last_client_version,
		language: user.language,
		phone_number: user.phone_number,
		status: user.status,
		role_id: user.role_id,
		group_ids: user.group_ids,
		im_group_ids: user.im_group_ids,
	};
	if (includeFields === 'host_key') view.host_key = user.host_key;
	if (includeFields === 'custom_attributes') view.custom_attributes = user.custom_attributes ?? [];
	for (const key of Object.keys(view)) if (view[key] === undefined) delete view[key];
	return view;
}

function fullView(user: ZoomUser): Record<string, unknown> {
	// GET /users/{userId} does not reveal the host key; GET /users does with include_fields=host_key.
	const view: Record<string, unknown> = { ...user };
	delete view.host_key;
	return view;
}

function listUsers(ctx: ApiContext): ApiResult {
	const check = new Checker(Object.fromEntries(ctx.query));
	const status = check.oneOf('status', USER_STATUSES) ?? 'active';
	check.throwIfAny();
	const filters: Record<string, string> = { status };
	const roleId = ctx.query.get('role_id');
	if (roleId) filters.role_id = roleId;
	const accountId = ctx.token.accountId;
	const page = ctx.pages.paginate(`users|${accountId}`, ctx.query, filters, (f) =>
		ctx.state
			.usersOf(accountId)
			.filter((u) => u.status === f.status && (f.role_id === undefined || u.role_id === f.role_id)),
	);
	const includeFields = ctx.query.get('include_fields');
	return {
		status: 200,
		body: {
			page_count: page.pageCount,
			page_number: page.pageNumber,
			page_size: page.pageSize,
			total_records: page.totalRecords,
			next_page_token: page.nextPageToken,
			users: page.items.map((u) => listView(u, includeFields)),
		},
	};
}

function createUser(ctx: ApiContext): ApiResult {
	const check = new Checker(ctx.body);
	const action = check.oneOf('action', CREATE_ACTIONS, true);
	if (!isPlainObject(ctx.body.user_info)) {
		check.push('user_info', 'user_info is required.');
		check.throwIfAny();
	}
	const info = new Checker(ctx.body.user_info as Record<string, unknown>, 'user_info.');
	const email = info.string('email', {
		required: true,
		max: 128,
		pattern: EMAIL,
		message: 'Invalid field.',
	});
	const type = info.integer('type', { required: true, oneOf: [1, 2, 99] });
	const firstName = info.string('first_name', { max: 64 });
	const lastName = info.string('last_name', { max: 64 });
	const displayName = info.string('display_name', { max: 128 });
	info.string('password', { max: 32 });
	const errors = [...check.errors, ...info.errors];
	if (errors.length > 0 || !action || !email || type === undefined)
		throw apiErrors.validation(errors);
	if (ctx.state.findUser(email)) throw apiErrors.userExists(email);
	const user = ctx.state.addUser({
		account_id: ctx.token.accountId,
		email,
		type,
		first_name: firstName ?? '',
		last_name: lastName ?? '',
		display_name: displayName,
		// 'create' mails an invitation: the user stays pending until they accept it.
		status: action === 'create' ? 'pending' : 'active',
		role_id: '2',
		verified: action === 'create' ? 0 : 1,
	});
	ctx.state.applied.userCreates++;
	return {
		status: 201,
		body: {
			id: user.id,
			first_name: user.first_name,
			last_name: user.last_name,
			email: user.email,
			type: user.type,
		},
	};
}

function checkEmail(ctx: ApiContext): ApiResult {
	const email = ctx.query.get('email');
	if (!email) throw apiErrors.badRequest(300, 'Email is required.');
	return { status: 200, body: { existed_email: ctx.state.findUser(email) !== undefined } };
}

function getUser(ctx: ApiContext): ApiResult {
	return { status: 200, body: fullView(resolveUser(ctx, ctx.rawParams.userId)) };
}

function updateUser(ctx: ApiContext): ApiResult {
	const user = resolveUser(ctx, ctx.rawParams.userId);
	const check = new Checker(ctx.body);
	const patch: Partial<ZoomUser> = {};
	const put = <K extends keyof ZoomUser>(key: K, value: ZoomUser[K] | undefined) => {
		if (value !== undefined) patch[key] = value;
	};
	put('first_name', check.string('first_name', { max: 64 }));
	put('last_name', check.string('last_name', { max: 64 }));
	put('display_name', check.string('display_name', { max: 128 }));
	put('type', check.integer('type', { oneOf: [1, 2, 4, 99] }));
	put('job_title', check.string('job_title', { max: 128 }));
	put('company', check.string('company', { max: 255 }));
	put('location', check.string('location', { max: 256 }));
	put('dept', check.string('dept'));
	put('language', check.string('language'));
	put('phone_number', check.string('phone_number'));
	put('phone_country', check.string('phone_country'));
	put('use_pmi', check.boolean('use_pmi'));
	put('host_key', check.string('host_key', { pattern: /^\d{6,10}$/, message: 'Invalid field.' }));
	put('pmi', check.integer('pmi', { min: 1_000_000_000, max: 9_999_999_999 }));
	put('about_me', check.string('about_me', { max: 150 }));
	put('manager', check.string('manager'));
	put('pronouns', check.string('pronouns'));
	put('pronouns_option', check.integer('pronouns_option', { oneOf: [1, 2, 3] }));
	put('zoom_one_type', check.integer('zoom_one_type'));
	put('linkedin_url', check.string('linkedin_url'));
	const timezone = check.string('timezone');
	if (timezone !== undefined) {
		if (isValidTimeZone(timezone)) patch.timezone = timezone;
		else check.push('timezone');
	}
	const vanity = check.string('vanity_name');
	if (vanity !== undefined) patch.vanity_url = vanity;
	if (Array.isArray(ctx.body.custom_attributes))
		patch.custom_attributes = ctx.body.custom_attributes;
	if (Array.isArray(ctx.body.phone_numbers)) patch.phone_numbers = ctx.body.phone_numbers;
	check.throwIfAny();
	Object.assign(user, patch);
	return { status: 204 };
}

function deleteUser(ctx: ApiContext): ApiResult {
	const user = resolveUser(ctx, ctx.rawParams.userId);
	const check = new Checker(Object.fromEntries(ctx.query));
	check.oneOf('action', ['disassociate', 'delete']);
	check.throwIfAny();
	if (user.role_id === '0')
		throw new ZoomApiError(400, 200, 'The account owner cannot be deleted or disassociated.');
	const transferEmail = ctx.query.get('transfer_email');
	let heir: ZoomUser | undefined;
	if (transferEmail) {
		if (transferEmail.toLowerCase() === user.email.toLowerCase())
			throw apiErrors.badRequest(
				300,
				"The transfer-to email address cannot be the same as the unlinked or deleted user's email address.",
			);
		heir = ctx.state.findUser(transferEmail, ctx.token.accountId);
		if (!heir) throw apiErrors.userNotFound(transferEmail);
	}
	const moveMeetings = heir !== undefined && ctx.query.get('transfer_meeting') === 'true';
	for (const meeting of ctx.state.meetingsOf(user.id)) {
		if (moveMeetings && heir) {
			meeting.host_id = heir.id;
			meeting.host_email = heir.email;
		} else {
			ctx.state.meetings.delete(meeting.id);
		}
	}
	ctx.state.removeUser(user.id);
	return { status: 204 };
}

function updateUserStatus(ctx: ApiContext): ApiResult {
	const user = resolveUser(ctx, ctx.rawParams.userId);
	const check = new Checker(ctx.body);
	const action = check.oneOf('action', ['activate', 'deactivate', 'clock_in', 'clock_out'], true);
	check.throwIfAny();
	if (user.role_id === '0' && (action === 'activate' || action === 'deactivate'))
		throw new ZoomApiError(
			400,
			200,
			"Zoom Room and Admin users' status cannot be activated or deactivated.",
		);
	if (action === 'activate') user.status = 'active';
	if (action === 'deactivate') user.status = 'inactive';
	return { status: 204 };
}

const OPTION_SECTIONS = [
	'meeting_authentication',
	'recording_authentication',
	'meeting_security',
] as const;

/** Keeps only the named leaf fields (and the sections holding them). */
function pickFields(source: Record<string, unknown>, names: Set<string>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(source)) {
		if (names.has(key)) out[key] = value;
		else if (isPlainObject(value)) {
			const inner = pickFields(value, names);
			if (Object.keys(inner).length > 0) out[key] = inner;
		}
	}
	return out;
}

function getUserSettings(ctx: ApiContext): ApiResult {
	const user = resolveUser(ctx, ctx.rawParams.userId);
	const settings = structuredClone(ctx.state.userSettings.get(user.id) ?? {});
	const check = new Checker(Object.fromEntries(ctx.query));
	const option = check.oneOf('option', OPTION_SECTIONS);
	check.throwIfAny();
	if (option === 'meeting_security')
		return { status: 200, body: { meeting_security: settings.meeting_security } };
	if (option === 'meeting_authentication')
		return { status: 200, body: { meeting_authentication: false, authentication_options: [] } };
	if (option === 'recording_authentication')
		return { status: 200, body: { recording_authentication: false, authentication_options: [] } };
	delete settings.meeting_security;
	const fields = ctx.query.get('custom_query_fields');
	if (fields) {
		const names = new Set(
			fields
				.split(',')
				.map((f) => f.trim())
				.filter(Boolean),
		);
		return { status: 200, body: pickFields(settings, names) };
	}
	return { status: 200, body: settings };
}

/** A patched value must keep the JSON type of the value it replaces. */
function typeErrors(
	current: Record<string, unknown>,
	patch: Record<string, unknown>,
	path: string,
	check: Checker,
): void {
	for (const [key, value] of Object.entries(patch)) {
		if (value === null || value === undefined || !(key in current)) continue;
		const old = current[key];
		if (isPlainObject(old)) {
			if (isPlainObject(value)) typeErrors(old, value, `${path}${key}.`, check);
			else check.push(`${path}${key}`);
		} else if (Array.isArray(old) ? !Array.isArray(value) : typeof old !== typeof value) {
			check.push(`${path}${key}`);
		}
	}
}

function updateUserSettings(ctx: ApiContext): ApiResult {
	const user = resolveUser(ctx, ctx.rawParams.userId);
	const settings = ctx.state.userSettings.get(user.id) ?? {};
	const check = new Checker(Object.fromEntries(ctx.query));
	check.oneOf('option', OPTION_SECTIONS);
	typeErrors(settings, ctx.body, '', check);
	check.throwIfAny();
	const known = Object.fromEntries(Object.entries(ctx.body).filter(([k]) => k in settings));
	deepMerge(settings, known);
	ctx.state.userSettings.set(user.id, settings);
	return { status: 204 };
}

export const userRoutes: RouteDef[] = [
	{
		method: 'GET',
		template: '/users',
		category: 'medium',
		scopes: ENDPOINT_SCOPES.listUsers,
		handler: listUsers,
	},
	{
		method: 'POST',
		template: '/users',
		category: 'light',
		scopes: ENDPOINT_SCOPES.createUser,
		handler: createUser,
	},
	{
		method: 'GET',
		template: '/users/email',
		category: 'light',
		scopes: ENDPOINT_SCOPES.checkEmail,
		handler: checkEmail,
	},
	{
		method: 'GET',
		template: '/users/{userId}',
		category: 'light',
		scopes: ENDPOINT_SCOPES.getUser,
		handler: getUser,
	},
	{
		method: 'PATCH',
		template: '/users/{userId}',
		category: 'light',
		scopes: ENDPOINT_SCOPES.updateUser,
		handler: updateUser,
	},
	{
		method: 'DELETE',
		template: '/users/{userId}',
		category: 'light',
		scopes: ENDPOINT_SCOPES.deleteUser,
		handler: deleteUser,
	},
	{
		method: 'PUT',
		template: '/users/{userId}/status',
		category: 'light',
		scopes: ENDPOINT_SCOPES.userStatus,
		handler: updateUserStatus,
	},
	{
		method: 'GET',
		template: '/users/{userId}/settings',
		category: 'light',
		scopes: ENDPOINT_SCOPES.getUserSettings,
		handler: getUserSettings,
	},
	{
		method: 'PATCH',
		template: '/users/{userId}/settings',
		category: 'light',
		scopes: ENDPOINT_SCOPES.updateUserSettings,
		handler: updateUserSettings,
	},
];
