/**
 * The parts of the n8n 2.41.1 editor the browser test touches, found in the running editor
 * (its `data-test-id` attributes and English texts from n8n-editor-ui's bundle).
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import type { Locator, Page, Response } from 'playwright-core';

const tid = (id: string) => `[data-test-id="${id}"]`;

export const sel = {
	// /signin
	signinEmail: `${tid('emailOrLdapLoginId')} input`,
	signinPassword: `${tid('password')} input`,
	signinSubmit: tid('form-submit-button'),
	// main sidebar: "+" → "New workflow"
	universalAdd: tid('universal-add'),
	navigationMenuItem: tid('navigation-menu-item'),
	// canvas and nodes panel ("node creator")
	canvas: tid('canvas'),
	canvasAddFirstStep: tid('canvas-add-button'),
	canvasNode: tid('canvas-node'),
	nodeCreator: tid('node-creator'),
	nodeCreatorSearch: `${tid('node-creator-search-bar')} input, input${tid('node-creator-search-bar')}`,
	nodeCreatorItem: tid('item-iterator-item'),
	nodeCreatorItemName: tid('node-creator-item-name'),
	// node details view
	ndv: tid('ndv'),
	credentialsSelect: tid('node-credentials-select'),
	credentialsSelectItem: (id: string) => tid(`node-credentials-select-item-${id}`),
	credentialEditButton: tid('credential-edit-button'),
	parameterInput: (name: string) => tid(`parameter-input-${name}`),
	resourceLocator: (name: string) => tid(`resource-locator-${name}`),
	executeStep: tid('node-execute-button'),
	outputPanel: tid('output-panel'),
	runStatusSuccess: tid('node-run-status-success'),
	// credential modal
	credentialModal: tid('editCredential-modal'),
	credentialSave: tid('credential-save-button'),
	credentialTestSuccess: tid('credentials-config-container-test-success'),
	/** the red banner has no test id: an el-tag of type danger */
	credentialTestError: '.el-tag--danger',
} as const;

export const text = {
	newWorkflow: 'New workflow',
	testSuccess: 'Connection tested successfully',
	/** n8n writes it with a typographic apostrophe */
	testFailure: 'Couldn’t connect with these settings',
	moreDetails: 'More details',
	retryTitle: 'Retry credential test',
	closeDialog: 'Close this dialog',
} as const;

/**
 * Pop-ups that may cover the page on a fresh instance (NPS survey, version notes, banners):
 * whenever one of them is in the way of an action, Playwright runs its handler first.
 */
export async function dismissPopupsAutomatically(page: Page): Promise<void> {
	const closeDrawer = async (drawer: Locator) => {
		const close = drawer.getByRole('button', { name: text.closeDialog });
		if (await close.isVisible()) await close.click();
		else await page.keyboard.press('Escape');
	};
	for (const id of ['nps-survey-modal', 'version-updates-panel']) {
		const drawer = page.locator(tid(id));
		await page.addLocatorHandler(drawer, closeDrawer, { noWaitAfter: true });
	}
	for (const [banner, dismiss] of [
		['notification-permission-banner', 'notification-banner-dismiss'],
		['credit-warning-banner', 'credit-banner-dismiss'],
	] as const) {
		await page.addLocatorHandler(
			page.locator(tid(banner)),
			async (b) => {
				const button = b.locator(tid(dismiss));
				if (await button.isVisible()) await button.click();
			},
			{ noWaitAfter: true },
		);
	}
}

/** Polls until `check` returns a truthy value (or throws its last error after `timeoutMs`). */
export async function eventually<T>(
	what: string,
	check: () => Promise<T | undefined | null | false>,
	timeoutMs = 30_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value) return value;
			last = undefined;
		} catch (err) {
			last = err;
		}
		if (Date.now() > deadline) {
			throw new Error(
				`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`,
			);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** Waits until the credential test in the modal is over: its banner's "Retry" button is idle. */
export async function credentialTestSettled(modal: Locator): Promise<void> {
	const retry = modal
		.locator(`button[title="${text.retryTitle}"]`)
		.filter({ visible: true })
		.first();
	await eventually('the credential test to finish', async () => {
		// a loading n8n button is aria-busy and shows a spinner that fades out when it is done
		return (
			(await retry.isEnabled()) &&
			(await retry.getAttribute('aria-busy')) !== 'true' &&
			(await retry.locator('.n8n-spinner').count()) === 0
		);
	});
}

/** The value shown in the first <input> of an element (n8n's selects render their value there). */
export async function inputValue(scope: Locator): Promise<string> {
	return await scope.locator('input').first().inputValue();
}

/** The editor's credential test: `POST /rest/credentials/test` and its `{data: {status, message}}`. */
export function isCredentialTest(response: Response): boolean {
	return (
		response.url().includes('/rest/credentials/test') && response.request().method() === 'POST'
	);
}

export async function credentialTestResult(
	response: Response,
): Promise<{ status: string; message: string }> {
	const body = (await response.json()) as { data: { status: string; message: string } };
	return body.data;
}

/** Numbered screenshots (`NN-name.png`) in one folder, emptied of old ones first. */
export class Screenshots {
	private n = 0;
	readonly taken: string[] = [];

	constructor(readonly dir: string) {}

	async reset(): Promise<void> {
		await fs.mkdir(this.dir, { recursive: true });
		for (const file of await fs.readdir(this.dir)) {
			if (file.endsWith('.png')) await fs.rm(path.join(this.dir, file), { force: true });
		}
	}

	async take(page: Page, name: string): Promise<string> {
		this.n += 1;
		const file = path.join(this.dir, `${String(this.n).padStart(2, '0')}-${name}.png`);
		await page.screenshot({ path: file, timeout: 30_000 });
		this.taken.push(file);
		return file;
	}
}
