export {
  startRecordingServer,
  type MockResponse,
  type RecordedRequest,
  type RecordingHandler,
  type RecordingServer,
} from './recording-server.ts';
export { checkActionRequest, type ActionRequestCase, type ExpectedRequest } from './check-action-request.ts';
