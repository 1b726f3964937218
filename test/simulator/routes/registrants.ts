/**
 * Meeting and webinar registrants: approval state (auto / manual approval), occurrences,
 * Zoom's batch endpoints with their limit of 30 and their partial failures.
 */
import { apiErrors, ZoomApiError } from '../errors';
import type { ApiContext, ApiResult, RouteDef } from '../router';
import type { ZoomMeeting } from '../types';
import { Checker, decodeParam, isPlainObject } from './common';
import { EVENT_SCOPES } from './eventScopes';
import { events, MAX_REGISTRANTS, type RegistrantStatus, type SimRegistrant } from './events';

type Kind = 'meeting' | 'webinar';

const BATCH_LIMIT = 30;
const STATUSES = ['pending', 'approved', 'denied'] as const;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const TEXT_FIELDS = [
	'address',
	'city',
	'state',
	'zip',
	'country',
	'phone',
	'comments',
	'industry',
	'job_title',
	'org',
] as const;
const ENUM_FIELDS: Record<string, readonly string[]> = {
	no_of_employees: [
		'',
		'1-20',
		'21-50',
		'51-100',
		'101-500',
		'500-1,000',
		'1,001-5,000',
		'5,001-10,000',
		'More than 10,000',
	],
	purchasing_time_frame: [
		'',
		'Within a month',
		'1-3 months',
		'4-6 months',
		'More than 6 months',
		'No timeframe',
	],
	role_in_purchase_process: [
		'',
		'Decision Maker',
		'Evaluator/Recommender',
		'Influencer',
		'Not involved',
	],
	language: [
		'en-US',
		'de-DE',
		'es-ES',
		'fr-FR',
		'jp-JP',
		'pt-PT',
		'ru-RU',
		'zh-CN',
		'zh-TW',
		'ko-KO',
		'it-IT',
		'vi-VN',
		'pl-PL',
		'Tr-TR',
	],
};

function notFound(kind: Kind, shown: string): ZoomApiError {
	return kind === 'meeting'
		? apiErrors.meetingNotFound(shown)
		: new ZoomApiError(404, 3001, `Webinar ${shown} not found or has expired.`);
}

/** The meeting or webinar of the path; registrant endpoints take its numeric ID only. */
function resolveParent(ctx: ApiContext, kind: Kind): ZoomMeeting {
	const raw = kind === 'meeting' ? ctx.rawParams.meetingId : ctx.rawParams.webinarId;
	const shown = decodeParam(raw) ?? raw;
	if (!/^\d+$/.test(shown)) throw notFound(kind, shown);
	const parent =
		kind === 'meeting'
			? ctx.state.meetings.get(Number(shown))
			: events(ctx.state).webinars.get(Number(shown));
	if (!parent || ctx.state.users.get(parent.host_id)?.account_id !== ctx.token.accountId)
		throw notFound(kind, shown);
	if (kind === 'webinar' && events(ctx.state).withoutWebinarLicence.has(parent.host_id)) {
		const host = ctx.state.users.get(parent.host_id);
		throw new ZoomApiError(
			400,
			200,
			`Webinar plan is missing. You must subscribe to the Webinar plan and enable webinars for the "${host?.email ?? ''}" user to perform this action.`,
		);
	}
	return parent;
}

function requireRegistration(kind: Kind, parent: ZoomMeeting): void {
	if (Number(parent.settings.approval_type) !== 2) return;
	if (kind === 'meeting')
		throw new ZoomApiError(
			404,
			404,
			`Registration has not been enabled for this meeting: ${parent.id}.`,
		);
	throw new ZoomApiError(
		400,
		3000,
		`This webinar does not have registration as required: ${parent.id}.`,
	);
}

function checkOccurrences(parent: ZoomMeeting, ids: string[]): void {
	const known = new Set((parent.occurrences ?? []).map((o) => o.occurrence_id));
	const unknown = ids.find((id) => !known.has(id));
	if (unknown !== undefined) throw new ZoomApiError(400, 3000, 'Invalid occurrence_id.');
}

function registrantView(r: SimRegistrant): Record<string, unknown> {
	const view: Record<string, unknown> = { ...r };
	delete view.occurrence_ids;
	delete view.participant_pin_code;
	if (r.status !== 'approved') delete view.join_url;
	return view;
}

function newStatus(parent: ZoomMeeting, autoApprove: boolean | undefined): RegistrantStatus {
	return Number(parent.settings.approval_type) === 0 || autoApprove === true
		? 'approved'
		: 'pending';
}

