/**
 * Pure pieces of batching: which input items share one Zoom request. Zoom takes up to 30
 * registrants per status change, batch registration or panelist add.
 */

/** Zoom's documented maximum of registrants / panelists per batch request. */
export const ZOOM_BATCH_LIMIT = 30;

/** Entries with the same key, in the order their first entry appeared. */
export interface BatchGroup<T> {
	key: string;
	entries: T[];
}

export function groupBy<T>(entries: readonly T[], keyOf: (entry: T) => string): BatchGroup<T>[] {
	const groups = new Map<string, T[]>();
	for (const entry of entries) {
		const key = keyOf(entry);
		const group = groups.get(key);
		if (group) group.push(entry);
		else groups.set(key, [entry]);
	}
	return [...groups].map(([key, grouped]) => ({ key, entries: grouped }));
}

/**
 * Splits `entries` into requests of at most `size`, in input order, never putting two entries
 * with the same identity (e.g. the same email) into one request: Zoom would merge them, and
 * each input item must get its own answer.
 */
export function chunkUnique<T>(
	entries: readonly T[],
	size: number,
	identityOf: (entry: T) => string,
): T[][] {
	if (!Number.isInteger(size) || size < 1) throw new RangeError('size must be a positive integer');
	const chunks: Array<{ entries: T[]; identities: Set<string> }> = [];
	for (const entry of entries) {
		const identity = identityOf(entry);
		let target = chunks.find(
			(chunk) => chunk.entries.length < size && !chunk.identities.has(identity),
		);
		if (!target) {
			target = { entries: [], identities: new Set() };
			chunks.push(target);
		}
		target.entries.push(entry);
		target.identities.add(identity);
	}
	return chunks.map((chunk) => chunk.entries);
}

/** The fewest requests `count` entries need at `size` per request. */
export function requestsNeeded(count: number, size = ZOOM_BATCH_LIMIT): number {
	return Math.ceil(count / size);
}

/**
 * Runs the tasks, at most `limit` at a time. Tasks record their own outcome and never throw,
 * so one failing request never hides the others' results.
 */
export async function runLimited(
	tasks: ReadonlyArray<() => Promise<void>>,
	limit: number,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) await tasks[next++]();
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
}
