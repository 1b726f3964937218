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

/** The erratum that excuses a schema error, if any. */
export function excusingErratum(error: ErrorObject, context: ErratumContext): Erratum | undefined {
	return ERRATA.find((erratum) => erratum.excuses(error, context));
}
