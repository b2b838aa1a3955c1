import { createServer } from 'node:http';

/** What the server saw, for the report. */
export interface ServerCounts {
  requests: number;
  ok: number;
  rateLimited: number;
  failed503: number;
  /** Most requests admitted (not refused with 429) in any one window. */
  busiestWindow: number;
}

/**
 * A loopback API that enforces a fixed-window limit (`limit` requests per `windowMs`, 429 beyond it,
 * with X-RateLimit-Remaining / X-RateLimit-Reset like GitHub) and fails 5 % of the requests it
 * admits with 503. The 503s come from a seeded generator, so every run fails the same share.
 */
export async function startLimitedServer(options: { limit: number; windowMs: number; failureRate: number; seed?: number }): Promise<{
  url: string;
  counts: ServerCounts;
  close(): Promise<void>;
}> {
  const counts: ServerCounts = { requests: 0, ok: 0, rateLimited: 0, failed503: 0, busiestWindow: 0 };
  let windowStart = 0;
  let inWindow = 0;
  let state = options.seed ?? 20_251_204;
  const random = () => {
    // A 32-bit linear congruential generator: reproducible, good enough to pick 5 %.
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const body = JSON.stringify({ id: 1, title: 'Bug', labels: ['a', 'b'] });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      counts.requests += 1;
      const now = Date.now();
      const window = Math.floor(now / options.windowMs) * options.windowMs;
      if (window !== windowStart) {
        windowStart = window;
        inWindow = 0;
      }
      const resetSeconds = Math.ceil((window + options.windowMs) / 1000);
      if (inWindow >= options.limit) {
        counts.rateLimited += 1;
        res.writeHead(429, { 'content-type': 'application/json', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetSeconds) });
        res.end('{"message":"rate limited"}');
        return;
      }
      inWindow += 1;
      counts.busiestWindow = Math.max(counts.busiestWindow, inWindow);
      if (random() < options.failureRate) {
        counts.failed503 += 1;
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"message":"try again"}');
        return;
      }
      counts.ok += 1;
      res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': String(options.limit - inWindow), 'x-ratelimit-reset': String(resetSeconds) });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
