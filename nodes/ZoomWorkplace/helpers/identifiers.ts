/** Pure parsing and encoding of the IDs people paste into the node. */

/**
 * A join, webinar or start URL (https://us02web.zoom.us/j/85746065432?pwd=…, …/w/…, …/s/…) and
 * the meeting or webinar ID in it (group 1), declared once: the locators' "By URL" mode extracts
 * the ID with it (n8n applies it), and an ID typed or pasted elsewhere is read with it too.
 */
export const JOIN_URL_ID = 'https?://[^/]+/(?:j|w|s)/(\\d+)';

const JOIN_URL = new RegExp(`^${JOIN_URL_ID}`, 'i');

/** The examples help texts and errors show for each kind, with the name of its URL. */
export const INSTANCE_EXAMPLES = {
	meeting: { id: '85746065432', url: 'https://zoom.us/j/85746065432', urlName: 'join URL' },
	webinar: { id: '95204914252', url: 'https://zoom.us/w/95204914252', urlName: 'webinar URL' },
} as const;

/**
 * Accepts a meeting ID ("857 4606 5432" too), a meeting UUID, or a join/start URL such as
 * https://us02web.zoom.us/j/85746065432?pwd=… and returns the ID or UUID Zoom expects.
 */
export function parseMeetingIdentifier(input: unknown): string {
	const value = String(input ?? '').trim();
	const fromUrl = JOIN_URL.exec(value);
	if (fromUrl) return fromUrl[1];
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
