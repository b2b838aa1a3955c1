import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defineAction } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';
import { faultConnector } from '../support/fault-connector.ts';
import { createTestClock } from '../support/test-clock.ts';

/** HOSTILE-INPUTS 31: gzip bomb, a 2 GB body, HTML with status 200 → size cap and a parse error, without dumping the body. */
describe('hostile response bodies', () => {
  it('a gzip bomb stops at the cap of decoded bytes; not retried', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    const srv = await server(() => ({ body: bomb, headers: { 'content-encoding': 'gzip', 'content-type': 'application/json' } }));
    const { connector } = faultConnector({ srv, clock: createTestClock(), connector: { maxResponseBytes: 1024 * 1024 } });
    const response = await connector.executeAction('test_action');
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    expect(response.error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', message: 'response body exceeds the 1048576-byte limit', attempts: 1 });
    expect(srv.requests).toHaveLength(1);
  });

  it('a declared 2 GB body is refused before it is read', async () => {
    const srv = await server(() => ({ headers: { 'content-length': String(2 * 1024 ** 3) }, trickle: { chunk: 'x', intervalMs: 5, count: 1_000 } }));
    const { connector } = faultConnector({ srv, clock: createTestClock() });
    const started = performance.now();
    const response = await connector.executeAction('test_action');
    expect(response.error?.code).toBe('RESPONSE_TOO_LARGE');
    // Reading the trickle would take 5 s.
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('an undeclared endless body stops at the cap', async () => {
    const srv = await server(() => ({ trickle: { chunk: 'x'.repeat(64 * 1024), intervalMs: 1, count: 100_000 } }));
    const { connector } = faultConnector({ srv, clock: createTestClock(), connector: { maxResponseBytes: 512 * 1024 } });
    const response = await connector.executeAction('test_action');
    expect(response.error?.code).toBe('RESPONSE_TOO_LARGE');
  });

  it('HTML with status 200 where JSON was promised: a parse error stating type and size, never the body', async () => {
    const html = '<html><body>internal admin token=abc123</body></html>';
    const srv = await server(() => ({ status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8' } }));
    const { connector } = faultConnector({ srv, clock: createTestClock(), action: defineAction({ api: { response: { type: 'json' } } }) });
    const response = await connector.executeAction('test_action');
    expect(response.error).toMatchObject({ code: 'RESPONSE_PARSE_ERROR', message: `response body is not valid JSON (content-type text/html; charset=utf-8, ${html.length} bytes)` });
    expect(JSON.stringify(response)).not.toContain('abc123');
    expect(srv.requests).toHaveLength(1);
  });
});