/** Refusals a single create answers with an error and a batch answers by leaving the entry out. */
function refusal(ctx: ApiContext, parent: ZoomMeeting, email: string): ZoomApiError | undefined {
	const host = ctx.state.users.get(parent.host_id);
	if (host && host.email.toLowerCase() === email.toLowerCase())
		return new ZoomApiError(400, 3027, 'Host cannot register.');
	if (events(ctx.state).refusedEmails.has(email.toLowerCase()))
		return apiErrors.validation([
			{ field: 'email', message: `Registration is not allowed for ${email}.` },
		]);
	return undefined;
}

function listRegistrants(kind: Kind) {
	return (ctx: ApiContext): ApiResult => {
		const parent = resolveParent(ctx, kind);
		const check = new Checker(Object.fromEntries(ctx.query));
		const status = check.oneOf('status', STATUSES) ?? 'approved';
		const occurrenceId = check.string('occurrence_id', { pattern: /^\d+$/ });
		const source = kind === 'webinar' ? check.string('tracking_source_id') : undefined;
		check.throwIfAny();
		if (occurrenceId !== undefined) checkOccurrences(parent, [occurrenceId]);
		const filters: Record<string, string> = { status };
		if (occurrenceId) filters.occurrence_id = occurrenceId;
		if (source) filters.source = source;
		const store = events(ctx.state);
		const page = ctx.pages.paginate(`registrants|${kind}|${parent.id}`, ctx.query, filters, (f) =>
			store
				.registrantsOf(kind, parent.id)
				.filter(
					(r) =>
						r.status === f.status &&
						(!f.source || r.source_id === f.source) &&
						(!f.occurrence_id || !r.occurrence_ids || r.occurrence_ids.includes(f.occurrence_id)),
				),
		);
		return {
			status: 200,
			body: {
				page_count: page.pageCount,
				page_number: page.pageNumber,
				page_size: page.pageSize,
				total_records: page.totalRecords,
				next_page_token: page.nextPageToken,
				registrants: page.items.map(registrantView),
			},
		};
	};
}

function readRegistrantBody(
	ctx: ApiContext,
	kind: Kind,
): Record<string, unknown> & { email: string; first_name: string } {
	const check = new Checker(ctx.body);
	const email = check.string('email', {
		required: true,
		max: 128,
		pattern: EMAIL,
		message: 'Invalid field.',
	});
	const firstName = check.string('first_name', { required: true, max: 64 });
	const fields: Record<string, unknown> = {};
	const lastName = check.string('last_name', { max: 64 });
	if (lastName !== undefined) fields.last_name = lastName;
	for (const field of TEXT_FIELDS) {
		const value = check.string(field);
		if (value !== undefined) fields[field] = value;
	}
	for (const [field, allowed] of Object.entries(ENUM_FIELDS)) {
		const value = check.oneOf(field, allowed);
		if (value !== undefined) fields[field] = value;
	}
	if (ctx.body.custom_questions !== undefined) {
		const questions = ctx.body.custom_questions;
		if (
			!Array.isArray(questions) ||
			!questions.every(
				(q) =>
					isPlainObject(q) &&
					typeof q.title === 'string' &&
					typeof q.value === 'string' &&
					q.value.length <= 128,
			)
		)
			check.push('custom_questions');
		else fields.custom_questions = questions;
	}
	if (kind === 'meeting') check.boolean('auto_approve');
	else if (ctx.body.auto_approve !== undefined) check.push('auto_approve', 'Unknown field.');
	if (kind === 'webinar') {
		const source = check.string('source_id');
		if (source !== undefined) fields.source_id = source;
	} else if (ctx.body.source_id !== undefined) check.push('source_id', 'Unknown field.');
	const known = new Set([
		'email',
		'first_name',
		'last_name',
		'custom_questions',
		'auto_approve',
		'source_id',
		...TEXT_FIELDS,
		...Object.keys(ENUM_FIELDS),
	]);
	for (const key of Object.keys(ctx.body)) if (!known.has(key)) check.push(key, 'Unknown field.');
	check.throwIfAny();
	return { ...fields, email: email!, first_name: firstName! };
}

