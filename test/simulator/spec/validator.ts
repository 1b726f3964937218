import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import { excusingErratum } from './errata';
import { findOperation, type JsonSchema, type SpecOperation } from './openapi';

/*
 * Checks one HTTP request against Zoom's OpenAPI spec with ajv (JSON Schema draft 7 + OpenAPI's
 * `nullable`): the operation (method + path template), path and query parameters (a parameter the
 * operation does not declare is a violation), and the JSON body — types, enums, formats, lengths,
 * and properties the schema does not name (request bodies are read as additionalProperties:false:
 * Zoom ignores or rejects what it does not know, and either way the user's value is lost).
 * Validators are compiled on first use per operation and cached.
 */

export interface SpecRequest {
	method: string;
	/** The path below /v2 as received (still percent-encoded, trailing slash kept). */
	path: string;
	query: URLSearchParams;
	bodyText: string;
}

export interface SpecViolation {
	method: string;
	/** The path below /v2 as received. */
	path: string;
	/** The spec operation's template, when one matched. */
	template?: string;
	/** Where the rule was broken: 'operation', 'path', 'query' or 'body'. */
	location: 'operation' | 'path' | 'query' | 'body';
	/** The rule broken, e.g. `body /settings/jbh_time enum [0,5,10]`. */
	rule: string;
	/** One line a person can act on: the request, the rule and the value sent. */
	message: string;
}

/** Zoom's labels that are not JSON Schema formats: they constrain nothing. */
const ZOOM_LABEL_FORMATS = ['Hex color code', 'string'];

function newAjv(coerceTypes: boolean): Ajv {
	// strict:false: Zoom's export carries OpenAPI keywords (example, deprecated, extensions) and a
	// few type-mismatched ones (maxLength on an integer) that are annotations, not rules.
	const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes, validateFormats: true });
	addFormats(ajv);
	for (const format of ZOOM_LABEL_FORMATS) ajv.addFormat(format, true);
	return ajv;
}

let bodyAjv: Ajv | undefined;
let paramAjv: Ajv | undefined;
const cache = new Map<string, ValidateFunction>();

/** A deep copy of a request-body schema in which every object with named properties is closed. */
export function closeObjects(schema: unknown): unknown {
	if (Array.isArray(schema)) return schema.map(closeObjects);
	if (schema === null || typeof schema !== 'object') return schema;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(schema)) {
		if (key === 'properties' && value && typeof value === 'object') {
			out.properties = Object.fromEntries(
				Object.entries(value as Record<string, unknown>).map(([name, sub]) => [
					name,
					closeObjects(sub),
				]),
			);
		} else if (key === 'example' || key === 'default' || key === 'enum') {
			out[key] = value;
		} else out[key] = closeObjects(value);
	}
	if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
	return out;
}

function compiled(key: string, make: () => { ajv: Ajv; schema: JsonSchema }): ValidateFunction {
	let validate = cache.get(key);
	if (!validate) {
		const { ajv, schema } = make();
		validate = ajv.compile(schema);
		cache.set(key, validate);
	}
	return validate;
}

/**
 * A path or query value is text: with Zoom's `oneOf: [integer, string]` (meeting ID or UUID),
 * digits match both alternatives, so for parameters "one of" is read as "any of".
 */
export function oneOfAsAnyOf(schema: unknown): unknown {
	if (Array.isArray(schema)) return schema.map(oneOfAsAnyOf);
	if (schema === null || typeof schema !== 'object') return schema;
	return Object.fromEntries(
		Object.entries(schema).map(([key, value]) => [
			key === 'oneOf' ? 'anyOf' : key,
			oneOfAsAnyOf(value),
		]),
	);
}

function paramsValidator(op: SpecOperation, where: 'path' | 'query'): ValidateFunction {
	return compiled(`${op.method} ${op.template} ${where}`, () => {
		const params = op.parameters.filter((p) => p.in === where);
		paramAjv ??= newAjv(true);
		return {
			ajv: paramAjv,
			schema: {
				type: 'object',
				properties: Object.fromEntries(params.map((p) => [p.name, oneOfAsAnyOf(p.schema ?? {})])),
				required: params.filter((p) => p.required || where === 'path').map((p) => p.name),
				additionalProperties: false,
			},
		};
	});
}

