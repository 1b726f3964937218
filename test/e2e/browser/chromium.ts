/**
 * Chromium for the browser end-to-end test: Debian's `chromium` package (installed by
 * scripts/ensure-chromium.sh with apt-get), driven by playwright-core. Headless, loopback only,
 * a fresh profile per launch (Playwright creates a temporary user-data-dir and removes it on close).
 *
 *   CHROMIUM_PATH   another Chromium/Chrome binary (default /usr/bin/chromium)
 *   E2E_BROWSER_SKIP_INSTALL=1   never run apt-get; fail if the binary is missing
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { chromium, type Browser } from 'playwright-core';

import { REPO_ROOT } from '../harness/n8n';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ENSURE_SCRIPT = path.join(REPO_ROOT, 'scripts', 'ensure-chromium.sh');

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

export class BrowserUnavailableError extends Error {
	constructor(message: string) {
		super(`The browser end-to-end test cannot start Chromium: ${message}`);
		this.name = 'BrowserUnavailableError';
	}
}

/** Installs Debian's chromium when it is missing (scripts/ensure-chromium.sh); throws if it can't. */
export function ensureChromium(): void {
	if (existsSync(CHROMIUM_PATH)) return;
	if (process.env.E2E_BROWSER_SKIP_INSTALL === '1') {
		throw new BrowserUnavailableError(
			`${CHROMIUM_PATH} does not exist (E2E_BROWSER_SKIP_INSTALL=1: not installing it). ` +
				'Run scripts/ensure-chromium.sh as root, or set CHROMIUM_PATH.',
		);
	}
	const res = spawnSync('sh', [ENSURE_SCRIPT], {
		encoding: 'utf8',
		env: process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 15 * 60_000,
	});
	if (res.status !== 0 || !existsSync(CHROMIUM_PATH)) {
		const why = (res.stderr || res.stdout || res.error?.message || '').trim();
		throw new BrowserUnavailableError(
			`${CHROMIUM_PATH} is missing and scripts/ensure-chromium.sh could not install it ` +
				`(exit ${res.status ?? res.signal}):\n${why}`,
		);
	}
}

/** Starts headless Chromium; the error says clearly that the browser could not start, and why. */
export async function launchChromium(): Promise<Browser> {
	ensureChromium();
	try {
		return await chromium.launch({
			executablePath: CHROMIUM_PATH,
			headless: true,
			args: CHROMIUM_ARGS,
			timeout: 60_000,
		});
	} catch (err) {
		throw new BrowserUnavailableError(
			`launching ${CHROMIUM_PATH} failed: ${launchFailure(err as Error)}\n` +
				'Check that `' +
				CHROMIUM_PATH +
				" --headless --no-sandbox --dump-dom about:blank` works (scripts/ensure-chromium.sh installs Debian's chromium).",
		);
	}
}

/** Playwright's launch error without its long command lines and call log: what the browser said. */
function launchFailure(err: Error): string {
	const lines: string[] = [];
	for (const line of err.message.split('\n')) {
		if (/^\s*Call log:/.test(line)) break;
		if (line.includes('<launching>')) continue;
		if (line.trim()) lines.push(line.trimEnd());
	}
	return lines.slice(0, 20).join('\n');
}
