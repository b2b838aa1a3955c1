import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import type { RedisScriptClient } from '../rate-limit/redis-rate-limit-store.ts';
import type { OAuthTokens, TokenStore } from './token-store.ts';

const GET = `return redis.call('GET', KEYS[1])`;
const SET = `redis.call('SET', KEYS[1], ARGV[1]) return 1`;
/** Takes the lock when it is free; the value names the holder, so only the holder can release it. */
const LOCK = `if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end return 0`;
const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Longer than the token request's own timeout (30 s), so a slow refresh keeps its lock. */
const DEFAULT_LOCK_TTL_MS = 35_000;
const DEFAULT_POLL_MS = 25;
const MAX_POLL_MS = 250;

/**
 * One OAuth2 connection's tokens in Redis, shared by every worker that serves the connection. A
 * refresh takes a lock (`<key>:refresh`, SET NX PX): one worker calls the token endpoint, the
 * others wait for the lock to go and read the tokens it stored, so a rotating provider never sees
 * the same refresh token twice and nobody keeps a revoked access token. A holder that dies frees
 * the lock when it expires; a holder that fails frees it at once and the next waiter tries.
 *
 * Tokens are stored in clear JSON under `<prefix><key>`: the Redis must be as trusted as the
 * host's secret store. `key` names the connection (for example a connection id), never a token.
 */
export class RedisTokenStore implements TokenStore {
  private readonly client: RedisScriptClient;
  private readonly key: string;
  private readonly lockKey: string;
  private readonly lockTtlMs: number;
  private readonly waitTimeoutMs: number;

  constructor(options: {
    client: RedisScriptClient;
    /** The connection these tokens belong to. */
    key: string;
    prefix?: string;
    /** How long a refresh may hold the lock before another worker may take over. Default 35 s. */
    lockTtlMs?: number;
    /** How long a worker waits for another's refresh before failing (retryable). Default: lock TTL + 5 s. */
    waitTimeoutMs?: number;
  }) {
    if (options.key === '') throw new ConnectorError({ code: ErrorCode.configuration, message: 'RedisTokenStore needs a non-empty key' });
    this.client = options.client;
    this.key = `${options.prefix ?? 'specwire:oauth2:'}${options.key}`;
    this.lockKey = `${this.key}:refresh`;
    this.lockTtlMs = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
    this.waitTimeoutMs = options.waitTimeoutMs ?? this.lockTtlMs + 5_000;
  }

  async get(): Promise<OAuthTokens | undefined> {
    const raw = await this.client.eval(GET, 1, this.key);
    return typeof raw === 'string' ? parseTokens(raw) : undefined;
  }

  async set(tokens: OAuthTokens): Promise<void> {
    await this.client.eval(SET, 1, this.key, JSON.stringify(tokens));
  }

  async refreshOnce(options: { stale: string | undefined; refresh: () => Promise<OAuthTokens>; signal?: AbortSignal }): Promise<OAuthTokens> {
    const deadline = Date.now() + this.waitTimeoutMs;
    let pause = DEFAULT_POLL_MS;
    for (;;) {
      const newer = await this.newerThan(options.stale);
      if (newer) return newer;
      const holder = randomUUID();
      if (Number(await this.client.eval(LOCK, 1, this.lockKey, holder, this.lockTtlMs)) === 1) {
        try {
          // Checked again under the lock: the previous holder may have stored tokens just before releasing it.
          return (await this.newerThan(options.stale)) ?? (await options.refresh());
        } finally {
          await this.client.eval(UNLOCK, 1, this.lockKey, holder);
        }
      }
      if (Date.now() + pause > deadline) {
        throw new ConnectorError({ code: ErrorCode.oauth, message: 'another worker is still refreshing the OAuth2 token', retryable: true });
      }
      await delay(pause, undefined, options.signal ? { signal: options.signal } : {}).catch(() => {
        throw options.signal?.reason instanceof ConnectorError ? options.signal.reason : new ConnectorError({ code: ErrorCode.aborted, message: 'aborted while waiting for a token refresh' });
      });
      pause = Math.min(MAX_POLL_MS, pause * 2);
    }
  }

  /** The stored tokens when their access token is not `stale` (someone refreshed already). */
  private async newerThan(stale: string | undefined): Promise<OAuthTokens | undefined> {
    const current = await this.get();
    return current && current.accessToken !== stale ? current : undefined;
  }
}

/** A stored value that is not a token set (another writer, a corrupted key) counts as none. */
function parseTokens(raw: string): OAuthTokens | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const { accessToken, refreshToken, expiresAt, tokenType, scope } = value as Record<string, unknown>;
  if (typeof accessToken !== 'string' || accessToken === '') return undefined;
  const tokens: OAuthTokens = { accessToken };
  if (typeof refreshToken === 'string' && refreshToken !== '') tokens.refreshToken = refreshToken;
  if (typeof expiresAt === 'number' && Number.isFinite(expiresAt)) tokens.expiresAt = expiresAt;
  if (typeof tokenType === 'string') tokens.tokenType = tokenType;
  if (typeof scope === 'string') tokens.scope = scope;
  return tokens;
}
