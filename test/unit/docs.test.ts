import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { ENDPOINTS } from '../../nodes/core/zoom/endpoints';
import { pageWithTable, SCOPES_PAGE } from '../../scripts/docs/operationsTable';
import { classicScopesByArea } from '../../nodes/core/zoom/scopes';
import { ZoomWorkplaceServerToServerOAuthApi } from '../../credentials/ZoomWorkplaceServerToServerOAuthApi.credentials';

describe('docs derived from the endpoint catalogue', () => {
	test('the scopes page holds the generated operations table (run `npm run docs`)', () => {
		const page = readFileSync(SCOPES_PAGE, 'utf8');
		assert.equal(page, pageWithTable(page));
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
