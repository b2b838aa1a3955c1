import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import { isRecord } from '../paginate/read-path.ts';

/**
 * What a polling trigger remembers between polls: plain JSON the host stores as it is (a database
 * column, a workflow's static data). Bounded: `seen` holds at most `maxSeen` identities.
 */
export interface PollState {
  version: 1;
  triggerId: string;
  /** High-water mark: the newest cursor value seen (raw, as the API gave it). */
  cursor?: string | number;
  /** Dedupe identities of recently seen items, newest poll first. */
  seen: string[];
  /** When this state was written (epoch ms, the connector's clock). */
  polledAt: number;
}

/** Checks a state handed back by the host; a state of another trigger or of another shape is refused. */
export function readPollState(options: { value: unknown; triggerId: string }): PollState | undefined {
  const { value, triggerId } = options;
  if (value === undefined || value === null) return undefined;
  const fail = (why: string): never => {
    throw new ConnectorError({ code: ErrorCode.validation, message: `poll state for trigger "${triggerId}" is invalid: ${why}` });
  };
  if (!isRecord(value)) return fail('not an object');
  if (value.version !== 1) return fail('unknown version (expected 1)');
  if (value.triggerId !== triggerId) return fail(`it belongs to trigger ${JSON.stringify(String(value.triggerId)).slice(0, 100)}`);
  const { cursor, seen, polledAt } = value;
  if (cursor !== undefined && typeof cursor !== 'string' && !(typeof cursor === 'number' && Number.isFinite(cursor))) fail('cursor must be a string or a number');
  if (!Array.isArray(seen) || seen.some((entry) => typeof entry !== 'string')) return fail('seen must be a list of strings');
  if (typeof polledAt !== 'number') return fail('polledAt must be a number');
  return { version: 1, triggerId, ...(cursor !== undefined ? { cursor: cursor as string | number } : {}), seen: [...(seen as string[])], polledAt };
}
