import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';

import { ENDPOINTS, scopesFor } from '../../nodes/core/zoom/endpoints';

/* The endpoint catalogue is checked against Zoom's own OpenAPI export, so a wrong method, path,
   rate-limit category or scope cannot hide in it. */

const SPEC_CANDIDATES = [
	resolve(__dirname, '../simulator/spec/zoom-meeting-api.openapi.json'),
	resolve(__dirname, '../../../shared/zoom-api/zoom-meeting-api.openapi.json'),
];

interface SpecOperation {
	operationId: string;
	parameters?: Array<{ name: string; in: string; schema?: { type?: string } }>;
	description?: string;
	extensions?: { 'x-macro-scopes'?: string[]; 'x-granular-scopes'?: string[] };
}

function loadSpec(): { paths: Record<string, Record<string, SpecOperation>> } {
	const file = SPEC_CANDIDATES.find((candidate) => existsSync(candidate));
	assert.ok(file, `Zoom's OpenAPI spec not found in ${SPEC_CANDIDATES.join(' or ')}`);
	return JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof loadSpec>;
}

/**
 * Scopes Zoom's documentation names that its 2023 spec export leaves out (it lists
 * `phone_recording:read:admin` for the meeting recordings endpoint, a known slip).
 */
const SCOPE_ERRATA: Record<string, string[]> = { recordingGet: ['recording:read:admin'] };

describe('endpoint catalogue', () => {
	const spec = loadSpec();

	for (const [name, endpoint] of Object.entries(ENDPOINTS)) {
		test(`${name}: ${endpoint.method} ${endpoint.path} agrees with Zoom's spec`, () => {
			const operation = spec.paths[endpoint.path]?.[endpoint.method.toLowerCase()];
			assert.ok(operation, `${endpoint.method} ${endpoint.path} is not in Zoom's spec`);
			assert.equal(operation.operationId, endpoint.operationId);
			const label = /Rate Limit Label[^`]*`([A-Za-z-]+)`/.exec(operation.description ?? '')?.[1];
			assert.equal(endpoint.category, label?.toLowerCase(), 'rate-limit category');
			for (const scope of endpoint.scopes.classic) {
				assert.ok(
					operation.extensions?.['x-macro-scopes']?.includes(scope) ||
						SCOPE_ERRATA[endpoint.operationId]?.includes(scope),
					`classic scope ${scope} is not one the spec lists for ${operation.operationId}`,
				);
			}
			const granular = operation.extensions?.['x-granular-scopes'];
			if (granular) {
				for (const scope of endpoint.scopes.granular) {
					assert.ok(granular.includes(scope), `granular scope ${scope} not in the spec`);
				}
			}
			assert.ok(endpoint.scopes.granular.length > 0, 'every endpoint names its granular scopes');
			const instance = operation.parameters?.find(
				(p) => p.in === 'path' && /^(meetingId|meetingUUID|webinarId)$/.test(p.name),
			);
			if (instance) {
				assert.equal(
					endpoint.acceptsUuid,
					instance.schema?.type !== 'integer',
					`acceptsUuid must follow the spec's type of ${instance.name} (${instance.schema?.type})`,
				);
			}
		});
	}

	test('categories Zoom documents for the endpoints people use most', () => {
		assert.equal(ENDPOINTS.createMeeting.category, 'medium');
		assert.equal(ENDPOINTS.listUsers.category, 'medium');
		assert.equal(ENDPOINTS.getMeeting.category, 'light');
		assert.equal(ENDPOINTS.createUser.category, 'light');
		assert.equal(ENDPOINTS.reportMeetingParticipants.category, 'heavy');
	});

	test('scopesFor lists each scope once, classic and granular apart', () => {
		const scopes = scopesFor(['getMeeting', 'updateMeeting', 'getUser']);
		assert.deepEqual(scopes.classic, [
			'meeting:read',
			'meeting:read:admin',
			'meeting:write',
			'meeting:write:admin',
			'user:read',
			'user:read:admin',
		]);
		assert.ok(scopes.granular.includes('meeting:update:meeting:admin'));
		assert.equal(new Set(scopes.granular).size, scopes.granular.length);
	});
});
