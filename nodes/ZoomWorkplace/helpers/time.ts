/** Zoom's start_time formats: "yyyy-MM-ddTHH:mm:ssZ" (UTC) or "yyyy-MM-ddTHH:mm:ss" with a `timezone`. */

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export interface ZoomStartTime {
	/** Value for Zoom's `start_time`. */
	startTime: string;
	/** Zoom time zone to send with it (undefined when the time is already UTC and none was chosen). */
	timezone?: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatUtc(date: Date): string {
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`;
}

/**
 * Turns what n8n gives for a date-time (an ISO string with or without offset, or a Date) into
 * Zoom's format. A time with an offset is converted to UTC; a time without one is local time
 * in `timezone` (the chosen zone, else the workflow's). Returns undefined when it is no date.
 */
export function toZoomStartTime(
	value: unknown,
	timezone: string | undefined,
): ZoomStartTime | undefined {
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? undefined : { startTime: formatUtc(value), timezone };
	}
	const text = String(value ?? '').trim();
	const match = DATE_TIME.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h = '00', mi = '00', s = '00', offset] = match;
	const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
	const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	if (
		probe.getUTCFullYear() !== year ||
		probe.getUTCMonth() !== month - 1 ||
		probe.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		return undefined;
	}
	if (offset) {
		const parsed = new Date(text.replace(' ', 'T'));
		if (Number.isNaN(parsed.getTime())) return undefined;
		return { startTime: formatUtc(parsed), timezone };
	}
	return {
		startTime: `${y}-${mo}-${d}T${pad(hour)}:${pad(minute)}:${pad(second)}`,
		timezone,
	};
}

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `utcMs`, in ms. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const wall = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second'),
	);
	return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Converts a local wall-clock time (`yyyy-MM-ddTHH:mm:ss`, as toZoomStartTime returns it) in
 * `timeZone` to Zoom's UTC form `yyyy-MM-ddTHH:mm:ssZ`. A time already in UTC is returned as it
 * is. Returns undefined for a time zone the runtime does not know.
 */
export function localTimeToUtc(local: string, timeZone: string): string | undefined {
	if (local.endsWith('Z')) return local;
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(local);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s] = match.map(Number);
	const wall = Date.UTC(y, mo - 1, d, h, mi, s);
	try {
		// The offset at the guessed instant, then again at the corrected one (a DST change between).
		const first = wall - zoneOffsetMs(wall, timeZone);
		const utc = wall - zoneOffsetMs(first, timeZone);
		return formatUtc(new Date(utc));
	} catch {
		return undefined;
	}
}

/**
 * The instant (ms since 1970) a From/To field names: a date-time with an offset as it is; one
 * without an offset in `timeZone` (the workflow's); a date alone at the start of that day, or —
 * with `endOfDay`, for a "To" — at its last second. A Date or Luxon DateTime from an expression
 * is taken as it is. Undefined when the value is no date.
 */
export function instantOf(
	value: unknown,
	timeZone: string,
	options: { endOfDay?: boolean } = {},
): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	const text =
		value !== null && typeof value === 'object' ? String(value) : String(value ?? '').trim();
	const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
	const parsed = toZoomStartTime(
		dateOnly && options.endOfDay ? `${text}T23:59:59` : text,
		undefined,
	);
	if (!parsed) return undefined;
	const utc = parsed.startTime.endsWith('Z')
		? parsed.startTime
		: localTimeToUtc(parsed.startTime, timeZone);
	return utc === undefined ? undefined : Date.parse(utc);
}

/** An instant as Zoom's date-time filters take it: `yyyy-MM-ddTHH:mm:ssZ` (UTC, no milliseconds). */
export function zoomDateTime(time: number): string {
	return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
