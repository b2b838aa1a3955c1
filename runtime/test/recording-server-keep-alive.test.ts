import { describe, expect, it } from 'vitest';
import { startRecordingServer } from '../src/testing/index.ts';

/**
 * A client that blocks its event loop between two requests (the conformance judge compiling a large
 * spec's schemas) reuses its kept-alive socket after Node's default 5-second idle timeout; the
 * server used to reset it and the second request failed with ECONNRESET.
 */
describe('recording server keep-alive', () => {
  it('answers a request on a socket that sat idle while the client was busy for 6 seconds', async () => {
    const server = await startRecordingServer(() => ({ json: { ok: true } }));
    try {
      // Two rounds: the first socket's idle timer only starts once its response has been flushed.
      for (const round of [1, 2]) {
        expect(await (await fetch(`${server.url}/before-${round}`)).json()).toEqual({ ok: true });
        const until = Date.now() + 6_000;
        while (Date.now() < until) {
          // Busy on purpose: timers (the server's idle timeout and the client's) cannot run meanwhile.
        }
        expect(await (await fetch(`${server.url}/after-${round}`)).json()).toEqual({ ok: true });
      }
      expect(server.requests.map((request) => request.path)).toEqual(['/before-1', '/after-1', '/before-2', '/after-2']);
    } finally {
      await server.close();
    }
  }, 60_000);
});
