import type { FieldError } from './errors';
import type { ZoomOccurrence, ZoomRecurrence } from './types';
import { isoSeconds, parseStartTime, wallClock, zonedToUtc } from './time';

// Zoom's documented bounds: daily every ≤90 days, weekly ≤12 weeks, monthly ≤3 months; ≤60 occurrences.
const MAX_INTERVAL: Record<number, number> = { 1: 90, 2: 12, 3: 3 };
const MAX_OCCURRENCES = 60;

function isInt(v: unknown): v is number {
	return typeof v === 'number' && Number.isInteger(v);
}

/** Checks a request's recurrence object and fills Zoom's defaults. */
export function normaliseRecurrence(
	input: unknown,
	errors: FieldError[],
): ZoomRecurrence | undefined {
	if (input === undefined || input === null) input = {};
	if (typeof input !== 'object' || Array.isArray(input)) {
		errors.push({ field: 'recurrence', message: 'Invalid field.' });
		return undefined;
	}
	const r = input as Record<string, unknown>;
	const type = r.type ?? 1;
	if (!isInt(type) || ![1, 2, 3].includes(type)) {
		errors.push({ field: 'recurrence.type', message: 'Invalid field.' });
		return undefined;
	}
	const out: ZoomRecurrence = { type, repeat_interval: 1 };
	const interval = r.repeat_interval ?? 1;
	if (!isInt(interval) || interval < 1 || interval > MAX_INTERVAL[type]) {
		errors.push({ field: 'recurrence.repeat_interval', message: 'Invalid field.' });
	} else out.repeat_interval = interval;

	if (type === 2) {
		const days = String(r.weekly_days ?? '1');
		if (!/^[1-7](,[1-7])*$/.test(days))
			errors.push({ field: 'recurrence.weekly_days', message: 'Invalid field.' });
		else out.weekly_days = days;
	}
	if (type === 3) {
		if (r.monthly_week !== undefined || r.monthly_week_day !== undefined) {
			if (!isInt(r.monthly_week) || ![-1, 1, 2, 3, 4].includes(r.monthly_week))
				errors.push({ field: 'recurrence.monthly_week', message: 'Invalid field.' });
			if (!isInt(r.monthly_week_day) || r.monthly_week_day < 1 || r.monthly_week_day > 7)
				errors.push({ field: 'recurrence.monthly_week_day', message: 'Invalid field.' });
			out.monthly_week = r.monthly_week as number;
			out.monthly_week_day = r.monthly_week_day as number;
		} else {
			const day = r.monthly_day ?? 1;
			if (!isInt(day) || day < 1 || day > 31)
				errors.push({ field: 'recurrence.monthly_day', message: 'Invalid field.' });
			else out.monthly_day = day;
		}
	}
	if (r.end_times !== undefined && r.end_date_time !== undefined) {
		errors.push({
			field: 'recurrence.end_times',
			message: 'end_times and end_date_time cannot be used together.',
		});
	} else if (r.end_date_time !== undefined) {
		const end =
			typeof r.end_date_time === 'string' ? parseStartTime(r.end_date_time, 'UTC') : undefined;
		if (end === undefined)
			errors.push({ field: 'recurrence.end_date_time', message: 'Invalid field.' });
		else out.end_date_time = isoSeconds(end);
	} else {
		const times = r.end_times ?? 1;
		if (!isInt(times) || times < 1 || times > MAX_OCCURRENCES)
			errors.push({ field: 'recurrence.end_times', message: 'Invalid field.' });
		else out.end_times = times;
	}
	return out;
}

interface CalendarDay {
	year: number;
	month: number;
	day: number;
}

function addDays(d: CalendarDay, n: number): CalendarDay {
	const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
	return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 1 = Sunday … 7 = Saturday, as Zoom numbers week days. */
function weekDay(d: CalendarDay): number {
	return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 1;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function compare(a: CalendarDay, b: CalendarDay): number {
	return a.year - b.year || a.month - b.month || a.day - b.day;
}

function* candidateDays(r: ZoomRecurrence, first: CalendarDay): Generator<CalendarDay> {
	if (r.type === 1) {
		for (let d = first; ; d = addDays(d, r.repeat_interval)) yield d;
	} else if (r.type === 2) {
		const days = [...new Set((r.weekly_days ?? '1').split(',').map(Number))].sort();
		let weekStart = addDays(first, 1 - weekDay(first));
		for (;;) {
			for (const wd of days) {
				const d = addDays(weekStart, wd - 1);
				if (compare(d, first) >= 0) yield d;
			}
			weekStart = addDays(weekStart, 7 * r.repeat_interval);
		}
	} else {
		yield* monthlyDays(r, first);
	}
}

function* monthlyDays(r: ZoomRecurrence, first: CalendarDay): Generator<CalendarDay> {
	for (let i = 0; i <= 12 * 50; i += r.repeat_interval) {
		const month0 = first.month - 1 + i;
		const year = first.year + Math.floor(month0 / 12);
		const month = (month0 % 12) + 1;
		let day: number | undefined;
		if (r.monthly_week !== undefined && r.monthly_week_day !== undefined) {
			const dim = daysInMonth(year, month);
			const firstWd = weekDay({ year, month, day: 1 });
			const firstMatch = 1 + ((r.monthly_week_day - firstWd + 7) % 7);
			if (r.monthly_week === -1) {
				day = firstMatch + 7 * Math.floor((dim - firstMatch) / 7);
			} else {
				day = firstMatch + 7 * (r.monthly_week - 1);
			}
		} else if ((r.monthly_day ?? 1) <= daysInMonth(year, month)) {
			day = r.monthly_day ?? 1;
		}
		if (day !== undefined) {
			const d = { year, month, day };
			if (compare(d, first) >= 0) yield d;
		}
	}
}

/** Occurrences of a fixed-time recurring meeting, in the meeting's own time zone (DST-correct). */
export function buildOccurrences(
	r: ZoomRecurrence,
	startMs: number,
	duration: number,
	timeZone: string,
): ZoomOccurrence[] {
	const w = wallClock(startMs, timeZone);
	const endMs = r.end_date_time ? Date.parse(r.end_date_time) : Infinity;
	const limit = r.end_date_time ? MAX_OCCURRENCES : (r.end_times ?? 1);
	const out: ZoomOccurrence[] = [];
	let guard = 0;
	for (const d of candidateDays(r, w)) {
		if (out.length >= limit || ++guard > 5000) break;
		const at = zonedToUtc({ ...w, year: d.year, month: d.month, day: d.day }, timeZone);
		if (at > endMs) break;
		out.push({
			occurrence_id: String(at),
			start_time: isoSeconds(at),
			duration,
			status: 'available',
		});
	}
	return out;
}
