import type { RedisScriptClient } from '../rate-limit/redis-rate-limit-store.ts';
import type { WebhookReplayStore } from './replay-store.ts';

/** Records the key only when absent (SET NX), with the replay window as its lifetime: one round trip, atomic. */
const REMEMBER = `if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 1 end return 0`;

/**
 * Webhook replay protection shared by every worker: a delivery is accepted by exactly one of them,
 * however many receive it. Keys are `<prefix><key>` (the key is already a hash, never a secret or a
 * signature) and expire with the replay window, so the set never grows past the deliveries of one window.
 */
export class RedisWebhookReplayStore implements WebhookReplayStore {
  private readonly client: RedisScriptClient;
  private readonly prefix: string;

  constructor(options: { client: RedisScriptClient; prefix?: string }) {
    this.client = options.client;
    this.prefix = options.prefix ?? 'specwire:webhook-replay:';
  }

  async remember(options: { key: string; expiresAt: number; now: number }): Promise<boolean> {
    // A window that has already closed still records the key briefly: PX must be positive.
    const ttlMs = Math.max(1, Math.ceil(options.expiresAt - options.now));
    return Number(await this.client.eval(REMEMBER, 1, this.prefix + options.key, ttlMs)) === 1;
  }
}
