import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { clearServerToServerTokenCache } from '../../../nodes/core/transport/serverToServerToken';
import {
	addServerToServerCredential,
	apiRequests,
	outputJson,
	runZoomNode,
	type Authentication,
} from '../../fixtures/zoom';
import { startZoomSimulator, type ZoomSimulator } from '../../simulator';
import { CredentialsStore, type ExecuteNodeResult } from '../harness';

/*
 * User operations through real n8n-core against a fresh simulator per test (no sample data, no
 * rate limits), with a Server-to-Server OAuth credential saved in a fresh store.
 */

export { ACCESS_TOKEN, OAUTH2, S2S } from '../../fixtures/zoom';

/** A `userId` resource locator. */
export const user = (value: string, mode = 'id') => ({ __rl: true, mode, value });

export interface RunOptions {
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
	authentication?: Authentication;
	credential?: { id: string; name: string };
}

export interface UserSuite {
	sim: ZoomSimulator;
	store: CredentialsStore;
	s2sRef: { id: string; name: string };
	/** Runs the node with `resource: 'user'` and `parameters`. */
	run(parameters: INodeParameters, options?: RunOptions): Promise<ExecuteNodeResult>;
	/** Sum of the API request counters whose key starts with `prefix` ("GET /v2/users"). */
	apiRequests(prefix?: string): number;
}

/** The node's output as users see it: JSON of each item. */
export const json = (result: ExecuteNodeResult) => outputJson(result);

export function assertFailed(result: ExecuteNodeResult, pattern: RegExp): string {
	assert.ok(result.error, `expected the node to fail, got ${JSON.stringify(json(result))}`);
	assert.match(result.error.message, pattern);
	return result.error.message;
}

/** Registers the per-test simulator and store (call at the top of a test file). */
export function userSuite(): UserSuite {
	const suite = {} as UserSuite;

	beforeEach(async () => {
		clearServerToServerTokenCache();
		suite.sim = await startZoomSimulator({ seed: false, enforceRateLimits: false });
		suite.store = new CredentialsStore();
		suite.s2sRef = addServerToServerCredential(suite.store, suite.sim);
	});

	afterEach(async () => {
		await suite.sim.close();
	});

	suite.run = async (parameters, options = {}) =>
		await runZoomNode(
			{ resource: 'user', ...parameters },
			{
				store: suite.store,
				credential: options.credential ?? suite.s2sRef,
				authentication: options.authentication,
				inputItems: options.inputItems,
				continueOnFail: options.continueOnFail,
			},
		);

	suite.apiRequests = (prefix = '') => apiRequests(suite.sim, prefix);

	return suite;
}
