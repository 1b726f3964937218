import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';

import {
	DEFAULT_MAX_PAGE_SIZE,
	ENDPOINTS,
	maxPageSizeOf,
	scopesFor,
	type Endpoint,
	type EndpointName,
} from '../../nodes/core/zoom/endpoints';
import {
	MISSING_OPERATIONS,
	rawOperation,
	SPEC_SOURCES,
	specFile,
	type RawOperation,
} from '../simulator/spec';

/* The endpoint catalogue is checked against the Zoom OpenAPI document each entry names (the
   Meeting API export, the 2026-03-10 Meetings and Team Chat documents, or the erratum fragment of
   test/simulator/spec/errata.ts), so a wrong method, path, rate-limit category, page size or scope
   cannot hide in it. */

/**
 * Scopes Zoom's documentation names that its 2023 spec export leaves out (it lists
 * `phone_recording:read:admin` for the meeting recordings endpoint, a known slip).
 */
const SCOPE_ERRATA: Record<string, string[]> = { recordingGet: ['recording:read:admin'] };

function zoomScopes(operation: RawOperation) {
	return operation.extensions ?? operation['x-extensions'];
}

describe('endpoint catalogue', () => {
	for (const [name, entry] of Object.entries(ENDPOINTS)) {
		const endpoint = entry as Endpoint;
		test(`${name}: ${endpoint.method} ${endpoint.path} agrees with ${endpoint.spec}`, () => {
			assert.ok(SPEC_SOURCES[endpoint.spec], `no spec document named ${endpoint.spec}`);
			const operation = rawOperation(endpoint.spec, endpoint.method, endpoint.path);
			assert.ok(operation, `${endpoint.method} ${endpoint.path} is not in ${endpoint.spec}`);
			assert.equal(operation.operationId, endpoint.operationId);
			const label = /Rate Limit Label[^`]*`([A-Za-z-]+)`/.exec(operation.description ?? '')?.[1];
			assert.equal(endpoint.category, label?.toLowerCase(), 'rate-limit category');
			for (const scope of endpoint.scopes.classic) {
				assert.ok(
					zoomScopes(operation)?.['x-macro-scopes']?.includes(scope) ||
						SCOPE_ERRATA[endpoint.operationId]?.includes(scope),
					`classic scope ${scope} is not one the spec lists for ${operation.operationId}`,
				);
			}
			const pageSize = operation.parameters?.find(
				(p) => p.in === 'query' && p.name === 'page_size',
			);
			const maximum = (pageSize?.schema as { maximum?: number } | undefined)?.maximum;
			if (maximum !== undefined)
				assert.equal(maxPageSizeOf(name as EndpointName), maximum, "the spec's largest page_size");
			else assert.equal(endpoint.maxPageSize, undefined, 'maxPageSize where the spec names none');
			const granular = zoomScopes(operation)?.['x-granular-scopes'];
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

	test('each spec document is a copy of the one in ../shared/zoom-api (when that is present)', () => {
		for (const [source, { file }] of Object.entries(SPEC_SOURCES)) {
			if (MISSING_OPERATIONS.some((erratum) => erratum.source === source)) continue;
			const shared = resolve(__dirname, '../../../shared/zoom-api', file);
			if (!existsSync(shared)) continue;
			assert.ok(
				readFileSync(specFile(source)).equals(readFileSync(shared)) ||
					// The 2023 export was committed pretty-printed: the same JSON.
					JSON.stringify(JSON.parse(readFileSync(specFile(source), 'utf8'))) ===
						JSON.stringify(JSON.parse(readFileSync(shared, 'utf8'))),
				`${file} differs from ${shared}`,
			);
		}
	});

	test('the page sizes Zoom documents for chat lists', () => {
		assert.equal(maxPageSizeOf('listChatMessages'), 50);
		assert.equal(maxPageSizeOf('listUserChannels'), 1000);
		assert.equal(maxPageSizeOf('listUserMeetingSummaries'), DEFAULT_MAX_PAGE_SIZE);
	});

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
