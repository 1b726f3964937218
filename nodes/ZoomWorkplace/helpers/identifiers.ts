/** Pure parsing and encoding of the IDs people paste into the node. */

const JOIN_URL = /^https?:\/\/[^/]*zoom(?:gov)?\.(?:us|com)\/(?:j|w|s|my)\/([^/?#]+)/i;
const ANY_JOIN_PATH = /^https?:\/\/[^/]+\/(?:j|w|s)\/(\d{9,12})(?:[/?#]|$)/i;

/**
 * Accepts a meeting ID ("857 4606 5432" too), a meeting UUID, or a join/start URL such as
 * https://us02web.zoom.us/j/85746065432?pwd=… and returns the ID or UUID Zoom expects.
 */
export function parseMeetingIdentifier(input: unknown): string {
	const value = String(input ?? '').trim();
	const fromUrl = JOIN_URL.exec(value) ?? ANY_JOIN_PATH.exec(value);
	if (fromUrl) return decodeURIComponent(fromUrl[1]);
	// Spaces and hyphens people copy from the Zoom client stand between digits; a leading "-"
	// is a sign, and a negative number is no meeting ID.
	const digits = value.replace(/(?<=\d)[\s-]+(?=\d)/g, '');
	if (/^\d+$/.test(digits)) return digits;
	return value;
}

/** Meeting and webinar IDs are 9 to 11 digits (personal meeting IDs have 10). */
export function isNumericMeetingId(id: string): boolean {
	return /^\d{9,11}$/.test(id);
}
