import type { PollState } from './poll-state.ts';

/** Where `poll` keeps state when the host does not pass it: one entry per trigger and input. */
export interface PollStateStore {
  get(key: string): Promise<PollState | undefined> | PollState | undefined;
  set(key: string, state: PollState): Promise<void> | void;
}

/** The default store: a map in this process (states are copied in and out, so callers cannot alter them). */
export class InMemoryPollStateStore implements PollStateStore {
  private readonly states = new Map<string, string>();

  get(key: string): PollState | undefined {
    const text = this.states.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as PollState);
  }

  set(key: string, state: PollState): void {
    this.states.set(key, JSON.stringify(state));
  }
}