function bodyValidator(op: SpecOperation): ValidateFunction {
	return compiled(`${op.method} ${op.template} body`, () => {
		bodyAjv ??= newAjv(false);
		return { ajv: bodyAjv, schema: closeObjects(op.bodySchema) as JsonSchema };
	});
}

function shown(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function valueAt(root: unknown, pointer: string): unknown {
	let node = root;
	for (const key of pointer.split('/').slice(1)) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')];
	}
	return node;
}

/** `keyword` plus the schema value that was broken: `enum [0,5,10]`, `maxLength 10`. */
function ruleOf(error: ErrorObject): string {
	const p = error.params as Record<string, unknown>;
	switch (error.keyword) {
		case 'enum':
			return `enum ${shown(p.allowedValues)}`;
		case 'additionalProperties':
			return `additionalProperties:false (unknown "${String(p.additionalProperty)}")`;
		case 'required':
			return `required "${String(p.missingProperty)}"`;
		case 'format':
			return `format ${String(p.format)}`;
		case 'type':
			return `type ${String(p.type)}`;
		default: {
			const limit = p.limit ?? p.pattern ?? p.passingSchemas;
			return limit === undefined ? error.keyword : `${error.keyword} ${shown(limit)}`;
		}
	}
}

/**
 * With oneOf/anyOf, ajv reports the errors of every alternative. When none matched, the one
 * closest to the request (fewest errors) is what the sender meant: keep its errors only.
 */
