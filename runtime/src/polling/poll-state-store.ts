import type { PollState } from './poll-state.ts';

/** Where `poll` keeps state when the host does not pass it: one entry per trigger and input. */
export interface PollStateStore {
  get(key: string): Promise<PollState | undefined> | PollState | undefined;
  set(key: string, state: PollState): Promise<void> | void;
  /**
   * Optional, for stores shared by several pollers: writes `next` only if the entry still is
   * `expected` (the state `get` returned; undefined: no entry), and says whether it did. `poll`
   * then returns items only from a poll whose state was written, so two pollers never emit the
   * same item; the loser polls again from the winner's state. Without it, the last `set` wins.
   */
  compareAndSet?(key: string, options: { expected: PollState | undefined; next: PollState }): Promise<boolean> | boolean;
}

/**
 * The serialised form a store compares: the JSON of the state exactly as `get` returned it.
 * Stores keep that text, so a state read back and passed as `expected` matches byte for byte.
 */
export function serialisePollState(state: PollState): string {
  return JSON.stringify(state);
}

/** The default store: a map in this process (states are copied in and out, so callers cannot alter them). */
export class InMemoryPollStateStore implements PollStateStore {
  private readonly states = new Map<string, string>();

  get(key: string): PollState | undefined {
    const text = this.states.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as PollState);
  }

  set(key: string, state: PollState): void {
    this.states.set(key, serialisePollState(state));
  }

  compareAndSet(key: string, options: { expected: PollState | undefined; next: PollState }): boolean {
    const current = this.states.get(key);
    const expected = options.expected === undefined ? undefined : serialisePollState(options.expected);
    if (current !== expected) return false;
    this.states.set(key, serialisePollState(options.next));
    return true;
  }
}
