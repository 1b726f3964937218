/**
 * Smoke test against a real n8n: the built package, installed as a community package, is loaded by
 * n8n 2.41.1 and its node and credentials reach the editor.
 *
 *   npm run build && npm run test:e2e
 *
 * The first run on a machine installs n8n into ~/.cache/n8n-nodes-zoom (several minutes).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
	createN8nHome,
	ensureN8n,
	getCredentialTypes,
	getNodeTypes,
	login,
	readBuiltPackage,
	rest,
	setupOwner,
	startN8nServer,
	type N8nHome,
	type N8nServer,
	type Session,
} from './harness/n8n';

const CREDENTIAL_TYPES = [
	'zoomWorkplaceServerToServerOAuthApi',
	'zoomWorkplaceOAuth2Api',
	'zoomWorkplaceAccessTokenApi',
];
const NODE_TYPE = 'n8n-nodes-zoom.zoomWorkplace';

describe(
	'n8n 2.41.1 with n8n-nodes-zoom installed as a community package',
	{ timeout: 30 * 60_000 },
	() => {
		let pkg: Awaited<ReturnType<typeof readBuiltPackage>>;
		let home: N8nHome | undefined;
		let server: N8nServer | undefined;
		let session: Session;

		before(
			async () => {
				// Fails with "run `npm run build`" when dist/ is missing or incomplete.
				pkg = await readBuiltPackage();
				await ensureN8n();
				home = await createN8nHome();
				server = await startN8nServer(home);
				await setupOwner(server);
				session = await login(server);
			},
			{ timeout: 25 * 60_000 },
		);

		after(async () => {
			await server?.stop();
			await home?.cleanup();
		});

		it('loads the package without errors', () => {
			const logs = server!.logs();
			for (const bad of [
				`Failed to load package "${pkg.name}"`,
				`Skipping package "${pkg.name}"`,
				'Skipping package directory',
				`nodes package ${pkg.name} is already loaded`,
			]) {
				assert.ok(!logs.includes(bad), `n8n's log says "${bad}":\n${logs.slice(-4000)}`);
			}
		});

		it('knows the three Zoom Workplace credential types', async () => {
			const types = await getCredentialTypes(session);
			const names = new Set(types.map((t) => t.name));
			for (const name of CREDENTIAL_TYPES) {
				assert.ok(names.has(name), `credential type ${name} is not in /types/credentials.json`);
			}
			const oauth2 = types.find((t) => t.name === 'zoomWorkplaceOAuth2Api');
			assert.ok(oauth2?.extends?.includes('oAuth2Api'), 'zoomWorkplaceOAuth2Api extends oAuth2Api');
		});

		it('lists the Zoom Workplace node with its credentials', async () => {
			assert.ok(
				(pkg.n8n?.nodes ?? []).length > 0,
				'package.json\'s "n8n.nodes" is empty: the Zoom Workplace node is not part of the package',
			);
			const nodes = await getNodeTypes(session);
			const zoom = nodes.filter((n) => n.name === NODE_TYPE);
			assert.ok(zoom.length > 0, `${NODE_TYPE} is not in /types/nodes.json`);
			const credentialNames = new Set(
				zoom.flatMap((n) => (n.credentials ?? []).map((c) => c.name)),
			);
			for (const name of CREDENTIAL_TYPES) {
				assert.ok(credentialNames.has(name), `${NODE_TYPE} does not offer credential ${name}`);
			}
		});

		it('answers the REST API as the logged-in owner', async () => {
			const me = await rest<{ email: string; role: string }>(session, 'GET', '/rest/login');
			assert.equal(me.role, 'global:owner');
		});
	},
);
