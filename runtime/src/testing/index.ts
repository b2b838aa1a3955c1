export {
  startRecordingServer,
  type MockResponse,
  type RecordedRequest,
  type RecordingHandler,
  type RecordingServer,
} from './recording-server.ts';
