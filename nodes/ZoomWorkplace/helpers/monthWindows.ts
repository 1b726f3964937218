import { zoomDateTime } from './time';

/**
 * Zoom's recording list answers at most one month per request (`from`/`to`, UTC dates). A range
 * of any length is split here into consecutive, non-overlapping windows of at most one month:
 * each window starts the day after the previous one ends, and ends one month after its start,
 * minus one day (Jan 1 → Jan 31, Feb 1 → Feb 28, …), so a year is twelve requests.
 */

export interface DateWindow {
	/** yyyy-MM-dd, inclusive. */
	from: string;
	/** yyyy-MM-dd, inclusive. */
	to: string;
}

const DAY_MS = 86_400_000;

function parseDate(value: string): number {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) throw new RangeError(`"${value}" is not a date such as 2026-12-31`);
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const time = Date.UTC(year, month - 1, day);
	const check = new Date(time);
	if (
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day
	) {
		throw new RangeError(`"${value}" is not a date of the calendar`);
	}
	return time;
}

function formatDate(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

/** The same day one month later; clamped to the month's last day (Jan 31 → Feb 28). */
function addOneMonth(time: number): number {
	const date = new Date(time);
	const year = date.getUTCFullYear();
	const month = date.getUTCMonth() + 1;
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay));
}

/** Windows covering `from`…`to` (inclusive), oldest first. Throws when `to` is before `from`. */
export function monthWindows(from: string, to: string): DateWindow[] {
	const start = parseDate(from);
	const end = parseDate(to);
	if (end < start) throw new RangeError(`"${to}" is before "${from}"`);
	const windows: DateWindow[] = [];
	for (let cursor = start; cursor <= end; ) {
		const windowEnd = Math.min(addOneMonth(cursor) - DAY_MS, end);
		windows.push({ from: formatDate(cursor), to: formatDate(windowEnd) });
		cursor = windowEnd + DAY_MS;
	}
	return windows;
}

/** A window of instants, as Zoom's date-time filters take them (`yyyy-MM-ddTHH:mm:ssZ`). */
export interface DateTimeWindow {
	/** Inclusive. */
	from: string;
	/** Inclusive. */
	to: string;
}

const SECOND_MS = 1000;

/** The same wall-clock instant one calendar month later (UTC), clamped to the month's last day. */
function addOneMonthKeepingTime(time: number): number {
	const dayStart = Math.floor(time / DAY_MS) * DAY_MS;
	return addOneMonth(dayStart) + (time - dayStart);
}

/**
 * Splits the instants `fromMs`…`toMs` (whole seconds, inclusive) into consecutive windows of at
 * most one calendar month, oldest first: each starts one second after the previous one ends, so
 * a time of Zoom's (whole seconds) falls into exactly one window. Throws when `to` is before `from`.
 */
export function monthWindowsOfInstants(fromMs: number, toMs: number): DateTimeWindow[] {
	if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) throw new RangeError('not a date');
	const start = Math.floor(fromMs / SECOND_MS) * SECOND_MS;
	const end = Math.floor(toMs / SECOND_MS) * SECOND_MS;
	if (end < start) throw new RangeError(`${zoomDateTime(end)} is before ${zoomDateTime(start)}`);
	const windows: DateTimeWindow[] = [];
	for (let cursor = start; cursor <= end; ) {
		const windowEnd = Math.min(addOneMonthKeepingTime(cursor) - SECOND_MS, end);
		windows.push({ from: zoomDateTime(cursor), to: zoomDateTime(windowEnd) });
		cursor = windowEnd + SECOND_MS;
	}
	return windows;
}
