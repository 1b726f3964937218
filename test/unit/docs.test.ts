import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';

import { resources } from '../../nodes/ZoomWorkplace/actions/router';
import { ENDPOINTS } from '../../nodes/core/zoom/endpoints';
import { readmeWithTable } from '../../scripts/docs/operationsTable';
import { classicScopesByArea } from '../../nodes/core/zoom/scopes';
import { ZoomWorkplaceServerToServerOAuthApi } from '../../credentials/ZoomWorkplaceServerToServerOAuthApi.credentials';

describe('docs derived from the endpoint catalogue', () => {
	test("the README's operations table is the generated one (run `npm run docs`)", () => {
		const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
		assert.equal(readme, readmeWithTable(readme));
	});

	test('every operation names the endpoints it calls, all of them in the catalogue', () => {
		for (const [resource, operations] of Object.entries(resources)) {
			for (const [name, operation] of Object.entries(operations)) {
				assert.ok(operation.endpoints.length > 0, `${resource}.${name} lists no endpoint`);
				for (const endpoint of operation.endpoints) assert.ok(ENDPOINTS[endpoint], endpoint);
			}
		}
	});

	test("the Server-to-Server credential's notice lists every admin scope of the catalogue", () => {
		const notice = new ZoomWorkplaceServerToServerOAuthApi().properties[0].displayName;
		assert.ok(notice.includes(classicScopesByArea('admin')));
		for (const endpoint of Object.values(ENDPOINTS)) {
			for (const scope of endpoint.scopes.classic.filter((s) => s.endsWith(':admin'))) {
				assert.ok(notice.includes(scope), scope);
			}
		}
	});
});
