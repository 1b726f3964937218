import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	binaryPropertyNames,
	notDownloadable,
} from '../../nodes/ZoomWorkplace/actions/cloudRecording/files';
import {
	fileTypesSchema,
	filterFiles,
} from '../../nodes/ZoomWorkplace/actions/cloudRecording/shared';
import { scopeNotice } from '../../nodes/ZoomWorkplace/actions/shared/scopeNotice';
import { properties } from '../../nodes/ZoomWorkplace/actions/versionDescription';
import { ZoomWorkplaceServerToServerOAuthApi } from '../../credentials/ZoomWorkplaceServerToServerOAuthApi.credentials';
import { ENDPOINTS } from '../../nodes/core/zoom/endpoints';
import { hintFor } from '../../nodes/core/transport/errors';

describe('recording decisions', () => {
	test('binary property names: the type in lower case, repeats numbered, an optional prefix', () => {
		const files = [
			{ file_type: 'MP4' },
			{ file_type: 'MP4' },
			{ file_type: 'M4A' },
			{ file_type: 'TRANSCRIPT' },
			{ file_type: 'MP4' },
			{ file_type: 'CHAT_MESSAGE' },
		];
		assert.deepEqual(binaryPropertyNames(files), [
			'mp4',
			'mp4_2',
			'm4a',
			'transcript',
			'mp4_3',
			'chat_message',
		]);
		assert.deepEqual(binaryPropertyNames(files.slice(0, 2), 'rec_'), ['rec_mp4', 'rec_mp4_2']);
	});

	test('a file without download_url or still processing is not downloaded, and says why', () => {
		assert.equal(
			notDownloadable({ download_url: 'https://zoom.us/rec/download/x', status: 'completed' }),
			undefined,
		);
		assert.match(notDownloadable({ file_path: '/on/prem.mp4' }) ?? '', /On-Premise/);
		assert.match(
			notDownloadable({ download_url: 'https://zoom.us/rec/download/x', status: 'processing' }) ??
				'',
			/still being processed/,
		);
	});

	test('file types: a list from the editor, or comma-separated text from an expression', () => {
		assert.deepEqual(fileTypesSchema.parse(['MP4', 'TRANSCRIPT']), ['MP4', 'TRANSCRIPT']);
		assert.deepEqual(fileTypesSchema.parse('mp4, cc'), ['MP4', 'CC']);
		assert.equal(fileTypesSchema.safeParse(['MOV']).success, false);
		const files = [{ file_type: 'MP4' }, { file_type: 'CC' }, { file_type: 'M4A' }];
		assert.deepEqual(filterFiles(files, ['CC', 'M4A']), [
			{ file_type: 'CC' },
			{ file_type: 'M4A' },
		]);
		assert.equal(filterFiles(files, []).length, 3);
	});

	test('errors name the missing plan, setting or scope in words a user can act on', () => {
		assert.match(
			hintFor(400, 4711, 'Invalid access token, does not contain scopes:[report:read:admin].') ??
				'',
			/report:read:admin.*Server-to-Server OAuth/,
		);
		assert.match(hintFor(400, 200, 'Only available for paid account: abc') ?? '', /Pro or higher/);
		assert.match(
			hintFor(404, 3301, 'There is no recording for this meeting.') ?? '',
			/not recorded to the cloud/,
		);
		assert.match(hintFor(400, 12702, 'Can not access a meeting a year ago.') ?? '', /12 months/);
		assert.match(
			hintFor(400, 3303, "This user's cloud recording is disabled.") ?? '',
			/Cloud Recording is off.*Account Settings/,
		);
		// Other scope errors keep the generic advice.
		assert.match(
			hintFor(400, 4711, 'does not contain scopes:[meeting:read]') ?? '',
			/lacks a scope/,
		);
	});

	test('scope notices come from the endpoint catalogue', () => {
		const notice = scopeNotice(['reportMeetingParticipants']);
		assert.equal(notice.type, 'notice');
		assert.match(notice.displayName, /report:read:admin/);
		assert.match(notice.displayName, /report:read:list_meeting_participants:admin/);
	});

	test('resources and operations carry the names of the design contract', () => {
		const resource = properties.find((p) => p.name === 'resource');
		const values = (resource?.options as Array<{ value: string }>).map((o) => o.value);
		for (const name of ['cloudRecording', 'pastMeeting', 'report'])
			assert.ok(values.includes(name), name);
		const operationsOf = (name: string) =>
			properties
				.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(name))
				.flatMap((p) => (p.options as Array<{ value: string }>).map((o) => o.value))
				.sort();
		assert.deepEqual(operationsOf('cloudRecording'), [
			'delete',
			'download',
			'get',
			'getAll',
			'getTranscript',
			'recover',
		]);
		assert.deepEqual(operationsOf('pastMeeting'), ['get', 'getInstances', 'getParticipants']);
		assert.deepEqual(operationsOf('report'), ['getMeetingParticipants']);
		const show = (operation: string) => (p: (typeof properties)[number]) =>
			p.displayOptions?.show?.resource?.includes('cloudRecording') &&
			p.displayOptions.show.operation?.includes(operation);
		const names = (operation: string) => properties.filter(show(operation)).map((p) => p.name);
		assert.ok(['userId', 'from', 'to'].every((n) => names('getAll').includes(n)));
		assert.ok(names('download').includes('fileTypes'));
		assert.ok(
			['get', 'download', 'getTranscript', 'delete', 'recover'].every((op) =>
				names(op).includes('meetingId'),
			),
		);
	});

	test('the Server-to-Server credential notice names the admin scope of every recording, past-meeting and report endpoint', () => {
		const notice = new ZoomWorkplaceServerToServerOAuthApi().properties.find(
			(p) => p.name === 'recordingScopesNotice',
		);
		const names = [
			'listUserRecordings',
			'getMeetingRecordings',
			'deleteMeetingRecordings',
			'deleteRecordingFile',
			'recoverMeetingRecordings',
			'recoverRecordingFile',
			'getPastMeeting',
			'listPastMeetingInstances',
			'listPastMeetingParticipants',
			'reportMeetingParticipants',
		] as const;
		for (const name of names) {
			const admin = ENDPOINTS[name].scopes.classic.find((scope) => scope.endsWith(':admin'));
			assert.ok(admin && notice?.displayName.includes(admin), `${name}: ${admin}`);
		}
	});
});
