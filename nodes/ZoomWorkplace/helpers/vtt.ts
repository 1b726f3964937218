/**
 * Zoom's transcripts (file type TRANSCRIPT) and closed captions (CC) are WebVTT files whose cues
 * carry the speaker as a prefix of the text:
 *
 *   WEBVTT
 *
 *   1
 *   00:00:01.500 --> 00:00:04.200
 *   Jane Doe: Hello everyone.
 *
 * This turns such a file into segments and one plain text, ready for a document or an AI agent.
 * Standard WebVTT voice tags (`<v Jane Doe>Hello</v>`) are read as the speaker too.
 */

export interface TranscriptSegment {
	/** Seconds from the start of the recording. */
	start: number;
	/** Seconds from the start of the recording. */
	end: number;
	/** Empty when Zoom could not tell who spoke. */
	speaker: string;
	text: string;
}

export interface Transcript {
	segments: TranscriptSegment[];
	/** One line per segment: "Speaker: text" (or just the text without a speaker). */
	text: string;
	/** Each speaker once, in order of first appearance. */
	speakers: string[];
}

const TIMING =
	/^((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)(?:\s.*)?$/;
/** "Name: text": a name is short and has no line break; text after the first ": ". */
const SPEAKER_PREFIX = /^([^:\n]{1,120}?):\s+([\s\S]*)$/;
const VOICE_TAG = /^<v(?:\.[\w.-]+)?\s+([^>]+)>([\s\S]*?)(?:<\/v>)?$/;

/** "01:02:03.456" or "02:03.456" → seconds (3723.456), rounded to milliseconds. */
export function parseTimestamp(value: string): number {
	const parts = value.replace(',', '.').split(':').map(Number);
	const seconds = parts.reduce((total, part) => total * 60 + part, 0);
	return Math.round(seconds * 1000) / 1000;
}

function stripTags(text: string): string {
	return text.replace(/<\/?[^>]+>/g, '');
}

function decodeEntities(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&');
}

function splitSpeaker(payload: string): { speaker: string; text: string } {
	const voice = VOICE_TAG.exec(payload);
	if (voice) return { speaker: voice[1].trim(), text: voice[2] };
	const prefixed = SPEAKER_PREFIX.exec(payload);
	if (prefixed) return { speaker: prefixed[1].trim(), text: prefixed[2] };
	return { speaker: '', text: payload };
}

/**
 * Parses a WebVTT file. Blocks without a timing line (the header, NOTE, STYLE, REGION) are
 * skipped; a cue's text lines are joined with a space.
 */
export function parseVtt(content: string): Transcript {
	const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const segments: TranscriptSegment[] = [];
	let index = 0;
	while (index < lines.length) {
		// One block: consecutive non-empty lines.
		const block: string[] = [];
		while (index < lines.length && lines[index].trim() === '') index++;
		while (index < lines.length && lines[index].trim() !== '') block.push(lines[index++]);
		if (block.length === 0) continue;
		const timingAt = block.findIndex((line) => TIMING.test(line.trim()));
		// A NOTE block may mention "-->" in prose, but never starts with a timing line of its own.
		if (timingAt < 0 || /^(NOTE|STYLE|REGION)\b/.test(block[0])) continue;
		const [, start, end] = TIMING.exec(block[timingAt].trim())!;
		const payload = block
			.slice(timingAt + 1)
			.map((line) => line.trim())
			.join(' ')
			.trim();
		const { speaker, text } = splitSpeaker(payload);
		const cleanText = decodeEntities(stripTags(text)).trim();
		if (!cleanText) continue;
		segments.push({
			start: parseTimestamp(start),
			end: parseTimestamp(end),
			speaker: decodeEntities(stripTags(speaker)).trim(),
			text: cleanText,
		});
	}
	const speakers = [...new Set(segments.map((s) => s.speaker).filter(Boolean))];
	const text = segments.map((s) => (s.speaker ? `${s.speaker}: ${s.text}` : s.text)).join('\n');
	return { segments, text, speakers };
}
