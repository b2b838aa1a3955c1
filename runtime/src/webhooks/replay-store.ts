/**
 * Remembers deliveries seen within the replay window. Keys are opaque hashes (never a secret or a
 * raw signature). A shared store (Redis, a database) lets several processes refuse each other's replays.
 */
export interface WebhookReplayStore {
  /** Records `key` until `expiresAt` (epoch ms). Resolves false when the key is already recorded and unexpired. */
  remember(options: { key: string; expiresAt: number; now: number }): Promise<boolean> | boolean;
}

/** The default store: a map in this process, bounded (oldest entries go first past `maxEntries`). */
export class InMemoryWebhookReplayStore implements WebhookReplayStore {
  private readonly entries = new Map<string, number>();
  private readonly maxEntries: number;

  constructor(options: { maxEntries?: number } = {}) {
    this.maxEntries = options.maxEntries ?? 100_000;
  }

  remember(options: { key: string; expiresAt: number; now: number }): boolean {
    const { key, expiresAt, now } = options;
    const known = this.entries.get(key);
    if (known !== undefined && known > now) return false;
    this.entries.delete(key);
    this.entries.set(key, expiresAt);
    if (this.entries.size > this.maxEntries) this.evict(now);
    return true;
  }

  /** Entries currently held (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  private evict(now: number): void {
    for (const [key, expiresAt] of this.entries) {
      if (expiresAt <= now) this.entries.delete(key);
    }
    // Still too many live entries: drop the oldest inserted.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
