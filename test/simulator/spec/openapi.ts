import { readFileSync } from 'node:fs';
import path from 'node:path';

import { MISSING_OPERATIONS } from './errata';

/*
 * Zoom's own OpenAPI documents, vendored beside this file unchanged (copies of those in
 * ../shared/zoom-api) so the tests never depend on anything outside the repository. Each request
 * is checked against the document that declares its operation: the Meeting API export of 2023 for
 * meetings, users, webinars, recordings and reports; the 2026-03-10 Meetings document for the
 * AI Companion summaries (its "Summaries" tag); the 2026-03-10 Team Chat document for /chat/;
 * and the erratum fragments of errata.ts for operations Zoom documents but these files lack.
 * They are megabytes of JSON: read on the first request the simulator validates, not at start.
 */

/** The spec documents, by the name the endpoint catalogue (nodes/core/zoom/endpoints.ts) uses. */
export const SPEC_SOURCES = {
	'meeting-api': {
		file: 'zoom-meeting-api.openapi.json',
		title: "Zoom's Meeting API (API Hub export, Oct 2023)",
		/** Everything the newer documents below do not claim. */
		selects: () => true,
	},
	'meetings-2026-03-10': {
		file: 'zoom-meeting-api-2026-03-10.openapi.json',
		title: "Zoom's Meetings API of 2026-03-10, tag Summaries",
		selects: (_template: string, operation: RawOperation) =>
			operation.tags?.includes('Summaries') === true,
	},
	'team-chat-2026-03-10': {
		file: 'zoom-team-chat-api-2026-03-10.openapi.json',
		title: "Zoom's Team Chat API of 2026-03-10",
		selects: (template: string) => template.startsWith('/chat/'),
	},
	...Object.fromEntries(
		MISSING_OPERATIONS.map((erratum) => [
			erratum.source,
			{ file: erratum.file, title: `erratum: ${erratum.name}`, selects: () => true },
		]),
	),
} as Record<
	string,
	{ file: string; title: string; selects: (template: string, operation: RawOperation) => boolean }
>;

export type SpecSourceName = keyof typeof SPEC_SOURCES;

/** Where a spec document lives. */
export function specFile(source: string): string {
	const entry = SPEC_SOURCES[source];
	if (!entry) throw new Error(`No spec document named "${source}"`);
	return path.join(__dirname, entry.file);
}

/** The Meeting API export (the document most operations come from). */
export const SPEC_FILE = specFile('meeting-api');

export type JsonSchema = Record<string, unknown>;

export interface SpecParameter {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required?: boolean;
	schema?: JsonSchema;
	description?: string;
}

export interface SpecOperation {
	method: string;
	/** Below /v2, as the spec spells it: '/users/{userId}/meetings'. */
	template: string;
	operationId?: string;
	/** The document that declares it (a key of SPEC_SOURCES). */
	source: string;
	parameters: SpecParameter[];
	/** The application/json request body schema, when the operation takes one. */
	bodySchema?: JsonSchema;
	bodyRequired: boolean;
}

export interface RawOperation {
	operationId?: string;
	tags?: string[];
	description?: string;
	parameters?: SpecParameter[];
	requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
	/** Zoom's scope lists: `extensions` in the 2023 export, `x-extensions` in the 2026 ones. */
	extensions?: { 'x-macro-scopes'?: string[]; 'x-granular-scopes'?: string[] };
	'x-extensions'?: { 'x-macro-scopes'?: string[]; 'x-granular-scopes'?: string[] };
}

export interface SpecDocument {
	paths: Record<string, Record<string, RawOperation>>;
}

const documents = new Map<string, SpecDocument>();

/** One spec document, parsed once. */
export function loadSpecDocument(source: string): SpecDocument {
	let document = documents.get(source);
	if (!document) {
		document = JSON.parse(readFileSync(specFile(source), 'utf8')) as SpecDocument;
		documents.set(source, document);
	}
	return document;
}

/** The raw operation `method template` of one document, if it declares it. */
export function rawOperation(
	source: string,
	method: string,
	template: string,
): RawOperation | undefined {
	return loadSpecDocument(source).paths[template]?.[method.toLowerCase()];
}

interface IndexedOperation {
	op: SpecOperation;
	segments: string[];
	params: number;
}

let index: IndexedOperation[] | undefined;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function loadIndex(): IndexedOperation[] {
	if (index) return index;
	const built: IndexedOperation[] = [];
	const claimed = new Map<string, string>();
	// The newer documents first: an operation is taken from the first document that selects it.
	const order = Object.keys(SPEC_SOURCES).filter((name) => name !== 'meeting-api');
	for (const source of [...order, 'meeting-api']) {
		const { selects } = SPEC_SOURCES[source];
		for (const [template, item] of Object.entries(loadSpecDocument(source).paths)) {
			for (const method of METHODS) {
				const raw = item[method];
				if (!raw || !selects(template, raw)) continue;
				const key = `${method.toUpperCase()} ${template}`;
				if (claimed.has(key)) continue;
				claimed.set(key, source);
				const json = raw.requestBody?.content?.['application/json'];
				const segments = template.split('/').filter(Boolean);
				built.push({
					op: {
						method: method.toUpperCase(),
						template,
						operationId: raw.operationId,
						source,
						parameters: raw.parameters ?? [],
						bodySchema: json?.schema,
						bodyRequired: raw.requestBody?.required === true,
					},
					segments,
					params: segments.filter((s) => s.startsWith('{')).length,
				});
			}
		}
	}
	// A literal segment wins over a parameter (/users/email before /users/{userId}), as on Zoom.
	built.sort((a, b) => a.params - b.params);
	index = built;
	return built;
}

export interface OperationMatch {
	op: SpecOperation;
	/** Path parameters, still percent-encoded. */
	rawParams: Record<string, string>;
}

/** The spec operation for a method and a path below /v2 (still percent-encoded). */
export function findOperation(method: string, path: string): OperationMatch | undefined {
	const parts = path.split('/').filter(Boolean);
	for (const { op, segments } of loadIndex()) {
		if (op.method !== method || segments.length !== parts.length) continue;
		const rawParams: Record<string, string> = {};
		let ok = true;
		for (let i = 0; i < segments.length && ok; i++) {
			if (segments[i].startsWith('{')) rawParams[segments[i].slice(1, -1)] = parts[i];
			else ok = segments[i] === parts[i];
		}
		if (ok) return { op, rawParams };
	}
	return undefined;
}

/** Every operation the validator checks against (for tests that walk them). */
export function allOperations(): SpecOperation[] {
	return loadIndex().map((entry) => entry.op);
}
