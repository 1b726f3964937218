const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			weekday: 'short',
		});
		formatters.set(timeZone, f);
	}
	return f;
}

export function isValidTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

export interface WallClock {
	year: number;
	month: number; // 1-12
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** The wall-clock reading in `timeZone` at the instant `utcMs`. */
export function wallClock(utcMs: number, timeZone: string): WallClock {
	const parts: Record<string, string> = {};
	for (const p of formatterFor(timeZone).formatToParts(new Date(utcMs))) parts[p.type] = p.value;
	return {
		year: Number(parts.year),
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour) % 24,
		minute: Number(parts.minute),
		second: Number(parts.second),
	};
}

function offsetMs(utcMs: number, timeZone: string): number {
	const w = wallClock(utcMs, timeZone);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Zoom reads a start_time without 'Z' as local time in the meeting's time zone. */
export function zonedToUtc(w: WallClock, timeZone: string): number {
	const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	const first = offsetMs(guess, timeZone);
	const utc = guess - first;
	const second = offsetMs(utc, timeZone);
	return second === first ? utc : guess - second;
}

/** Zoom's wire format: 'yyyy-MM-ddTHH:mm:ssZ' (no milliseconds). */
export function isoSeconds(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const START_TIME =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Parses a request's start_time; undefined when it is not a date-time Zoom would accept. */
export function parseStartTime(value: string, timeZone: string): number | undefined {
	const m = START_TIME.exec(value);
	if (!m) return undefined;
	const w: WallClock = {
		year: Number(m[1]),
		month: Number(m[2]),
		day: Number(m[3]),
		hour: Number(m[4]),
		minute: Number(m[5]),
		second: Number(m[6] ?? 0),
	};
	if (
		w.month < 1 ||
		w.month > 12 ||
		w.day < 1 ||
		w.day > 31 ||
		w.hour > 23 ||
		w.minute > 59 ||
		w.second > 59
	)
		return undefined;
	const check = new Date(Date.UTC(w.year, w.month - 1, w.day));
	if (check.getUTCDate() !== w.day) return undefined;
	const zone = m[7];
	if (zone === undefined) return zonedToUtc(w, timeZone);
	const utc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	if (zone === 'Z') return utc;
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
	return utc - sign * minutes * 60_000;
}

export function utcDayKey(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function nextUtcMidnight(ms: number): number {
	const d = new Date(ms);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

/** 'Mar 25, 2022 03:32 PM', the way Zoom's invitation text shows times. */
export function invitationTime(utcMs: number, timeZone: string): string {
	const text = new Intl.DateTimeFormat('en-US', {
		timeZone,
		month: 'short',
		day: 'numeric',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hour12: true,
	}).format(new Date(utcMs));
	return text.replace(/,(\s\d{2}:)/, '$1').replace(/\u202f/g, ' ');
}