function createRegistrant(kind: Kind) {
	return (ctx: ApiContext): ApiResult => {
		const parent = resolveParent(ctx, kind);
		requireRegistration(kind, parent);
		const fields = readRegistrantBody(ctx, kind);
		const occurrenceIds = ctx.query.get('occurrence_ids');
		let occurrences: string[] | undefined;
		if (occurrenceIds !== null && occurrenceIds !== '') {
			occurrences = occurrenceIds.split(',');
			checkOccurrences(parent, occurrences);
		}
		const refused = refusal(ctx, parent, fields.email);
		if (refused) throw refused;
		const store = events(ctx.state);
		if (store.registrantsOf(kind, parent.id).length >= MAX_REGISTRANTS)
			throw new ZoomApiError(400, 3043, 'Meeting has reached maximum attendee capacity.');
		const status = newStatus(parent, ctx.body.auto_approve as boolean | undefined);
		const { registrant, created } = store.register(
			kind,
			parent.id,
			{ ...fields, ...(occurrences ? { occurrence_ids: occurrences } : {}) },
			status,
		);
		if (created) store.applied.registrantCreates++;
		const body: Record<string, unknown> = {
			id: parent.id,
			registrant_id: registrant.id,
			topic: parent.topic,
		};
		if (parent.start_time) body.start_time = parent.start_time;
		if (registrant.status === 'approved') body.join_url = registrant.join_url;
		if (parent.occurrences) {
			body.occurrences = parent.occurrences.filter(
				(o) => !registrant.occurrence_ids || registrant.occurrence_ids.includes(o.occurrence_id),
			);
		}
		return { status: 201, body };
	};
}

function batchRegistrants(kind: Kind) {
	return (ctx: ApiContext): ApiResult => {
		const parent = resolveParent(ctx, kind);
		const check = new Checker(ctx.body);
		const autoApprove = check.boolean('auto_approve');
		if (kind === 'meeting') check.boolean('registrants_confirmation_email');
		const list = ctx.body.registrants;
		if (!Array.isArray(list)) check.push('registrants', 'registrants is required.');
		else if (list.length > BATCH_LIMIT)
			check.push('registrants', `The number of registrants cannot exceed ${BATCH_LIMIT}.`);
		else
			list.forEach((entry, index) => {
				const item = new Checker(isPlainObject(entry) ? entry : {}, `registrants[${index}].`);
				item.string('email', { required: true, pattern: EMAIL, message: 'Invalid field.' });
				item.string('first_name', { required: true, max: 64 });
				item.string('last_name', { max: 64 });
				check.errors.push(...item.errors);
			});
		check.throwIfAny();
		const scheduled = kind === 'meeting' ? 2 : 5;
		if (parent.type !== scheduled)
			throw kind === 'meeting'
				? new ZoomApiError(
						400,
						303,
						'This API can only be used for scheduled meeting(meeting type: 2). Batch registration is not supported for other meeting types.',
					)
				: new ZoomApiError(
						400,
						300,
						'This API can only be used for scheduled webinars (type 5). Batch registration is not supported for other webinar types.',
					);
		if (Number(parent.settings.approval_type) === 2)
			throw new ZoomApiError(
				404,
				404,
				`Registration has not been enabled for this meeting: ${parent.id}.`,
			);
		const store = events(ctx.state);
		const status = newStatus(parent, autoApprove);
		const registered: Array<Record<string, unknown>> = [];
		for (const entry of list as Array<Record<string, string>>) {
			// Zoom answers with the registrants it took: refused ones are simply missing.
			if (refusal(ctx, parent, entry.email)) continue;
			if (store.registrantsOf(kind, parent.id).length >= MAX_REGISTRANTS) continue;
			const fields: Record<string, unknown> & { email: string; first_name: string } = {
				email: entry.email,
				first_name: entry.first_name,
			};
			if (entry.last_name !== undefined) fields.last_name = entry.last_name;
			const { registrant, created } = store.register(kind, parent.id, fields, status);
			if (created) store.applied.batchRegistrants++;
			const out: Record<string, unknown> = {
				email: registrant.email,
				registrant_id: registrant.id,
				participant_pin_code: registrant.participant_pin_code,
			};
			if (registrant.status === 'approved') out.join_url = registrant.join_url;
			registered.push(out);
		}
		return { status: 201, body: { registrants: registered } };
	};
}

function findRegistrant(ctx: ApiContext, kind: Kind, parent: ZoomMeeting): SimRegistrant {
	const id = decodeParam(ctx.rawParams.registrantId) ?? ctx.rawParams.registrantId;
	const registrant = events(ctx.state)
		.registrantsOf(kind, parent.id)
		.find((r) => r.id === id);
	if (!registrant)
		throw apiErrors.badRequest(
			300,
			'The value that you entered for the Registrant ID field is invalid. Enter a valid value and try again.',
		);
	return registrant;
}

function getRegistrant(kind: Kind) {
	return (ctx: ApiContext): ApiResult => {
		const parent = resolveParent(ctx, kind);
		return { status: 200, body: registrantView(findRegistrant(ctx, kind, parent)) };
	};
}

