/**
 * Repeated deliveries. Zoom retries a delivery it thinks failed (no 200/204 within 3 s) after 5,
 * 20 and 60 minutes, so one event can arrive up to four times over about 85 minutes. A repeat is
 * recognised by a key built from the event name, its `event_ts` and the object it is about.
 *
 * Two memories, both bounded:
 * - this process (always): a map of the last MAX_MEMORY_KEYS keys, each kept REMEMBER_MS. Exact
 *   for copies reaching the same n8n process, even at the same moment; forgotten on restart;
 *   not shared between the webhook processes of a queue-mode set-up.
 * - the workflow's static data (optional): the last MAX_STORED_KEYS keys as short hashes, saved by
 *   n8n in its database after each production webhook call. It survives restarts and is read by
 *   every webhook process, but n8n saves static data whole (last writer wins), so copies arriving
 *   at the same moment in different processes can both pass.
 */
import { createHash } from 'crypto';

/** Zoom's last retry comes ~85 minutes after the first attempt: remember for 3 hours. */
export const REMEMBER_MS = 3 * 60 * 60 * 1000;
export const MAX_MEMORY_KEYS = 10_000;
export const MAX_STORED_KEYS = 1_000;

interface ZoomEventLike {
	event?: unknown;
	event_ts?: unknown;
	payload?: {
		object?: {
			id?: unknown;
			uuid?: unknown;
			participant?: Record<string, unknown>;
			registrant?: Record<string, unknown>;
		};
	};
}

function part(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * The identity of one event: name, `event_ts`, the object's uuid or id and, for participant and
 * registrant events, who (two people joining in the same millisecond are two events).
 * Undefined when the body lacks the fields to tell events apart (those are never dropped).
 */
export function repeatKey(body: unknown): string | undefined {
	const event = (body ?? {}) as ZoomEventLike;
	const name = part(event.event);
	const ts = part(event.event_ts);
	if (!name || !ts) return undefined;
	const object = event.payload?.object ?? {};
	const who = object.participant ?? object.registrant ?? {};
	return [
		name,
		ts,
		part(object.uuid) || part(object.id),
		part(who.participant_uuid) || part(who.user_id) || part(who.id) || part(who.email),
	].join('|');
}

/** A short stable hash of a key, for the copy kept in the workflow's static data. */
export function storedKey(key: string): string {
	return createHash('sha256').update(key).digest('base64url').slice(0, 16);
}

/** A bounded map of keys with expiry; insertion order is age order. */
export class RepeatMemory {
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly maxKeys = MAX_MEMORY_KEYS,
		private readonly rememberMs = REMEMBER_MS,
	) {}

	/** True when `key` was recorded less than rememberMs ago; records it otherwise. */
	checkAndRecord(key: string, now: number): boolean {
		this.evict(now);
		const at = this.seen.get(key);
		if (at !== undefined && now - at < this.rememberMs) return true;
		this.seen.delete(key);
		this.seen.set(key, now);
		while (this.seen.size > this.maxKeys) {
			const oldest = this.seen.keys().next().value as string;
			this.seen.delete(oldest);
		}
		return false;
	}

	/** Forgets a key (a delivery that was recorded but could not start its workflow). */
	forget(key: string): void {
		this.seen.delete(key);
	}

	get size(): number {
		return this.seen.size;
	}

	private evict(now: number): void {
		for (const [key, at] of this.seen) {
			if (now - at < this.rememberMs) break;
			this.seen.delete(key);
		}
	}
}

/** One memory per trigger node (workflow id + node id), for this process. */
const memories = new Map<string, RepeatMemory>();

export function memoryFor(scope: string): RepeatMemory {
	let memory = memories.get(scope);
	if (!memory) {
		memory = new RepeatMemory();
		memories.set(scope, memory);
	}
	return memory;
}

/** The static-data record: stored key → time first seen (ms). */
export type StoredRepeats = Record<string, number>;

/**
 * Checks and records a key in the static-data record, pruning expired and surplus entries.
 * Returns whether it was a repeat and the record to save.
 */
export function checkStored(
	stored: StoredRepeats | undefined,
	key: string,
	now: number,
	maxKeys = MAX_STORED_KEYS,
	rememberMs = REMEMBER_MS,
): { repeat: boolean; next: StoredRepeats } {
	const hashed = storedKey(key);
	const live = Object.entries(stored ?? {}).filter(
		([, at]) => typeof at === 'number' && now - at < rememberMs,
	);
	const repeat = live.some(([k]) => k === hashed);
	if (!repeat) live.push([hashed, now]);
	live.sort((a, b) => a[1] - b[1]);
	return { repeat, next: Object.fromEntries(live.slice(-maxKeys)) };
}
