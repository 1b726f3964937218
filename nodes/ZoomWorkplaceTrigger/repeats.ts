/**
 * Repeated deliveries. Zoom retries a delivery it thinks failed (no 200/204 within 3 s) after 5,
 * 20 and 60 minutes, so one event can arrive up to four times over about 85 minutes. A repeat is
 * recognised by a key built from the event name, its `event_ts` and the object it is about.
 *
 * The memory is this process's: a map of the last MAX_MEMORY_KEYS keys, each kept REMEMBER_MS.
 * Exact for copies reaching the same n8n process, even at the same moment; forgotten on restart;
 * not shared between the webhook processes of a queue-mode set-up. (n8n's workflow static data
 * would survive restarts, but n8n 2.41 does not save a change made to it in the webhook phase
 * when that webhook starts an execution: LiveWebhooks saves it after WorkflowRunner.run, which
 * has already re-initialised the shared static data object's change flag.)
 */
/** Zoom's last retry comes ~85 minutes after the first attempt: remember for 3 hours. */
export const REMEMBER_MS = 3 * 60 * 60 * 1000;
export const MAX_MEMORY_KEYS = 10_000;

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

/** A bounded map of keys with expiry; insertion order is age order. */
export class RepeatMemory {
	private readonly seen = new Map<string, number>();
	/** deliveries recorded but not answered yet: whether their execution started */
	private readonly pending = new Map<string, Promise<boolean>>();

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

	/**
	 * Keeps `key` recorded while its delivery is in flight and afterwards when `started` resolves
	 * true (its execution started); forgets it when it resolves false or rejects, so the retry of
	 * a delivery whose execution did not start is not dropped.
	 */
	track(key: string, started: Promise<boolean>): void {
		const outcome = started.then(
			(value) => value,
			() => false,
		);
		this.pending.set(key, outcome);
		void outcome.then((value) => {
			if (this.pending.get(key) === outcome) this.pending.delete(key);
			if (!value) this.forget(key);
		});
	}

	/** For a recorded key whose first delivery is still in flight: whether its execution started. */
	inFlight(key: string): Promise<boolean> | undefined {
		return this.pending.get(key);
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
