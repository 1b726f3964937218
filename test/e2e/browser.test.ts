/**
 * The Zoom Workplace node in the n8n 2.41.1 editor, in a real (headless) Chromium, against the
 * local Zoom simulator: log in, open a new workflow, add "Zoom Workplace" from the nodes panel by
 * searching "Zoom", choose a Server-to-Server credential in the node, open it and test it
 * (success), change the client secret (the test fails with Zoom's reason), put it back, execute the
 * node and read the Zoom user in the output panel.
 *
 *   npm run build && node_modules/.bin/node --import tsx --test test/e2e/browser.test.ts
 *
 * Chromium is Debian's `chromium` (/usr/bin/chromium); when it is missing, `before` installs it
 * with scripts/ensure-chromium.sh (apt-get, needs root) and the suite fails, saying why, if it
 * cannot start the browser. A screenshot of every step goes to test-artifacts/e2e-browser/
 * (`NN-step.png`; a failed step leaves `NN-step-FAILED.png`).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { OWNER_EMAIL, startZoomSimulator, type ZoomSimulator } from '../simulator';
import { launchChromium } from './browser/chromium';
import {
	credentialTestResult,
	credentialTestSettled,
	dismissPopupsAutomatically,
	eventually,
	inputValue,
	isCredentialTest,
	Screenshots,
	sel,
	text,
} from './browser/editor';
import { meetingEvent, ZoomWebhookSender } from '../simulator/webhooks';
import {
	createCredential,
	createN8nHome,
	DEFAULT_OWNER,
	login,
	ensureN8n,
	readBuiltPackage,
	REPO_ROOT,
	setupOwner,
	startN8nServer,
	type N8nHome,
	type N8nServer,
	type SavedCredential,
} from './harness/n8n';
import {
	createWorkflow,
	triggerNode,
	WEBHOOK_CREDENTIAL_TYPE,
	webhookUrls,
} from './harness/webhooks';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e-browser');
const S2S_TYPE = 'zoomWorkplaceServerToServerOAuthApi';
const WRONG_SECRET = 'wrong-secret-typed-in-the-browser';

describe(
	'the Zoom Workplace node in the n8n editor, in a real browser',
	// generous for a first run on a fresh machine (apt-get chromium, installing n8n); ~1 min after
	{ timeout: 30 * 60_000 },
	() => {
		let sim: ZoomSimulator | undefined;
		let home: N8nHome | undefined;
		let server: N8nServer | undefined;
		let browser: Browser | undefined;
		let context: BrowserContext | undefined;
		let page: Page;
		let credential: SavedCredential;
		const shots = new Screenshots(ARTIFACTS);

		before(
			async () => {
				await shots.reset();
				await readBuiltPackage(); // "run `npm run build`" when dist/ is missing
				// the browser first: if it cannot start, say so before spending time on n8n
				browser = await launchChromium();
				context = await browser.newContext({
					viewport: { width: 1440, height: 900 },
					locale: 'en-US',
					timezoneId: 'UTC',
				});
				context.setDefaultTimeout(30_000);
				context.setDefaultNavigationTimeout(60_000);
				page = await context.newPage();
				await dismissPopupsAutomatically(page);

				await ensureN8n();
				sim = await startZoomSimulator();
				home = await createN8nHome();
				server = await startN8nServer(home);
				const session = await setupOwner(server);
				const data = {
					accountId: sim.defaultApp.accountId,
					clientId: sim.defaultApp.clientId,
					clientSecret: sim.defaultApp.clientSecret,
					cloud: 'custom',
					apiBaseUrl: sim.apiBaseUrl,
					oauthBaseUrl: sim.oauthBaseUrl,
				};
				credential = await createCredential(session, {
					name: 'Zoom S2S (browser e2e)',
					type: S2S_TYPE,
					data,
				});
				// a second Server-to-Server credential, so that the node's credential is really chosen
				await createCredential(session, {
					name: 'Zoom S2S (another app)',
					type: S2S_TYPE,
					data: { ...data, clientId: 'another-client-id', clientSecret: 'another-secret' },
				});
			},
			{ timeout: 25 * 60_000 },
		);

		after(async () => {
			await context?.close().catch(() => undefined);
			await browser?.close().catch(() => undefined);
			await server?.stop();
			await home?.cleanup();
			await sim?.close();
		});

		/**
		 * One user-visible step. Steps share the page, so after a failure the rest are skipped; the
		 * failing step leaves a screenshot of what the browser showed.
		 */
		let failedStep: string | undefined;
		const step = (name: string, slug: string, fn: () => Promise<void>) =>
			it(name, { timeout: 3 * 60_000 }, async (t: TestContext) => {
				if (failedStep) return t.skip(`an earlier step failed: ${failedStep}`);
				try {
					await fn();
				} catch (err) {
					failedStep = name;
					const shot = await shots.take(page, `${slug}-FAILED`).catch(() => undefined);
					if (shot) (err as Error).message += `\n(screenshot: ${path.relative(REPO_ROOT, shot)})`;
					throw err;
				}
			});

		step('logs in on the sign-in page', 'signin', async () => {
			await page.goto(`${server!.baseUrl}/`, { waitUntil: 'domcontentloaded' });
			await page.waitForURL(/\/signin/, { timeout: 60_000 });
			await page.locator(sel.signinEmail).fill(DEFAULT_OWNER.email, { timeout: 60_000 });
			await page.locator(sel.signinPassword).fill(DEFAULT_OWNER.password);
			await shots.take(page, 'signin');
			await page.locator(sel.signinSubmit).click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
			await page.locator(sel.universalAdd).waitFor({ timeout: 60_000 });
			await shots.take(page, 'signed-in');
		});

		step('opens a new workflow', 'new-workflow', async () => {
			await page.locator(sel.universalAdd).click();
			await page.locator(sel.navigationMenuItem, { hasText: text.newWorkflow }).click();
			await page.waitForURL(/\/workflow\//, { timeout: 60_000 });
			await page.locator(sel.canvasAddFirstStep).waitFor({ timeout: 60_000 });
			await shots.take(page, 'new-workflow');
		});

		step('adds Zoom Workplace from the nodes panel by searching "Zoom"', 'add-node', async () => {
			await page.locator(sel.canvasAddFirstStep).click();
			const creator = page.locator(sel.nodeCreator);
			await creator.locator(sel.nodeCreatorSearch).first().fill('Zoom');
			const zoomWorkplace = creator.locator(sel.nodeCreatorItem).filter({
				has: page.locator(sel.nodeCreatorItemName, { hasText: /^\s*Zoom Workplace\s*$/ }),
			});
			await zoomWorkplace.waitFor();
			await shots.take(page, 'nodes-panel-search');
			await zoomWorkplace.click();
			// the node's actions, grouped by resource
			const getUser = creator.locator(sel.nodeCreatorItem).filter({
				has: page.locator(sel.nodeCreatorItemName, { hasText: /^\s*Get a user\s*$/ }),
			});
			// with the Zoom Workplace Trigger in the package, a first step lists its triggers first
			// and folds the actions away: open them
			const actions = creator.getByText(/^\s*Actions\s*\(\d+\)/).first();
			if (await actions.isVisible()) await actions.click();
			await getUser.waitFor();
			await shots.take(page, 'node-actions');
			await getUser.click();

			const ndv = page.locator(sel.ndv);
			await ndv.waitFor();
			await ndv.locator(sel.parameterInput('resource')).waitFor();
			assert.equal(await inputValue(ndv.locator(sel.parameterInput('resource'))), 'User');
			assert.equal(await inputValue(ndv.locator(sel.parameterInput('operation'))), 'Get');
			const userInputs = await ndv.locator(sel.resourceLocator('userId')).locator('input').all();
			const user = await Promise.all(userInputs.map((input) => input.inputValue()));
			assert.ok(user.includes('me'), `User should default to "me", shows ${JSON.stringify(user)}`);
			await shots.take(page, 'node-added');
		});

		step('chooses the Server-to-Server credential in the node', 'choose-credential', async () => {
			const ndv = page.locator(sel.ndv);
			await ndv.locator(sel.credentialsSelect).click();
			const option = page.locator(sel.credentialsSelectItem(credential.id));
			await option.waitFor();
			await shots.take(page, 'credential-options');
			await option.click();
			await option.waitFor({ state: 'hidden' });
			await eventually(
				`the node's credential to be "${credential.name}"`,
				async () => (await inputValue(ndv.locator(sel.credentialsSelect))) === credential.name,
			);
			await shots.take(page, 'credential-chosen');
		});

		step('opens the credential and tests it: the connection works', 'credential-test', async () => {
			await page.locator(sel.ndv).locator(sel.credentialEditButton).click();
			const modal = page.locator(sel.credentialModal);
			await modal.waitFor();
			// n8n tests a saved credential when its modal opens; "Retry" runs the test again
			await modal.locator(sel.credentialTestSuccess).waitFor({ timeout: 60_000 });
			const callsBefore = sim!.counters.tokenRequests + sim!.counters.totalApiRequests;
			const [response] = await Promise.all([
				page.waitForResponse(isCredentialTest),
				modal.getByRole('button', { name: 'Retry' }).click(),
			]);
			const result = await credentialTestResult(response);
			assert.equal(result.status, 'OK', `credential test: ${result.message}`);
			await modal.locator(sel.credentialTestSuccess).waitFor();
			await credentialTestSettled(modal);
			assert.match(
				await modal.locator(sel.credentialTestSuccess).innerText(),
				/Connection tested successfully/,
			);
			assert.ok(
				sim!.counters.tokenRequests + sim!.counters.totalApiRequests > callsBefore,
				'the credential test reached the simulator',
			);
			await shots.take(page, 'credential-test-success');
		});

		step(
			'with a wrong client secret the test fails and says why',
			'credential-test-failure',
			async () => {
				const modal = page.locator(sel.credentialModal);
				await modal.locator(sel.parameterInput('clientSecret')).locator('input').fill(WRONG_SECRET);
				// Save saves the credential and tests it
				const [response] = await Promise.all([
					page.waitForResponse(isCredentialTest),
					modal.locator(sel.credentialSave).click(),
				]);
				const result = await credentialTestResult(response);
				assert.equal(result.status, 'Error');
				const banner = modal.locator(sel.credentialTestError).filter({ hasText: text.testFailure });
				await banner.waitFor();
				await credentialTestSettled(modal);
				await banner.getByText(text.moreDetails).click();
				await banner.getByText('Invalid client_id or client_secret').waitFor();
				const shown = await banner.innerText();
				assert.match(shown, /Invalid client_id or client_secret/);
				assert.ok(!shown.includes(WRONG_SECRET), `the message echoes the secret: ${shown}`);
				await shots.take(page, 'credential-test-failure');
			},
		);

		step('puts the right secret back: the test passes again', 'credential-restored', async () => {
			const modal = page.locator(sel.credentialModal);
			await modal
				.locator(sel.parameterInput('clientSecret'))
				.locator('input')
				.fill(sim!.defaultApp.clientSecret);
			const [response] = await Promise.all([
				page.waitForResponse(isCredentialTest),
				modal.locator(sel.credentialSave).click(),
			]);
			const result = await credentialTestResult(response);
			assert.equal(result.status, 'OK', `credential test: ${result.message}`);
			await modal.locator(sel.credentialTestSuccess).waitFor();
			await credentialTestSettled(modal);
			await shots.take(page, 'credential-restored');
			await modal.getByRole('button', { name: text.closeDialog }).click();
			await modal.waitFor({ state: 'hidden' });
		});

		step('executes the node: the output panel shows the Zoom user', 'execute', async () => {
			const ndv = page.locator(sel.ndv);
			const apiCallsBefore = sim!.counters.totalApiRequests;
			await ndv.locator(sel.executeStep).click();
			const output = ndv.locator(sel.outputPanel);
			await output.locator(sel.runStatusSuccess).waitFor({ timeout: 60_000 });
			await output.getByText(OWNER_EMAIL).first().waitFor({ timeout: 30_000 });
			assert.match(await output.innerText(), /1 item/);
			assert.ok(sim!.counters.totalApiRequests > apiCallsBefore, 'the node called the simulator');
			await shots.take(page, 'node-executed');
		});

		step(
			'listening for a test event (Execute step), the Zoom Workplace Trigger receives a signed Zoom event',
			'trigger-listen',
			async () => {
				const session = await login(server!);
				const secretToken = 'browserZoomSecretToken01';
				const webhookCredential = await createCredential(session, {
					name: 'Zoom webhook (browser e2e)',
					type: WEBHOOK_CREDENTIAL_TYPE,
					data: { secretToken },
				});
				const node = triggerNode({
					credential: { id: webhookCredential.id, name: webhookCredential.name },
					events: ['meeting.started', 'meeting.ended', 'recording.completed'],
					typeVersion: 1.1, // what the nodes panel adds
				});
				const workflow = await createWorkflow(session, {
					name: 'Zoom Workplace Trigger (browser e2e)',
					nodes: [node],
				});
				await page.goto(`${server!.baseUrl}/workflow/${workflow.id}`, {
					waitUntil: 'domcontentloaded',
				});
				await page.locator(sel.canvasNode).first().dblclick({ timeout: 60_000 });
				const ndv = page.locator(sel.ndv);
				await ndv.waitFor();
				await ndv.getByText('Secret Token').first().waitFor();
				await ndv.getByText('Webhook URLs').first().click();
				await ndv.getByText('/webhook-test/').first().waitFor();
				await shots.take(page, 'trigger-node');
				// n8n 2.41: "Execute step" on a webhook trigger listens for a test event
				await ndv.locator(sel.executeStep).first().click();
				await ndv
					.getByText(/Listening for test event/i)
					.first()
					.waitFor();
				// Zoom validates the test URL first; n8n answers it without using up the listening
				const sender = new ZoomWebhookSender({
					url: webhookUrls(server!.baseUrl, node.webhookId).test,
					secretToken,
				});
				await eventually(
					"the test URL to pass Zoom's validation",
					async () => await sender.validate(),
				);
				await shots.take(page, 'trigger-listening');
				const delivery = await sender.deliver(
					meetingEvent('meeting.started', { topic: 'Browser test meeting' }),
				);
				assert.equal(delivery.delivered, true, JSON.stringify(delivery.attempts));
				const output = ndv.locator(sel.outputPanel);
				await output.getByText('Browser test meeting').first().waitFor({ timeout: 60_000 });
				assert.match(await output.innerText(), /meeting\.started/);
				await shots.take(page, 'trigger-event-received');
			},
		);

		step(
			'Connection WebSocket: no URL to configure; Execute step connects to Zoom and receives an event',
			'trigger-websocket',
			async () => {
				const session = await login(server!);
				const workflow = await createWorkflow(session, {
					name: 'Zoom Workplace Trigger over WebSocket (browser e2e)',
					nodes: [
						{
							name: 'Zoom Workplace Trigger',
							type: 'n8n-nodes-zoom.zoomWorkplaceTrigger',
							typeVersion: 1.1,
							parameters: {
								connection: 'webSocket',
								webSocketUrl: sim!.webSocketUrl,
								events: ['meeting.started'],
								options: {},
							},
							credentials: { [S2S_TYPE]: { id: credential.id, name: credential.name } },
						},
					],
				});
				await page.goto(`${server!.baseUrl}/workflow/${workflow.id}`, {
					waitUntil: 'domcontentloaded',
				});
				await page.locator(sel.canvasNode).first().dblclick({ timeout: 60_000 });
				const ndv = page.locator(sel.ndv);
				await ndv.waitFor();
				await ndv.getByText('WebSocket URL').first().waitFor();
				await ndv.getByText('Zoom does not replay events', { exact: false }).first().waitFor();
				assert.equal(await ndv.getByText('Webhook URLs').count(), 0, 'no webhook URL shown');
				assert.equal(await ndv.getByText('Secret Token').count(), 0);
				await shots.take(page, 'trigger-websocket-node');
				const before = sim!.webSockets.connections.length;
				await ndv.locator(sel.executeStep).first().click();
				await sim!.webSockets.waitFor(
					() => sim!.webSockets.connections.length > before && sim!.webSockets.open().length === 1,
					60_000,
					'the editor run to connect',
				);
				await shots.take(page, 'trigger-websocket-listening');
				// build_connection precedes the event on the socket: the trigger is listening
				await eventually('the simulator to deliver the event', async () =>
					sim!.webSockets.sendEvent(
						meetingEvent('meeting.started', { topic: 'Browser WebSocket meeting' }),
					) === 1,
				);
				const output = ndv.locator(sel.outputPanel);
				await output.getByText('Browser WebSocket meeting').first().waitFor({ timeout: 60_000 });
				assert.match(await output.innerText(), /meeting\.started/);
				await shots.take(page, 'trigger-websocket-event-received');
				// the run is over: its connection is closed
				await sim!.webSockets.waitFor(
					() => sim!.webSockets.open().length === 0,
					30_000,
					'the editor run to close its connection',
				);
			},
		);
	},
);
