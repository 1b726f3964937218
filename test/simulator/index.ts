export { startZoomSimulator } from './server';
export type { ZoomSimulator } from './server';
export type {
	FaultSpec,
	IssueTokenOptions,
	OAuthAppInput,
	RateCategory,
	ServerToServerAppInput,
	SimulatorCounters,
	SimulatorOptions,
	ZoomMeeting,
	ZoomOccurrence,
	ZoomRecurrence,
	ZoomUser,
} from './types';
export { SimulatorState, DEFAULT_ACCOUNT_ID, OWNER_ID, OWNER_EMAIL } from './state';
export type { AccessTokenRecord, Account, App } from './state';
export { ALL_SCOPES, ENDPOINT_SCOPES } from './scopes';
export { PRO_RATE_LIMITS } from './rateLimit';
export { events, EventStore } from './routes/events';
export type { SimPanelist, SimRegistrant, SimWebinar } from './routes/events';
export type { SpecViolation } from './spec';
export {
	addPastMeeting,
	addRecording,
	fileContent,
	fileSha256,
	generatedBytes,
	recordingStore,
} from './routes/recordingStore';
export type {
	PastMeetingInput,
	RecordingFileInput,
	RecordingInput,
	RecordingStore,
	StoredPastMeeting,
	StoredRecording,
	StoredRecordingFile,
} from './routes/recordingStore';
export { addMeetingSummary, sampleSummaryContent, summaryStore } from './routes/summaries';
export type { StoredSummary, SummaryInput, SummaryStore } from './routes/summaries';
export {
	addChannel,
	addChatMessage,
	CHANNEL_WINDOWS,
	chatStore,
	stableChannelId,
} from './routes/chat';
export type {
	ChannelInput,
	ChatStore,
	MessageInput,
	SimChannel,
	SimChatMessage,
} from './routes/chat';
export { SEEDED_CHANNELS, SEEDED_SUMMARIES, seededSummaryUuid } from './seed';
export { DEFAULT_SUBSCRIPTION_ID, WebSocketSubscriptions } from './webSocket';
export type { SimWebSocketConnection } from './webSocket';
