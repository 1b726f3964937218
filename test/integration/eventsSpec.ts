/**
 * Checks recorded requests against Zoom's OpenAPI spec (../shared/zoom-api): path parameters,
 * query parameters (no unknown ones, types, enums) and JSON bodies (no unknown fields, types,
 * enums, lengths), with DESIGN.md's errata (local start times, comma-separated weekly days).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

const SPEC_PATH = path.resolve(__dirname, '../../../shared/zoom-api/zoom-meeting-api.openapi.json');

export interface RecordedRequest {
	method: string;
	/** Raw path below the host, e.g. /v2/meetings/85746065432/registrants */
	path: string;
	query: URLSearchParams;
	body: Json | undefined;
}

/** Object schemas with properties accept no other fields; spec-only keywords are dropped. */
function tighten(schema: unknown, at: string[] = []): unknown {
	if (Array.isArray(schema)) return schema.map((s) => tighten(s, at));
	if (!schema || typeof schema !== 'object') return schema;
	const out: Json = {};
	for (const [key, value] of Object.entries(schema as Json)) {
		if (key === 'example' || key === 'extensions' || key === 'deprecated' || key.startsWith('x-'))
			continue;
		if (key === 'properties' && value && typeof value === 'object') {
			out.properties = Object.fromEntries(
				Object.entries(value as Json).map(([name, sub]) => [name, tighten(sub, [...at, name])]),
			);
			continue;
		}
		out[key] = tighten(value, at);
	}
	// Errata: weekly_days takes "2,4,6".
	if (at[at.length - 1] === 'weekly_days') delete out.enum;
	if (out.type === 'object' && out.properties && out.additionalProperties === undefined)
		out.additionalProperties = false;
	// `maximum` on an array means at most that many items in Zoom's export.
	if (out.type === 'array' && typeof out.maximum === 'number') {
		out.maxItems = out.maximum;
		delete out.maximum;
	}
	return out;
}

interface Operation {
	method: string;
	template: string;
	matcher: RegExp;
	pathParams: Array<{ name: string; schema: Json }>;
	query: Map<string, Json>;
	body?: ValidateFunction;
	queryValidators: Map<string, ValidateFunction>;
}

export class SpecValidator {
	private readonly operations: Operation[] = [];

	constructor() {
		const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
			paths: Record<string, Record<string, Json>>;
		};
		const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
		addFormats(ajv);
		// Errata: start_time may be local (no offset) with a `timezone`.
		ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/);
		for (const [template, methods] of Object.entries(spec.paths)) {
			for (const [method, operation] of Object.entries(methods)) {
				const parameters =
					(operation.parameters as Array<{ name: string; in: string; schema: Json }>) ?? [];
				const query = new Map<string, Json>();
				const queryValidators = new Map<string, ValidateFunction>();
				for (const p of parameters.filter((p) => p.in === 'query')) {
					query.set(p.name, p.schema);
					queryValidators.set(p.name, ajv.compile(tighten(p.schema) as Json));
				}
				const bodySchema = (operation.requestBody as Json | undefined)?.content as Json | undefined;
				const json = (bodySchema?.['application/json'] as Json | undefined)?.schema;
				const segments = template
					.split('/')
					.map((s) => (s.startsWith('{') ? '([^/]+)' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')));
				this.operations.push({
					method: method.toUpperCase(),
					template,
					matcher: new RegExp(`^${segments.join('/')}$`),
					pathParams: parameters.filter((p) => p.in === 'path'),
					query,
					queryValidators,
					body: json ? ajv.compile(tighten(json) as Json) : undefined,
				});
			}
		}
		// Literal segments win: /registrants/status before /registrants/{registrantId}.
		this.operations.sort(
			(a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0),
		);
	}

	/** Problems of one request; [] when it validates. */
	check(request: RecordedRequest): string[] {
		const below = request.path.replace(/^\/v2/, '');
		const operation = this.operations.find(
			(o) => o.method === request.method && o.matcher.test(below),
		);
		if (!operation) return [`${request.method} ${below}: no such operation in Zoom's spec`];
		const where = `${request.method} ${operation.template}`;
		const problems: string[] = [];
		const values = operation.matcher.exec(below)!.slice(1);
		operation.pathParams.forEach((p, index) => {
			const value = decodeURIComponent(values[index] ?? '');
			if (p.schema?.type === 'integer' && !/^\d+$/.test(value))
				problems.push(`${where}: path parameter ${p.name} must be an integer, got "${value}"`);
		});
		for (const [name, raw] of request.query) {
			const schema = operation.query.get(name);
			if (!schema) {
				problems.push(`${where}: unknown query parameter "${name}"`);
				continue;
			}
			const value =
				schema.type === 'integer' || schema.type === 'number'
					? Number(raw)
					: schema.type === 'boolean'
						? raw === 'true'
							? true
							: raw === 'false'
								? false
								: raw
						: raw;
			const validate = operation.queryValidators.get(name)!;
			if (!validate(value))
				problems.push(`${where}: query ${name}=${raw}: ${JSON.stringify(validate.errors)}`);
		}
		if (request.body !== undefined && Object.keys(request.body).length > 0) {
			if (!operation.body)
				problems.push(`${where}: takes no body, got ${JSON.stringify(request.body)}`);
			else if (!operation.body(request.body))
				problems.push(
					`${where}: body ${JSON.stringify(request.body)}: ${JSON.stringify(operation.body.errors)}`,
				);
		}
		return problems;
	}

	checkAll(requests: readonly RecordedRequest[]): string[] {
		return requests.flatMap((request) => this.check(request));
	}
}
