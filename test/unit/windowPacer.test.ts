import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { CHANNEL_MESSAGE_WINDOWS } from '../../nodes/core/zoom/chatLimits';
import { delayBeforeSend, WindowPacer } from '../../nodes/core/transport/windowPacer';
import type { Clock } from '../../nodes/core/transport/rateLimiter';

/** A clock that only moves when someone waits on it. */
function fakeClock(): Clock & { time: number } {
	const clock = {
		time: 0,
		now: () => clock.time,
		wait: async (ms: number) => {
			clock.time += ms;
		},
	};
	return clock;
}

describe("per-channel pacing inside Zoom's message windows", () => {
	test('delayBeforeSend: free until a window is full, then until its oldest send leaves it', () => {
		const windows = [{ seconds: 1, max: 2, blockSeconds: 10 }];
		assert.equal(delayBeforeSend([], 5000, windows, 0), 0);
		assert.equal(delayBeforeSend([4500], 5000, windows, 0), 0);
		assert.equal(delayBeforeSend([4500, 4800], 5000, windows, 0), 501);
		// Sends older than the window do not count.
		assert.equal(delayBeforeSend([3000, 4800], 5000, windows, 0), 0);
		// The margin lengthens every window.
		assert.equal(delayBeforeSend([4500, 4800], 5000, windows, 250), 751);
	});

	test('the longest wait of all windows wins', () => {
		const sentAt = Array.from({ length: 30 }, (_, i) => i * 300); // 30 sends over 9 s
		const delay = delayBeforeSend(sentAt, 9000, CHANNEL_MESSAGE_WINDOWS, 0);
		// 30 per 10 s is full: wait until the first send (t=0) is 10 s old.
		assert.equal(delay, 1001);
	});

	test('a pacer keeps 500 sends to one channel inside all four windows, another channel is free', async () => {
		const clock = fakeClock();
		const pacer = new WindowPacer(clock);
		const times: number[] = [];
		for (let i = 0; i < 500; i++) {
			await pacer.acquire('channel-a', CHANNEL_MESSAGE_WINDOWS);
			times.push(clock.time);
		}
		for (const window of CHANNEL_MESSAGE_WINDOWS) {
			for (let i = window.max; i < times.length; i++) {
				assert.ok(
					times[i] - times[i - window.max] >= window.seconds * 1000,
					`${window.max} per ${window.seconds} s exceeded at send ${i}`,
				);
			}
		}
		// 450 per 1000 s: the 451st send waits for the first to be 1000 s old.
		assert.ok(times[450] >= 1000 * 1000);
		const before = clock.time;
		await pacer.acquire('channel-b', CHANNEL_MESSAGE_WINDOWS);
		assert.equal(clock.time, before);
	});
});
