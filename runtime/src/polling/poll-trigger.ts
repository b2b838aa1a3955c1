import { createHash } from 'node:crypto';
import type { ConnectorDefinition, TriggerPolling } from '../definition.ts';
import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import type { Page } from '../paginate/page.ts';
import { readPollState, type PollState } from './poll-state.ts';
import type { PollStateStore } from './poll-state-store.ts';
import { runPoll, type PollResult } from './run-poll.ts';

/** Per-call options of `poll`. */
export interface PollOptions {
  /** The trigger's input (its `inputSchema`: e.g. owner and repo). */
  input?: object;
  /** Key in the state store; default: connector, trigger and a hash of the input. */
  stateKey?: string;
  signal?: AbortSignal;
  /** Per-page timeout. */
  timeoutMs?: number;
}

/** `ConnectorOptions.polling`. */
export interface PollingConnectorOptions {
  /** Where states live when `poll` is not handed one. Default: in memory, per connector. */
  stateStore?: PollStateStore;
  /** Dedupe identities remembered per trigger (default 2000). */
  maxSeen?: number;
}

/**
 * `connector.poll`: loads the state (argument, else store), runs one poll through the connector's
 * pagination (so retries and rate limits apply), stores the next state and returns it.
 * `state === null` forces a new baseline.
 */
export async function pollTrigger<T>(options: {
  definition: ConnectorDefinition;
  triggerId: string;
  state: PollState | null | undefined;
  options: PollOptions;
  store: PollStateStore;
  maxSeen?: number;
  now: number;
  pages: (request: { actionId: string; input: Record<string, unknown>; maxPages: number }) => AsyncIterable<Page>;
}): Promise<PollResult<T>> {
  const { definition, triggerId } = options;
  const trigger = (definition.supported_triggers ?? []).find((candidate) => candidate.id === triggerId);
  if (!trigger) {
    throw new ConnectorError({ code: ErrorCode.unknownAction, message: `unknown trigger ${JSON.stringify(String(triggerId).slice(0, 200))}` });
  }
  const polling: TriggerPolling | undefined = trigger.polling;
  if (!trigger.pollingEnabled || !polling) {
    throw new ConnectorError({ code: ErrorCode.configuration, message: `trigger "${trigger.id}" is not a polling trigger` });
  }
  const input = { ...(options.options.input ?? {}) } as Record<string, unknown>;
  const key = options.options.stateKey ?? stateKeyOf({ connector: definition.name, triggerId: trigger.id, input });
  const { store } = options;
  const once = (given: unknown): Promise<PollResult<T>> =>
    runPoll<T>({
      trigger,
      polling,
      state: readPollState({ value: given, triggerId: trigger.id }),
      input,
      now: options.now,
      ...(options.maxSeen !== undefined ? { maxSeen: options.maxSeen } : {}),
      // One page more than the poll reads, so pagination's own cap never fires first.
      pages: (pageInput) => options.pages({ actionId: polling.actionId, input: pageInput, maxPages: (polling.maxPages ?? 10) + 1 }),
    });
  if (options.state !== undefined || !store.compareAndSet) {
    const result = await once(options.state === undefined ? await store.get(key) : options.state);
    await store.set(key, result.state);
    return result;
  }
  // A shared store: only a poll whose state is written may emit; a poller that lost the race
  // polls again from the state the winner wrote (its items are the winner's to emit).
  for (let attempt = 1; attempt <= MAX_STATE_CONFLICTS; attempt++) {
    const expected = (await store.get(key)) ?? undefined;
    const result = await once(expected);
    if (await store.compareAndSet(key, { expected, next: result.state })) return result;
  }
  throw new ConnectorError({
    code: ErrorCode.pollConflict,
    message: `trigger "${trigger.id}": the poll state changed under ${MAX_STATE_CONFLICTS} polls in a row (other pollers); poll again later`,
    retryable: true,
  });
}

/** Polls in a row that may lose the state to another poller before `poll` gives up (retryable). */
const MAX_STATE_CONFLICTS = 5;

function stateKeyOf(options: { connector: string; triggerId: string; input: Record<string, unknown> }): string {
  const digest = createHash('sha256').update(stableJson(options.input)).digest('hex').slice(0, 32);
  return `${options.connector}:${options.triggerId}:${digest}`;
}

/** JSON with object keys sorted, so the same input always names the same state. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
