export * from './sender';
export * from './events';
export {
	RecordingFileStore,
	recordingBytes,
	recordingSha256,
	startRecordingFileServer,
} from '../routes/recordingFiles';
export type {
	RecordingFile,
	RecordingFileServer,
	RecordingFileSpec,
} from '../routes/recordingFiles';
