/**
 * Zoom's limits on messages to one Team Chat channel (the Team Chat spec, `to_channel` of "Send
 * a chat message"): a sender that exceeds any window gets the channel blocked for a while, so
 * the client paces sends to each channel to stay inside all of them.
 */
export interface MessageWindow {
	/** Length of the sliding window. */
	seconds: number;
	/** Messages allowed within it. */
	max: number;
	/** How long Zoom blocks the channel once it is exceeded. */
	blockSeconds: number;
}

export const CHANNEL_MESSAGE_WINDOWS: readonly MessageWindow[] = [
	{ seconds: 1, max: 10, blockSeconds: 10 },
	{ seconds: 10, max: 30, blockSeconds: 30 },
	{ seconds: 100, max: 60, blockSeconds: 60 },
	{ seconds: 1000, max: 450, blockSeconds: 300 },
];

/** Zoom's longest chat message (`message` maxLength in the spec). */
export const MAX_CHAT_MESSAGE_LENGTH = 1024;
