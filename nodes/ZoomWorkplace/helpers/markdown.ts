/**
 * Markdown (read by core/zoom/markdown.ts) rendered as a Team Chat message: the text plus Zoom's
 * `rich_text` ranges and `at_items` mentions, split into messages Zoom takes. Pure functions only.
 */
import { parseMarkdown } from '../../core/zoom/markdown';

/* --------------------------------------------------------------------------------------------
 * Team Chat messages: text + `rich_text` + `at_items`, positions into the message string.
 * ------------------------------------------------------------------------------------------ */

/** Zoom's rich text formats (the Team Chat spec's `format_type` enum, the ones used here). */
export type ZoomFormat =
	| 'Bold'
	| 'Italic'
	| 'Strikethrough'
	| 'BulletedList'
	| 'NumberedList'
	| 'LeftIndent'
	| 'Paragraph'
	| 'Quote'
	| 'AddLink';

/** A formatted range [start, end) of the message (UTF-16 positions, as JavaScript counts). */
export interface FormatRange {
	start: number;
	end: number;
	format: ZoomFormat;
	attr?: string;
}

/** A mention [start, end) of the message: `all`, or the contact's email, user ID or member ID. */
export interface MentionRange {
	start: number;
	end: number;
	contact: string;
}

export interface ChatMessage {
	text: string;
	formats: FormatRange[];
	mentions: MentionRange[];
}

/** Zoom's Paragraph headings go to h3. */
const HEADING_ATTR = (level: number) => `h${Math.min(3, Math.max(1, level))}`;
/** Pixels per nesting level of a nested list item (LeftIndent takes a pixel length). */
const INDENT_PX = 24;

/**
 * Markdown → a Team Chat message: the text without markup, and `rich_text` ranges for what
 * Zoom's client can show: headings (Paragraph h1–h3), bullets (BulletedList; nested ones
 * indented with LeftIndent and a "◦"), numbered items (NumberedList), quotes (Quote), bold,
 * italic, strikethrough and links (AddLink, http/https only). `@all` and `@[Name](email)`
 * become mentions when `mentions` is on (Zoom takes them in channel messages).
 */
export function markdownToChatMessage(
	markdown: string,
	options: { mentions: boolean } = { mentions: true },
): ChatMessage {
	const blocks = parseMarkdown(markdown);
	let text = '';
	const formats: FormatRange[] = [];
	const mentions: MentionRange[] = [];
	let previousBlank = true;
	for (const block of blocks) {
		if (block.kind === 'blank') {
			if (!previousBlank) text += '\n';
			previousBlank = true;
			continue;
		}
		previousBlank = false;
		if (text !== '') text += '\n';
		const lineStart = text.length;
		if (block.kind === 'bullet' && block.level > 0) text += '◦ ';
		for (const span of block.spans) {
			const start = text.length;
			text += span.text;
			const end = text.length;
			if (end === start) continue;
			if (span.bold) formats.push({ start, end, format: 'Bold' });
			if (span.italic) formats.push({ start, end, format: 'Italic' });
			if (span.strike) formats.push({ start, end, format: 'Strikethrough' });
			if (span.link) formats.push({ start, end, format: 'AddLink', attr: span.link });
			if (span.mention && options.mentions) mentions.push({ start, end, contact: span.mention });
		}
		const lineEnd = text.length;
		if (lineEnd === lineStart) continue;
		const line = (format: ZoomFormat, attr?: string) =>
			formats.push({ start: lineStart, end: lineEnd, format, ...(attr ? { attr } : {}) });
		if (block.kind === 'heading') line('Paragraph', HEADING_ATTR(block.level));
		else if (block.kind === 'bullet' && block.level === 0) line('BulletedList');
		else if (block.kind === 'bullet' || block.kind === 'numbered') {
			if (block.level > 0) line('LeftIndent', String(INDENT_PX * block.level));
			if (block.kind === 'numbered') line('NumberedList');
		} else if (block.kind === 'quote') line('Quote');
	}
	text = text.replace(/\n+$/, '');
	return {
		text,
		formats: formats.filter((f) => f.start < text.length),
		mentions: mentions.filter((m) => m.start < text.length),
	};
}

