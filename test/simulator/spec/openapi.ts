import { readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * Zoom's own OpenAPI export of the Meeting API (Zoom API Hub, Oct 2023), vendored beside this file
 * so the tests never depend on anything outside the repository. It is 2 MB of JSON: it is read on
 * the first request the simulator validates, not when the simulator starts.
 */
export const SPEC_FILE = path.join(__dirname, 'zoom-meeting-api.openapi.json');

export type JsonSchema = Record<string, unknown>;

export interface SpecParameter {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required?: boolean;
	schema?: JsonSchema;
}

export interface SpecOperation {
	method: string;
	/** Below /v2, as the spec spells it: '/users/{userId}/meetings'. */
	template: string;
	operationId?: string;
	parameters: SpecParameter[];
	/** The application/json request body schema, when the operation takes one. */
	bodySchema?: JsonSchema;
	bodyRequired: boolean;
}

interface RawOperation {
	operationId?: string;
	parameters?: SpecParameter[];
	requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
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
	const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as {
		paths: Record<string, Record<string, RawOperation>>;
	};
	const built: IndexedOperation[] = [];
	for (const [template, item] of Object.entries(spec.paths)) {
		for (const method of METHODS) {
			const raw = item[method];
			if (!raw) continue;
			const json = raw.requestBody?.content?.['application/json'];
			const segments = template.split('/').filter(Boolean);
			built.push({
				op: {
					method: method.toUpperCase(),
					template,
					operationId: raw.operationId,
					parameters: raw.parameters ?? [],
					bodySchema: json?.schema,
					bodyRequired: raw.requestBody?.required === true,
				},
				segments,
				params: segments.filter((s) => s.startsWith('{')).length,
			});
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

/** Every operation of the spec (for tests that walk it). */
export function allOperations(): SpecOperation[] {
	return loadIndex().map((entry) => entry.op);
}
