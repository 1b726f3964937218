import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	monthWindows,
	monthWindowsOfInstants,
} from '../../nodes/ZoomWorkplace/helpers/monthWindows';

describe('monthWindows: a From/To range split into Zoom one-month windows', () => {
	test('a calendar year is twelve calendar months', () => {
		const windows = monthWindows('2025-01-01', '2025-12-31');
		assert.equal(windows.length, 12);
		assert.deepEqual(windows[0], { from: '2025-01-01', to: '2025-01-31' });
		assert.deepEqual(windows[1], { from: '2025-02-01', to: '2025-02-28' });
		assert.deepEqual(windows[11], { from: '2025-12-01', to: '2025-12-31' });
	});

	test('leap February is one window', () => {
		assert.deepEqual(monthWindows('2024-02-01', '2024-02-29'), [
			{ from: '2024-02-01', to: '2024-02-29' },
		]);
	});

	test('a range shorter than a month is one request, one day too', () => {
		assert.deepEqual(monthWindows('2026-03-10', '2026-04-05'), [
			{ from: '2026-03-10', to: '2026-04-05' },
		]);
		assert.deepEqual(monthWindows('2026-03-10', '2026-03-10'), [
			{ from: '2026-03-10', to: '2026-03-10' },
		]);
	});

	test('windows are contiguous, do not overlap and each spans at most one month', () => {
		const windows = monthWindows('2023-01-31', '2026-07-15');
		for (let i = 0; i < windows.length; i++) {
			const { from, to } = windows[i];
			assert.ok(from <= to, `${from} <= ${to}`);
			const monthLater = new Date(`${from}T00:00:00Z`);
			monthLater.setUTCMonth(monthLater.getUTCMonth() + 1);
			assert.ok(
				Date.parse(`${to}T00:00:00Z`) < monthLater.getTime(),
				`${from}…${to} exceeds a month`,
			);
			if (i > 0) {
				const previousEnd = Date.parse(`${windows[i - 1].to}T00:00:00Z`);
				assert.equal(Date.parse(`${from}T00:00:00Z`) - previousEnd, 86_400_000);
			}
		}
		assert.equal(windows[0].from, '2023-01-31');
		assert.equal(windows[windows.length - 1].to, '2026-07-15');
		// 3.5 years: 42 or 43 windows, never more than months + 1.
		assert.ok(windows.length >= 42 && windows.length <= 43, String(windows.length));
	});

	test('mid-month start keeps windows one month long (fewest requests)', () => {
		const windows = monthWindows('2025-01-15', '2025-03-20');
		assert.deepEqual(windows, [
			{ from: '2025-01-15', to: '2025-02-14' },
			{ from: '2025-02-15', to: '2025-03-14' },
			{ from: '2025-03-15', to: '2025-03-20' },
		]);
	});

	test('To before From, or a date that does not exist, is refused', () => {
		assert.throws(() => monthWindows('2025-05-02', '2025-05-01'), /before/);
		assert.throws(() => monthWindows('2025-02-30', '2025-03-01'), /not a date/);
		assert.throws(() => monthWindows('05/01/2025', '2025-06-01'), /not a date/);
	});
});

describe('monthWindowsOfInstants: a date-time range in month windows (summaries)', () => {
	const ms = (iso: string) => Date.parse(iso);

	test('13 months from mid-month: 13 windows, each starting one second after the last ends', () => {
		const windows = monthWindowsOfInstants(ms('2025-01-15T10:30:00Z'), ms('2026-02-15T10:29:59Z'));
		assert.equal(windows.length, 13);
		assert.deepEqual(windows[0], { from: '2025-01-15T10:30:00Z', to: '2025-02-15T10:29:59Z' });
		assert.deepEqual(windows[12], { from: '2026-01-15T10:30:00Z', to: '2026-02-15T10:29:59Z' });
		for (let i = 1; i < windows.length; i++)
			assert.equal(ms(windows[i].from) - ms(windows[i - 1].to), 1000);
	});

	test('every whole second of the range falls in exactly one window', () => {
		const from = ms('2024-01-31T23:00:00Z');
		const to = ms('2025-03-01T01:00:00Z');
		const windows = monthWindowsOfInstants(from, to);
		assert.equal(windows[0].from, '2024-01-31T23:00:00Z');
		assert.equal(windows[windows.length - 1].to, '2025-03-01T01:00:00Z');
		for (const probe of [from, ms('2024-02-29T23:00:00Z'), ms('2024-12-31T23:59:59Z'), to]) {
			const holding = windows.filter((w) => ms(w.from) <= probe && probe <= ms(w.to));
			assert.equal(holding.length, 1, new Date(probe).toISOString());
		}
		for (const w of windows) assert.ok(ms(w.to) - ms(w.from) < 31 * 86_400_000);
	});

	test('a short range is one window; fractions of seconds are dropped; To before From throws', () => {
		assert.deepEqual(
			monthWindowsOfInstants(ms('2026-03-01T00:00:00.900Z'), ms('2026-03-02T00:00:00Z')),
			[{ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }],
		);
		assert.throws(() =>
			monthWindowsOfInstants(ms('2026-03-02T00:00:00Z'), ms('2026-03-01T00:00:00Z')),
		);
	});
});
