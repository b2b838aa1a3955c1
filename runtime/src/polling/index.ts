export { pollTrigger, type PollOptions, type PollingConnectorOptions } from './poll-trigger.ts';
export { runPoll, DEFAULT_POLL_MAX_PAGES, DEFAULT_POLL_MAX_SEEN, type PollResult } from './run-poll.ts';
export { readPollState, type PollState } from './poll-state.ts';
export { InMemoryPollStateStore, type PollStateStore } from './poll-state-store.ts';
