/**
 * The Markdown Zoom writes (AI Companion's `summary_content`) and people type into a chat
 * message, read line by line into blocks with inline spans, then rendered two ways: as plain
 * text (for an LLM, an email or a CRM note: no markup left) and as a Team Chat message (the
 * text plus Zoom's `rich_text` ranges and `at_items` mentions). Pure functions only.
 *
 * Understood: ATX headings (#…######), bullets (- * +, nested by indentation), numbered items,
 * block quotes, fenced code, horizontal rules, tables (rows kept, the separator row dropped),
 * **bold**, __bold__, *italic*, _italic_, ~~strike~~, `code`, [links](url), ![images](url),
 * <autolinks>, backslash escapes, <br>; mentions `@all` and `@[Name](email or ID)`.
 */

export type BlockKind =
	| 'heading'
	| 'bullet'
	| 'numbered'
	| 'quote'
	| 'paragraph'
	| 'code'
	| 'blank';

export interface Span {
	text: string;
	bold?: boolean;
	italic?: boolean;
	strike?: boolean;
	code?: boolean;
	/** An http(s) link target. */
	link?: string;
	/** A mention: `all`, or the contact (email, user ID or member ID). */
	mention?: string;
}

export interface Block {
	kind: BlockKind;
	/** Heading level (1–6) or list nesting depth (0 = top level). */
	level: number;
	/** The number a numbered item was written with. */
	number?: number;
	spans: Span[];
}

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^(\s*)[-*+]\s+(.*)$/;
const NUMBERED = /^(\s*)(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function indentWidth(indent: string): number {
	return indent.replace(/\t/g, '    ').length;
}

/**
 * Nesting of list items, as Markdown reads it: an item indented deeper than the one before is
 * one level down, whatever the indentation (Zoom's summaries use 2 and 4 spaces).
 */
class ListNesting {
	private stack: number[] = [];

	depth(indent: string): number {
		const width = indentWidth(indent);
		while (this.stack.length > 0 && this.stack[this.stack.length - 1] > width) this.stack.pop();
		if (this.stack.length === 0 || this.stack[this.stack.length - 1] < width)
			this.stack.push(width);
		return this.stack.length - 1;
	}

	reset(): void {
		this.stack = [];
	}
}

/** Reads Markdown into blocks, one per source line (fenced code: one per code line). */
export function parseMarkdown(markdown: string): Block[] {
	const lines = String(markdown ?? '')
		.replace(/\r\n?/g, '\n')
		.replace(/<br\s*\/?>/gi, '\n')
		.split('\n');
	const nesting = new ListNesting();
	const blocks: Block[] = [];
	let inFence = false;
	for (const line of lines) {
		if (FENCE.test(line)) {
			inFence = !inFence;
			continue;
		}
		if (inFence) {
			blocks.push({ kind: 'code', level: 0, spans: [{ text: line, code: true }] });
			continue;
		}
		if (line.trim() === '' || RULE.test(line)) {
			blocks.push({ kind: 'blank', level: 0, spans: [] });
			continue;
		}
		if (TABLE_SEPARATOR.test(line) && line.includes('-') && line.includes('|')) continue;
		let match = HEADING.exec(line);
		if (match) {
			nesting.reset();
			blocks.push({ kind: 'heading', level: match[1].length, spans: parseInline(match[2]) });
			continue;
		}
		match = BULLET.exec(line);
		if (match) {
			blocks.push({ kind: 'bullet', level: nesting.depth(match[1]), spans: parseInline(match[2]) });
			continue;
		}
		match = NUMBERED.exec(line);
		if (match) {
			blocks.push({
				kind: 'numbered',
				level: nesting.depth(match[1]),
				number: Number(match[2]),
				spans: parseInline(match[3]),
			});
			continue;
		}
		match = QUOTE.exec(line);
		if (match) {
			blocks.push({ kind: 'quote', level: 0, spans: parseInline(match[1]) });
			continue;
		}
		if (!/^\s/.test(line)) nesting.reset();
		const text = line.trim().startsWith('|') ? tableRow(line) : line.trim();
		blocks.push({ kind: 'paragraph', level: 0, spans: parseInline(text) });
	}
	return blocks;
}

/** `| a | b |` → `a | b`. */
function tableRow(line: string): string {
	return line
		.trim()
		.replace(/^\|/, '')
		.replace(/\|$/, '')
		.split('|')
		.map((cell) => cell.trim())
		.join(' | ');
}

interface Style {
	bold?: boolean;
	italic?: boolean;
	strike?: boolean;
}

const ESCAPABLE = '\\`*_{}[]()#+-.!~|<>@';

/** Inline Markdown of one line into styled spans. */
export function parseInline(source: string, style: Style = {}): Span[] {
	const spans: Span[] = [];
	let text = '';
	const flush = () => {
		if (text) spans.push({ text, ...style });
		text = '';
	};
	let i = 0;
	while (i < source.length) {
		const rest = source.slice(i);
		const ch = source[i];
		if (ch === '\\' && i + 1 < source.length && ESCAPABLE.includes(source[i + 1])) {
			text += source[i + 1];
			i += 2;
			continue;
		}
		if (ch === '`') {
			const end = source.indexOf('`', i + 1);
			if (end > i) {
				flush();
				spans.push({ text: source.slice(i + 1, end), code: true, ...style });
				i = end + 1;
				continue;
			}
		}
		let match = /^!\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/.exec(rest);
		if (match) {
			text += match[1];
			i += match[0].length;
			continue;
		}
		match = /^@\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
		if (match) {
			flush();
			spans.push({ text: `@${match[1]}`, mention: match[2], ...style });
			i += match[0].length;
			continue;
		}
		match = /^@all(?![\w.@-])/.exec(rest);
		if (match && (i === 0 || /\s|[([]/.test(source[i - 1]))) {
			flush();
			spans.push({ text: '@all', mention: 'all', ...style });
			i += match[0].length;
			continue;
		}
		match = /^\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/.exec(rest);
		if (match) {
			flush();
			const inner = parseInline(match[1], style);
			const url = match[2];
			for (const span of inner)
				spans.push(/^https?:\/\//i.test(url) ? { ...span, link: url } : span);
			if (inner.length === 0) spans.push({ text: url, ...style, link: url });
			i += match[0].length;
			continue;
		}
		match = /^<(https?:\/\/[^>\s]+)>/i.exec(rest);
		if (match) {
			flush();
			spans.push({ text: match[1], link: match[1], ...style });
			i += match[0].length;
			continue;
		}
		const emphasis = emphasisAt(source, i);
		if (emphasis) {
			flush();
			spans.push(...parseInline(emphasis.inner, { ...style, ...emphasis.style }));
			i = emphasis.end;
			continue;
		}
		text += ch;
		i++;
	}
	flush();
	return spans;
}

/** `**x**`, `__x__`, `*x*`, `_x_`, `~~x~~` starting at `i`, if it closes on the line. */
function emphasisAt(
	source: string,
	i: number,
): { inner: string; style: Style; end: number } | undefined {
	for (const [marker, style] of [
		['**', { bold: true }],
		['__', { bold: true }],
		['~~', { strike: true }],
		['*', { italic: true }],
		['_', { italic: true }],
	] as Array<[string, Style]>) {
		if (!source.startsWith(marker, i)) continue;
		const after = source[i + marker.length];
		if (after === undefined || /\s/.test(after)) continue;
		// `_` inside a word (snake_case) is no emphasis.
		if (marker[0] === '_' && i > 0 && /\w/.test(source[i - 1])) continue;
		let close = source.indexOf(marker, i + marker.length + 1);
		while (close > 0) {
			const before = source[close - 1];
			const next = source[close + marker.length];
			const wordAfter = marker[0] === '_' && next !== undefined && /\w/.test(next);
			// A single * or _ must not be half of a double marker.
			const partOfDouble = marker.length === 1 && next === marker;
			if (!/\s/.test(before) && !wordAfter && !partOfDouble) break;
			close = source.indexOf(marker, close + marker.length);
		}
		if (close < 0) continue;
		return {
			inner: source.slice(i + marker.length, close),
			style,
			end: close + marker.length,
		};
	}
	return undefined;
}

function spanPlainText(span: Span): string {
	if (span.link && span.text !== span.link) return `${span.text} (${span.link})`;
	return span.text;
}

/** Joins blocks into lines; runs of blank lines become one. */
function joinLines(lines: string[]): string {
	const out: string[] = [];
	for (const line of lines.map((l) => l.replace(/\s+$/, ''))) {
		if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
		out.push(line);
	}
	while (out.length > 0 && out[out.length - 1] === '') out.pop();
	return out.join('\n');
}

/**
 * Markdown → plain text that an LLM prompt, an email or a chat message takes as it is: no
 * `#`, `**` or link syntax left; headings on their own line, bullets as "•" indented two spaces
 * per level, numbered items kept, links as "text (url)", one empty line between paragraphs.
 */
export function markdownToPlainText(markdown: string): string {
	const lines = parseMarkdown(markdown).map((block) => {
		const text = block.spans.map(spanPlainText).join('');
		const indent = '  '.repeat(block.level);
		switch (block.kind) {
			case 'bullet':
				return `${indent}• ${text}`;
			case 'numbered':
				return `${indent}${block.number}. ${text}`;
			case 'blank':
				return '';
			default:
				return text;
		}
	});
	return joinLines(lines);
}

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