function deleteRegistrant(kind: Kind) {
	return (ctx: ApiContext): ApiResult => {
		const parent = resolveParent(ctx, kind);
		const registrant = findRegistrant(ctx, kind, parent);
		const list = events(ctx.state).registrantsOf(kind, parent.id);
		const occurrenceId = ctx.query.get('occurrence_id');
		if (occurrenceId) {
			checkOccurrences(parent, [occurrenceId]);
			const all =
				registrant.occurrence_ids ?? (parent.occurrences ?? []).map((o) => o.occurrence_id);
			registrant.occurrence_ids = all.filter((id) => id !== occurrenceId);
			if (registrant.occurrence_ids.length > 0) return { status: 204 };
		}
		list.splice(list.indexOf(registrant), 1);
		return { status: 204 };
	};
}

function updateStatus(kind: Kind) {
	return (ctx: ApiContext): ApiResult => {
		const parent = resolveParent(ctx, kind);
		const check = new Checker(ctx.body);
		const action = check.oneOf('action', ['approve', 'deny', 'cancel'] as const, true);
		const entries = ctx.body.registrants;
		if (entries !== undefined) {
			if (!Array.isArray(entries)) check.push('registrants');
			else if (entries.length > BATCH_LIMIT)
				check.push('registrants', `The number of registrants cannot exceed ${BATCH_LIMIT}.`);
			else if (
				!entries.every(
					(e) => isPlainObject(e) && (typeof e.id === 'string' || typeof e.email === 'string'),
				)
			)
				check.push('registrants');
		}
		check.throwIfAny();
		const occurrenceId = ctx.query.get('occurrence_id');
		if (occurrenceId) checkOccurrences(parent, [occurrenceId]);
		const list = events(ctx.state).registrantsOf(kind, parent.id);
		const targets = ((entries as Array<{ id?: string; email?: string }> | undefined) ?? []).map(
			(e) => {
				const found = list.find(
					(r) =>
						(e.id !== undefined && r.id === e.id) ||
						(e.email !== undefined && r.email.toLowerCase() === e.email.toLowerCase()),
				);
				// One unknown registrant fails the whole request, nothing applied.
				if (!found)
					throw apiErrors.validation([
						{ field: 'registrants', message: `Registrant does not exist: ${e.id ?? e.email}.` },
					]);
				return found;
			},
		);
		for (const registrant of targets) {
			if (action === 'approve') registrant.status = 'approved';
			else if (action === 'deny') registrant.status = 'denied';
			else if (registrant.status === 'approved') registrant.status = 'denied';
		}
		return { status: 204 };
	};
}

function routes(kind: Kind): RouteDef[] {
	const base = kind === 'meeting' ? '/meetings/{meetingId}' : '/webinars/{webinarId}';
	const scopes =
		kind === 'meeting'
			? {
					list: EVENT_SCOPES.listMeetingRegistrants,
					create: EVENT_SCOPES.createMeetingRegistrant,
					get: EVENT_SCOPES.getMeetingRegistrant,
					delete: EVENT_SCOPES.deleteMeetingRegistrant,
					status: EVENT_SCOPES.meetingRegistrantStatus,
					batch: EVENT_SCOPES.meetingBatchRegistrants,
				}
			: {
					list: EVENT_SCOPES.listWebinarRegistrants,
					create: EVENT_SCOPES.createWebinarRegistrant,
					get: EVENT_SCOPES.getWebinarRegistrant,
					delete: EVENT_SCOPES.deleteWebinarRegistrant,
					status: EVENT_SCOPES.webinarRegistrantStatus,
					batch: EVENT_SCOPES.webinarBatchRegistrants,
				};
	return [
		{
			method: 'GET',
			template: `${base}/registrants`,
			category: 'medium',
			scopes: scopes.list,
			handler: listRegistrants(kind),
		},
		{
			method: 'POST',
			template: `${base}/registrants`,
			category: 'light',
			scopes: scopes.create,
			handler: createRegistrant(kind),
		},
		{
			method: 'GET',
			template: `${base}/registrants/{registrantId}`,
			category: 'light',
			scopes: scopes.get,
			handler: getRegistrant(kind),
		},
		{
			method: 'DELETE',
			template: `${base}/registrants/{registrantId}`,
			category: 'light',
			scopes: scopes.delete,
			handler: deleteRegistrant(kind),
		},
		{
			method: 'PUT',
			template: `${base}/registrants/status`,
			category: 'medium',
			scopes: scopes.status,
			handler: updateStatus(kind),
		},
		{
			method: 'POST',
			template: `${base}/batch_registrants`,
			category: 'heavy',
			scopes: scopes.batch,
			handler: batchRegistrants(kind),
		},
	];
}

export const registrantRoutes: RouteDef[] = [...routes('meeting'), ...routes('webinar')];