export function closestAlternative(errors: ErrorObject[]): ErrorObject[] {
	// A oneOf that failed because several alternatives matched: the value matched some, so the
	// errors of the others say nothing; the oneOf error itself stays (an erratum may excuse it).
	let kept = errors;
	for (const ambiguous of errors.filter(
		(e) => e.keyword === 'oneOf' && Array.isArray(e.params?.passingSchemas),
	)) {
		const prefix = `${ambiguous.schemaPath}/`;
		kept = kept.filter(
			(error) =>
				!(
					error.schemaPath.startsWith(prefix) &&
					error.instancePath.startsWith(ambiguous.instancePath)
				),
		);
	}
	const alternatives = errors
		.filter((e) => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && !e.params?.passingSchemas)
		.sort((a, b) => a.schemaPath.length - b.schemaPath.length);
	for (const alternative of alternatives) {
		if (!kept.includes(alternative)) continue;
		const prefix = `${alternative.schemaPath}/`;
		const byBranch = new Map<string, ErrorObject[]>();
		for (const error of kept) {
			if (!error.schemaPath.startsWith(prefix)) continue;
			const branch = error.schemaPath.slice(prefix.length).split('/')[0];
			byBranch.set(branch, [...(byBranch.get(branch) ?? []), error]);
		}
		if (byBranch.size === 0) continue;
		const closest = [...byBranch.values()].sort((a, b) => a.length - b.length)[0];
		kept = kept.filter(
			(error) =>
				error !== alternative && (!error.schemaPath.startsWith(prefix) || closest.includes(error)),
		);
	}
	// The same rule broken at the same place is reported once.
	const seen = new Set<string>();
	return kept.filter((error) => {
		const key = `${error.instancePath} ${error.keyword} ${JSON.stringify(error.params)}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

function violationsFrom(
	request: SpecRequest,
	op: SpecOperation,
	location: 'path' | 'query' | 'body',
	errors: ErrorObject[],
	data: unknown,
): SpecViolation[] {
	const label = `${request.method} ${op.template}`;
	return errors.map((error) => {
		let where = error.instancePath;
		if (error.keyword === 'additionalProperties')
			where = `${where}/${String((error.params as { additionalProperty: string }).additionalProperty)}`;
		else if (error.keyword === 'required')
			where = `${where}/${String((error.params as { missingProperty: string }).missingProperty)}`;
		const field =
			location === 'body' ? `body ${where || '/'}` : `${location} parameter ${where.slice(1)}`;
		const rule = `${field} ${ruleOf(error)}`;
		const value = valueAt(data, where);
		const sent = value === undefined ? '' : ` (sent ${shown(value)})`;
		return {
			method: request.method,
			path: request.path,
			template: op.template,
			location,
			rule,
			message: `${label}: ${field} ${error.message ?? 'is invalid'} [${ruleOf(error)}]${sent}`,
		};
	});
}

function queryObject(
	request: SpecRequest,
	op: SpecOperation,
): { data: Record<string, string>; repeated: SpecViolation[] } {
	const data: Record<string, string> = {};
	const repeated: SpecViolation[] = [];
	for (const [name, value] of request.query) {
		if (name in data) {
			const rule = `query parameter ${name} repeated`;
			repeated.push({
				method: request.method,
				path: request.path,
				template: op.template,
				location: 'query',
				rule,
				message: `${request.method} ${op.template}: ${rule}`,
			});
		}
		data[name] = value;
	}
	return { data, repeated };
}

/**
 * Zoom APIs that have their own spec, not the Meeting API's (e.g. the Marketplace API's webhook
 * subscriptions): requests to them are not checked here.
 */
export const OTHER_ZOOM_API_PREFIXES = ['/marketplace/'];

/** Every way `request` breaks Zoom's spec (after the errata); [] when it validates. */
export function validateRequest(request: SpecRequest): SpecViolation[] {
	const { method, path } = request;
	if (OTHER_ZOOM_API_PREFIXES.some((prefix) => path.startsWith(prefix))) return [];
	const base = { method, path };
	if (/\/\/|.\/$/.test(path) || path === '/') {
		const rule = 'path has an empty segment';
		return [{ ...base, location: 'operation', rule, message: `${method} ${path}: ${rule}` }];
	}
	const match = findOperation(method, path);
	if (!match) {
		const rule = 'no such operation in the spec';
		return [{ ...base, location: 'operation', rule, message: `${method} ${path}: ${rule}` }];
	}
	const { op } = match;
	const violations: SpecViolation[] = [];

	const pathData: Record<string, unknown> = {};
	for (const [name, raw] of Object.entries(match.rawParams)) {
		try {
			pathData[name] = decodeURIComponent(raw);
		} catch {
			pathData[name] = raw;
		}
	}
	const original = { ...pathData };
	const pathValidate = paramsValidator(op, 'path');
	if (!pathValidate(pathData))
		violations.push(...violationsFrom(request, op, 'path', pathValidate.errors ?? [], original));

	const { data: queryData, repeated } = queryObject(request, op);
	violations.push(...repeated);
	const queryOriginal = { ...queryData };
	const queryValidate = paramsValidator(op, 'query');
	if (!queryValidate(queryData))
		violations.push(
			...violationsFrom(request, op, 'query', queryValidate.errors ?? [], queryOriginal),
		);

	const hasBody = request.bodyText.trim() !== '';
	if (!op.bodySchema) {
		if (hasBody) {
			const rule = 'body not allowed (the operation takes no request body)';
			violations.push({
				...base,
				template: op.template,
				location: 'body',
				rule,
				message: `${method} ${op.template}: ${rule}`,
			});
		}
		return violations;
	}
	if (!hasBody) {
		if (op.bodyRequired) {
			const rule = 'body required';
			violations.push({
				...base,
				template: op.template,
				location: 'body',
				rule,
				message: `${method} ${op.template}: ${rule}`,
			});
		}
		return violations;
	}
	let body: unknown;
	try {
		body = JSON.parse(request.bodyText);
	} catch {
		const rule = 'body is not JSON';
		violations.push({
			...base,
			template: op.template,
			location: 'body',
			rule,
			message: `${method} ${op.template}: ${rule}`,
		});
		return violations;
	}
	const bodyValidate = bodyValidator(op);
	if (!bodyValidate(body)) {
		const context = { method, template: op.template, body };
		const errors = closestAlternative(bodyValidate.errors ?? []).filter(
			(error) => !excusingErratum(error, context),
		);
		violations.push(...violationsFrom(request, op, 'body', errors, body));
	}
	return violations;
}
