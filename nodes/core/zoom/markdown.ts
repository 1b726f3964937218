/**
 * The Markdown Zoom writes (AI Companion's `summary_content`) and people type into a chat
 * message, read line by line into blocks with inline spans, and rendered as plain text (for an
 * LLM, an email or a CRM note: no markup left). Both nodes use it: the action node also renders
 * the blocks as a Team Chat message (helpers/markdown.ts), the trigger puts a summary's plain
 * text into its item. Pure functions only.
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
