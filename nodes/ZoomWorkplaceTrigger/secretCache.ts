/**
 * The Secret Token, kept for a short time in this process.
 *
 * Reading a credential costs n8n database queries and a decryption. Under a burst of deliveries
 * (Zoom sends events concurrently) those reads queue behind the executions' own writes and became
 * the slowest part of answering Zoom (measured in bench/trigger.ts). So a token read is reused for
 * SECRET_TTL_MS, concurrent first reads share one load, and a signature that fails against a kept
 * token re-reads the credential (at most once per REFRESH_INTERVAL_MS) before refusing: a Secret
 * Token changed in n8n applies at once. After SECRET_TTL_MS the kept token is still used while one
 * read renews it in the background (no request waits for a read queued behind a burst's writes);
 * an old token is accepted until that read has returned.
 */
export const SECRET_TTL_MS = 30_000;
export const REFRESH_INTERVAL_MS = 2_000;

interface Entry {
	value?: string;
	loadedAt: number;
	pending?: Promise<string>;
}

export class SecretCache {
	private readonly entries = new Map<string, Entry>();

	constructor(
		private readonly ttlMs = SECRET_TTL_MS,
		private readonly refreshIntervalMs = REFRESH_INTERVAL_MS,
	) {}

	/**
	 * The kept token; past the TTL it is still returned while one background read renews it.
	 * Only a key with no token kept waits for a (shared) load.
	 */
	async get(key: string, load: () => Promise<string>, now: number): Promise<string> {
		const entry = this.entries.get(key);
		if (entry?.value === undefined) return await this.load(key, load, now);
		if (now - entry.loadedAt >= this.ttlMs && !entry.pending)
			// a failed read drops the entry: the next request then waits for a read of its own
			this.load(key, load, now).catch(() => undefined);
		return entry.value;
	}

	/**
	 * Re-reads after a failed check with a kept token; undefined when the token was read too
	 * recently to be worth another read (a flood of bad signatures costs no database reads).
	 */
	async refresh(
		key: string,
		load: () => Promise<string>,
		now: number,
	): Promise<string | undefined> {
		const entry = this.entries.get(key);
		if (entry?.pending) return await entry.pending;
		if (entry && now - entry.loadedAt < this.refreshIntervalMs) return undefined;
		return await this.load(key, load, now);
	}

	private async load(key: string, load: () => Promise<string>, now: number): Promise<string> {
		const entry = this.entries.get(key);
		if (entry?.pending) return await entry.pending;
		const pending = load().then(
			(value) => {
				this.entries.set(key, { value, loadedAt: now });
				return value;
			},
			async (error: unknown) => {
				// nothing kept: the next request reads the credential again
				this.entries.delete(key);
				return await Promise.reject(error);
			},
		);
		this.entries.set(key, { value: entry?.value, loadedAt: entry?.loadedAt ?? 0, pending });
		return await pending;
	}
}

export const secretTokens = new SecretCache();