/** A message as it is, unformatted. */
export function plainChatMessage(text: string): ChatMessage {
	return { text: String(text ?? ''), formats: [], mentions: [] };
}

/** Where to cut `text` so the part before is at most `max` long: a paragraph, line, or word end. */
function cutPoint(text: string, from: number, max: number): number {
	const limit = from + max;
	if (text.length <= limit) return text.length;
	const window = text.slice(from, limit + 1);
	for (const separator of ['\n\n', '\n', ' ']) {
		const at = window.lastIndexOf(separator);
		// Not too early: a part should carry at least half of what fits.
		if (at >= max / 2) return from + at;
	}
	// No break: cut hard, never between the halves of a surrogate pair.
	const code = text.charCodeAt(limit - 1);
	return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * Splits a message longer than `max` (Zoom takes at most 1024 characters per message) into
 * parts at paragraph, line or word ends, each with its own formats and mentions (a range cut in
 * two is kept on both sides; a mention is never cut: it moves whole to the next part).
 */
export function splitChatMessage(message: ChatMessage, max: number): ChatMessage[] {
	if (max < 1) throw new RangeError('max must be at least 1');
	const parts: ChatMessage[] = [];
	const { text } = message;
	let start = 0;
	while (start < text.length) {
		let end = cutPoint(text, start, max);
		const cutMention = message.mentions.find(
			(m) => m.start < end && m.end > end && m.start > start,
		);
		if (cutMention) end = cutMention.start;
		const partText = text.slice(start, end);
		const shift = (r: { start: number; end: number }) => ({
			start: Math.max(r.start, start) - start,
			end: Math.min(r.end, end) - start,
		});
		const inside = (r: { start: number; end: number }) => r.start < end && r.end > start;
		const leading = partText.length - partText.trimStart().length;
		const trimmed = partText.trim();
		if (trimmed !== '') {
			const rebase = <T extends { start: number; end: number }>(r: T): T => {
				const s = shift(r);
				return {
					...r,
					start: Math.max(0, s.start - leading),
					end: Math.min(trimmed.length, s.end - leading),
				};
			};
			parts.push({
				text: trimmed,
				formats: message.formats
					.filter(inside)
					.map(rebase)
					.filter((r) => r.end > r.start),
				mentions: message.mentions
					.filter(inside)
					.map(rebase)
					.filter((r) => r.end > r.start),
			});
		}
		start = end;
	}
	return parts;
}

/** The `message`, `rich_text` and `at_items` of Zoom's send-message body for one message. */
export function zoomMessageBody(message: ChatMessage): {
	message: string;
	rich_text?: Array<{
		start_position: number;
		end_position: number;
		format_type: ZoomFormat;
		format_attr?: string;
	}>;
	at_items?: Array<{
		at_type: 1 | 2;
		at_contact?: string;
		start_position: number;
		end_position: number;
	}>;
} {
	const body: ReturnType<typeof zoomMessageBody> = { message: message.text };
	if (message.formats.length > 0) {
		// rich_text: the end is exclusive (Zoom: bolding "H" of "Hello" is 0 to 1).
		body.rich_text = message.formats.map((f) => ({
			start_position: f.start,
			end_position: f.end,
			format_type: f.format,
			...(f.attr !== undefined ? { format_attr: f.attr } : {}),
		}));
	}
	if (message.mentions.length > 0) {
		// at_items: the end is the mention's last character (Zoom: "@Shrijana" is 0 to 8).
		body.at_items = message.mentions.map((m) =>
			m.contact === 'all'
				? { at_type: 2, start_position: m.start, end_position: m.end - 1 }
				: { at_type: 1, at_contact: m.contact, start_position: m.start, end_position: m.end - 1 },
		);
	}
	return body;
}
