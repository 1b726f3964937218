import type { MessageWindow } from '../zoom/chatLimits';
import { realClock, type Clock } from './rateLimiter';

/**
 * Sends are timed where they leave, Zoom counts them where they arrive: a window is taken this
 * much longer, so network jitter cannot put one send too many into Zoom's window.
 */
export const WINDOW_MARGIN_MS = 250;

/**
 * How long to wait before the next send so that no sliding window is exceeded: for each window
 * holding `max` sends already, until the oldest of the last `max` leaves it (windows taken
 * `marginMs` longer). `sentAt` is sorted, oldest first. Pure; 0 when a send may go now.
 */
export function delayBeforeSend(
	sentAt: readonly number[],
	now: number,
	windows: readonly MessageWindow[],
	marginMs = WINDOW_MARGIN_MS,
): number {
	let delay = 0;
	for (const window of windows) {
		const span = window.seconds * 1000 + marginMs;
		const inWindow = sentAt.filter((time) => time > now - span);
		if (inWindow.length < window.max) continue;
		const oldestThatCounts = inWindow[inWindow.length - window.max];
		delay = Math.max(delay, oldestThatCounts + span - now + 1);
	}
	return delay;
}

/**
 * Paces sends per key (one Team Chat channel of one account) inside sliding windows, for every
 * execution of this n8n process. Each process paces its own sends: queue-mode workers posting to
 * the same channel at once can still exceed Zoom's windows together (Zoom then answers 429 and
 * the client waits as it does for any 429).
 */
export class WindowPacer {
	private readonly sent = new Map<string, number[]>();

	constructor(private readonly clock: Clock = realClock) {}

	async acquire(
		key: string,
		windows: readonly MessageWindow[],
		signal?: AbortSignal,
	): Promise<void> {
		const longest = Math.max(...windows.map((w) => w.seconds)) * 1000 + WINDOW_MARGIN_MS;
		for (;;) {
			const now = this.clock.now();
			const history = (this.sent.get(key) ?? []).filter((time) => time > now - longest);
			const delay = delayBeforeSend(history, now, windows);
			if (delay === 0) {
				history.push(now);
				this.sent.set(key, history);
				return;
			}
			this.sent.set(key, history);
			await this.clock.wait(delay, signal);
		}
	}
}

const pacers = new Map<string, WindowPacer>();

/** The pacer of one credential and base URL, shared by the executions of this process. */
export function sharedWindowPacer(key: string): WindowPacer {
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new WindowPacer();
		pacers.set(key, pacer);
	}
	return pacer;
}
