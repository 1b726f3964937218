import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parseTimestamp, parseVtt } from '../../nodes/ZoomWorkplace/helpers/vtt';

/** A transcript as Zoom writes it (file type TRANSCRIPT, .VTT). */
const ZOOM_TRANSCRIPT = [
	'WEBVTT',
	'',
	'1',
	'00:00:01.520 --> 00:00:04.310',
	'Jane Doe: Hello everyone, thanks for joining.',
	'',
	'2',
	'00:00:05.000 --> 00:00:09.750',
	'John Smith: Hi Jane. Quick question: is the',
	'budget final?',
	'',
	'3',
	'00:01:02.100 --> 00:01:03.000',
	'Jane Doe: Yes.',
	'',
	'4',
	'01:00:00.000 --> 01:00:02.500',
	'Unattributed words without a speaker',
	'',
].join('\n');

describe('parseVtt: Zoom transcripts into segments and text', () => {
	test('segments carry start/end seconds, speaker and text; multi-line cues are joined', () => {
		const transcript = parseVtt(ZOOM_TRANSCRIPT);
		assert.deepEqual(transcript.segments, [
			{ start: 1.52, end: 4.31, speaker: 'Jane Doe', text: 'Hello everyone, thanks for joining.' },
			{
				start: 5,
				end: 9.75,
				speaker: 'John Smith',
				text: 'Hi Jane. Quick question: is the budget final?',
			},
			{ start: 62.1, end: 63, speaker: 'Jane Doe', text: 'Yes.' },
			{ start: 3600, end: 3602.5, speaker: '', text: 'Unattributed words without a speaker' },
		]);
		assert.deepEqual(transcript.speakers, ['Jane Doe', 'John Smith']);
		assert.equal(
			transcript.text,
			[
				'Jane Doe: Hello everyone, thanks for joining.',
				'John Smith: Hi Jane. Quick question: is the budget final?',
				'Jane Doe: Yes.',
				'Unattributed words without a speaker',
			].join('\n'),
		);
	});

	test('CRLF, a byte-order mark, NOTE blocks, cue settings and voice tags', () => {
		const vtt =
			'\uFEFFWEBVTT - Zoom\r\n\r\nNOTE exported --> by Zoom\r\n\r\n' +
			'00:05.000 --> 00:06.250 align:start position:10%\r\n<v Ada Admin>Short &amp; sweet</v>\r\n\r\n' +
			'cue-7\r\n00:00:07,000 --> 00:00:08,000\r\n<b>Ben Baker</b>: bold name\r\n';
		assert.deepEqual(parseVtt(vtt).segments, [
			{ start: 5, end: 6.25, speaker: 'Ada Admin', text: 'Short & sweet' },
			{ start: 7, end: 8, speaker: 'Ben Baker', text: 'bold name' },
		]);
	});

	test('an empty file or a header only gives no segments and empty text', () => {
		assert.deepEqual(parseVtt(''), { segments: [], text: '', speakers: [] });
		assert.deepEqual(parseVtt('WEBVTT\n\n'), { segments: [], text: '', speakers: [] });
	});

	test('timestamps with and without hours', () => {
		assert.equal(parseTimestamp('00:00:01.500'), 1.5);
		assert.equal(parseTimestamp('12:34.567'), 754.567);
		assert.equal(parseTimestamp('10:00:00.001'), 36000.001);
	});
});
