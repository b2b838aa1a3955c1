import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import type { RedisScriptClient } from '../rate-limit/redis-rate-limit-store.ts';
import type { PollState } from './poll-state.ts';
import { serialisePollState, type PollStateStore } from './poll-state-store.ts';

const GET = `return redis.call('GET', KEYS[1])`;
const SET = `redis.call('SET', KEYS[1], ARGV[1]) return 1`;
/** ARGV[1]: '1' when an entry is expected, then its text; ARGV[3]: the new text. Atomic on the server. */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if current ~= ARGV[2] then return 0 end
elseif current then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3])
return 1
`;

/**
 * Poll states in Redis, for pollers on several workers: `compareAndSet` is one Lua script, so of two
 * pollers that read the same state only one writes the next; `poll` makes the other start again
 * from the winner's state, and every item is emitted once. Keys are `<prefix><state key>`; a
 * state holds item identities and a cursor, never a credential.
 */
export class RedisPollStateStore implements PollStateStore {
  private readonly client: RedisScriptClient;
  private readonly prefix: string;

  constructor(options: { client: RedisScriptClient; prefix?: string }) {
    this.client = options.client;
    this.prefix = options.prefix ?? 'specwire:poll-state:';
  }

  async get(key: string): Promise<PollState | undefined> {
    const raw = await this.client.eval(GET, 1, this.prefix + key);
    if (typeof raw !== 'string') return undefined;
    try {
      // The shape is checked by `poll` (readPollState) before use, like a state the host hands back.
      return JSON.parse(raw) as PollState;
    } catch {
      throw new ConnectorError({ code: ErrorCode.validation, message: `the poll state stored under "${key}" is not JSON` });
    }
  }

  async set(key: string, state: PollState): Promise<void> {
    await this.client.eval(SET, 1, this.prefix + key, serialisePollState(state));
  }

  async compareAndSet(key: string, options: { expected: PollState | undefined; next: PollState }): Promise<boolean> {
    const expected = options.expected === undefined ? ['0', ''] : ['1', serialisePollState(options.expected)];
    const reply = await this.client.eval(COMPARE_AND_SET, 1, this.prefix + key, ...expected, serialisePollState(options.next));
    return Number(reply) === 1;
  }
}
