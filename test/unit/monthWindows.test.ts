import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { monthWindows } from '../../nodes/ZoomWorkplace/helpers/monthWindows';

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
