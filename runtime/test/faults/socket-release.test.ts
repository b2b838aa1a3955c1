import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BaseConnector } from '@specwire/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { defineAction, defineConnector } from '../fixtures/define.ts';

/**
 * A GET goes through ofetch to Node's fetch under the request's signal: the overall timeout and
 * the caller's abort must end the call and close the socket on a
 * 127.0.0.1 server that stalls before the headers or while the body trickles, so a stalled server
 * never holds a connection for undici's own 300 s timeouts.
 */
interface StallServer {
  url: string;
  /** Resolves when the server sees the request's socket close, with the time it closed. */
  socketClosed: Promise<number>;
  requests: number;
}

const servers: Server[] = [];

afterEach(async () => {
  for (const srv of servers.splice(0)) {
    srv.closeAllConnections();
    await new Promise((resolve) => srv.close(resolve));
  }
});

async function stallServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<StallServer> {
  let closed: (at: number) => void = () => undefined;
  const state: StallServer = { url: '', socketClosed: new Promise<number>((resolve) => (closed = resolve)), requests: 0 };
  const srv = createServer((req, res) => {
    state.requests += 1;
    req.socket.once('close', () => closed(performance.now()));
    handle(req, res);
  });
  servers.push(srv);
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  return state;
}

function connectorFor(url: string, options: { timeoutMs?: number } = {}): BaseConnector {
  return new BaseConnector(defineConnector({ supported_actions: [defineAction()] }), { baseUrl: url, retry: false, rateLimit: false, ...options });
}

describe('socket release on the direct fetch path', () => {
  it('headers that never arrive: TIMEOUT at the overall timeout, and the socket is closed', async () => {
    const srv = await stallServer(() => undefined);
    const started = performance.now();
    const response = await connectorFor(srv.url, { timeoutMs: 300 }).executeAction('test_action');
    const ended = performance.now();
    expect(response.error).toMatchObject({ code: 'TIMEOUT', message: 'request timed out after 300 ms' });
    expect(ended - started).toBeGreaterThanOrEqual(290);
    expect(ended - started).toBeLessThan(4_000);
    const closedAt = await srv.socketClosed;
    expect(closedAt - started).toBeLessThan(4_000);
    expect(srv.requests).toBe(1);
  });

  it('a body that trickles past the timeout: TIMEOUT, and the socket is closed', async () => {
    const srv = await stallServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(timer));
    });
    const started = performance.now();
    const response = await connectorFor(srv.url, { timeoutMs: 300 }).executeAction('test_action');
    expect(response.error).toMatchObject({ code: 'TIMEOUT', message: 'request timed out after 300 ms' });
    const closedAt = await srv.socketClosed;
    expect(closedAt - started).toBeLessThan(4_000);
  });

  it("the caller's abort while the server stalls: ABORTED, and the socket is closed", async () => {
    const controller = new AbortController();
    const srv = await stallServer(() => setTimeout(() => controller.abort(), 50));
    const started = performance.now();
    const response = await connectorFor(srv.url).executeAction('test_action', {}, { signal: controller.signal });
    expect(response.error).toMatchObject({ code: 'ABORTED', retryable: false });
    expect(performance.now() - started).toBeLessThan(4_000);
    const closedAt = await srv.socketClosed;
    expect(closedAt - started).toBeLessThan(4_000);
  });

  it('a completed request leaves its keep-alive socket open and reusable', async () => {
    const srv = await stallServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '11' });
      res.end('{"ok":true}');
    });
    const connector = connectorFor(srv.url, { timeoutMs: 300 });
    expect(await connector.executeAction('test_action')).toMatchObject({ success: true, data: { ok: true } });
    // Well past the timeout of the first call: its timer was cleared, nothing aborts the idle socket.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await connector.executeAction('test_action')).toMatchObject({ success: true, data: { ok: true } });
    expect(srv.requests).toBe(2);
    const stillOpen = await Promise.race([srv.socketClosed.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), 50))]);
    expect(stillOpen).toBe(true);
  });
});
