/**
 * A small typed event emitter. Listener errors are swallowed: a host's logging listener must not
 * turn a successful action into a failure. (node:events would also throw on an unhandled 'error'.)
 */
export class TypedEmitter<Events extends { [K in keyof Events]: unknown }> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): this {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.listeners.set(event, set);
    return this;
  }

  off<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): this {
    this.listeners.get(event)?.delete(listener as (payload: never) => void);
    return this;
  }

  /** Whether anyone listens (lets callers skip building a payload, e.g. redacting a URL). */
  has<K extends keyof Events>(event: K): boolean {
    return (this.listeners.get(event)?.size ?? 0) > 0;
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): boolean {
    const set = this.listeners.get(event);
    if (!set || set.size === 0) return false;
    for (const listener of [...set]) {
      try {
        (listener as (payload: Events[K]) => void)(payload);
      } catch {
        // A failing listener is the host's bug, not this request's.
      }
    }
    return true;
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }
}
