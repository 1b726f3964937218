import type { IDataObject } from 'n8n-workflow';

/*
 * After a create whose answer was lost (a 5xx, a dropped connection), the transport asks the
 * operation whether that attempt created the object before it tries again. Each kind lists its
 * candidates (I/O, in its adapter); which candidate is the one created is decided here, once.
 */

/** Zoom's clock and ours may differ a little: an object created this much before the attempt may still be its. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** Whether what Zoom lists matches what was sent, for one field. */
export type Comparison = (sent: unknown, found: unknown) => boolean;

/** The same value (as text: Zoom may list a number sent as text, or the reverse). */
export const same: Comparison = (sent, found) => String(sent) === String(found);

/** Compared only when both sides have a value: an optional field sent, or listed, on one side only says nothing. */
export const sameWhenSent: Comparison = (sent, found) =>
	sent === undefined || found === undefined || same(sent, found);

/** The same email address, whatever its case (Zoom keeps addresses as typed). */
export const sameEmail: Comparison = (sent, found) =>
	String(sent).toLowerCase() === String(found ?? '').toLowerCase();

/**
 * The same start instant when a UTC time (…Z) was sent; a local time sent with a time zone is
 * not compared, as Zoom lists start times in UTC.
 */
export const sameStartWhenUtc: Comparison = (sent, found) => {
	if (typeof sent !== 'string' || !sent.endsWith('Z') || typeof found !== 'string') return true;
	return Date.parse(sent) === Date.parse(found);
};

/** Zoom's lists cut an agenda to its first 250 characters (the spec of List meetings / webinars). */
const LISTED_AGENDA_LENGTH = 250;

/** The same agenda as far as Zoom lists it, when both sides have one. */
export const sameListedAgenda: Comparison = (sent, found) =>
	sent === undefined ||
	found === undefined ||
	String(sent).slice(0, LISTED_AGENDA_LENGTH) === String(found).slice(0, LISTED_AGENDA_LENGTH);

export interface CreatedQuery {
	/** What the create sent (Zoom's names), with Zoom's defaults for what it left out. */
	sent: IDataObject;
	/** Per field of `sent`, how the candidate's value must compare. */
	compare: Readonly<Record<string, Comparison>>;
	/**
	 * Only objects created since the attempt began (less CLOCK_SKEW_MS) are its; one whose
	 * creation time is unknown (NaN) is not taken. Without it any age is taken: for objects Zoom
	 * keeps one of per key (a registration per email), the one that exists is the one a repeated
	 * create would answer with.
	 */
	since?: { attemptStartedAt: number; createdAt: (candidate: IDataObject) => number };
	/** Candidates already given to another item (two items never get the same object). */
	taken?: (candidate: IDataObject) => boolean;
}

/**
 * The object the lost attempt created, among `candidates`: the oldest that matches what was sent,
 * is not taken and is young enough (a later one is more likely another item's), else undefined.
 */
export function findCreated(
	candidates: readonly IDataObject[],
	query: CreatedQuery,
): IDataObject | undefined {
	const { sent, compare, since, taken } = query;
	const age = (candidate: IDataObject) => (since ? since.createdAt(candidate) : 0);
	const matching = candidates.filter(
		(candidate) =>
			!taken?.(candidate) &&
			Object.entries(compare).every(([field, comparison]) =>
				comparison(sent[field], candidate[field]),
			) &&
			(!since || age(candidate) >= since.attemptStartedAt - CLOCK_SKEW_MS),
	);
	// A stable sort: without creation times the first listed wins.
	return matching.sort((a, b) => age(a) - age(b))[0];
}

/** A creation time as Zoom writes it (ISO 8601), NaN when missing or unreadable. */
export function creationTime(value: unknown): number {
	return typeof value === 'string' ? Date.parse(value) : NaN;
}
