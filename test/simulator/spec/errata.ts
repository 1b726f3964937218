import type { ErrorObject } from 'ajv';

/*
 * Where Zoom's own descriptions and live behaviour beat its OpenAPI schema (DESIGN.md, "Known
 * errata"). Each one is named here and nowhere else: the validator asks this list whether a schema
 * error is excused, and every excuse is narrow (one keyword, one field, one shape of value).
 */

export interface ErratumContext {
	method: string;
	/** Spec template below /v2, e.g. '/users/{userId}/meetings'. */
	template: string;
	/** The whole JSON body the error was found in. */
	body: unknown;
}

export interface Erratum {
	name: string;
	/** Why the schema is wrong here (Zoom's own words where there are some). */
	why: string;
	excuses(error: ErrorObject, context: ErratumContext): boolean;
}

/** The value at a JSON pointer such as '/recurrence/weekly_days'. */
function valueAt(root: unknown, pointer: string): unknown {
	let node = root;
	for (const raw of pointer.split('/').slice(1)) {
		const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<string, unknown>)[key];
	}
	return node;
}

function parentOf(root: unknown, pointer: string): unknown {
	return valueAt(root, pointer.slice(0, pointer.lastIndexOf('/')));
}

const WEEKLY_DAYS_LIST = /^[1-7](,[1-7])*$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

export const ERRATA: readonly Erratum[] = [
	{
		name: 'recurrence.weekly_days is a comma-separated list of days',
		why:
			'The schema enumerates single days "1".."7", but its own description and Zoom live take ' +
			'several days as a comma-separated string ("2,4,6" = Monday, Wednesday, Friday).',
		excuses: (error, { body }) =>
			error.keyword === 'enum' &&
			/\/recurrence\/weekly_days$/.test(error.instancePath) &&
			WEEKLY_DAYS_LIST.test(String(valueAt(body, error.instancePath))),
	},
	{
		name: 'start_time may be local time when timezone is given',
		why:
			'The schema says format date-time (with an offset), but Zoom documents start_time as ' +
			'"yyyy-MM-ddTHH:mm:ss" in the meeting\'s timezone when timezone is set, and honours it.',
		excuses: (error, { body }) => {
			if (error.keyword !== 'format' || !/\/start_time$/.test(error.instancePath)) return false;
			const parent = parentOf(body, error.instancePath) as Record<string, unknown> | undefined;
			return (
				LOCAL_DATE_TIME.test(String(valueAt(body, error.instancePath))) &&
				typeof parent?.timezone === 'string' &&
				parent.timezone !== ''
			);
		},
	},
	{
		name: 'Team Chat contacts: an email, a user ID or a member ID (overlapping oneOf)',
		why:
			'The Team Chat spec types to_contact (send and edit a message) and at_items[].at_contact as ' +
			'oneOf [email string, string, string]: every email also matches the plain-string ' +
			'alternatives, so no value can match exactly one. Zoom takes any of the three forms; the ' +
			'oneOf is read as anyOf (a value that matches none is still refused).',
		excuses: (error, { template }) =>
			error.keyword === 'oneOf' &&
			template.startsWith('/chat/users/{userId}/messages') &&
			/^\/(to_contact|at_items\/\d+\/at_contact)$/.test(error.instancePath) &&
			Array.isArray((error.params as { passingSchemas?: unknown }).passingSchemas),
	},
	{
		name: 'user type 4 (No Meetings License) exists',
		why:
			'The schema enumerates user types 1, 2 and 99, but Zoom accounts have type 4 "No ' +
			'Meetings License" users, and create/update accept it.',
		excuses: (error, { method, template, body }) =>
			error.keyword === 'enum' &&
			((method === 'POST' && template === '/users' && error.instancePath === '/user_info/type') ||
				(method === 'PATCH' && template === '/users/{userId}' && error.instancePath === '/type')) &&
			valueAt(body, error.instancePath) === 4,
	},
];

/**
 * Operations Zoom documents that the vendored spec documents lack. Each is a small OpenAPI
 * fragment beside this file, named as an erratum, written from Zoom's documented facts; the
 * validator checks requests against it as against Zoom's own documents, and the endpoint
 * catalogue test names it as the source of the endpoints it declares.
 */
export interface MissingOperation {
	/** The name the endpoint catalogue gives the fragment as its spec source. */
	source: string;
	/** The fragment's file, beside this one. */
	file: string;
	name: string;
	why: string;
}

export const MISSING_OPERATIONS: readonly MissingOperation[] = [
	{
		source: 'erratum-list-user-meeting-summaries',
		file: 'erratum-list-user-meeting-summaries.openapi.json',
		name: 'GET /users/{userId}/meeting_summaries (ListUserMeetingSummaries)',
		why:
			"Zoom's later Meetings spec lists one user's AI Companion summaries here; the 2026-03-10 " +
			'export has only the account-level list. The fragment carries its documented parameters ' +
			'(page_size ≤ 300, next_page_token, from/to UTC date-times, time_filter_field), answer ' +
			'and errors, with the schemas of the account-level list (Listmeetingsummaries).',
	},
];

/** The erratum that excuses a schema error, if any. */
export function excusingErratum(error: ErrorObject, context: ErratumContext): Erratum | undefined {
	return ERRATA.find((erratum) => erratum.excuses(error, context));
}
