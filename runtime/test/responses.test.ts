import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BaseConnector, parseRetryAfter, type ApiBlock, type ConnectorOptions } from '@specwire/runtime';
import { defineAction, defineConnector } from './fixtures/define.ts';
import { runAction } from './fixtures/run.ts';

function responseAction(response: ApiBlock['response'], method: ApiBlock['method'] = 'GET') {
  return defineAction({ api: { response, method } });
}

describe('response types', () => {
  it('binary: a Uint8Array of the exact bytes', async () => {
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    const { response } = await runAction({
      action: responseAction({ type: 'binary', contentType: 'application/octet-stream' }),
      handler: () => ({ body: bytes, headers: { 'content-type': 'application/octet-stream' } }),
    });
    expect(response.data).toBeInstanceOf(Uint8Array);
    expect([...(response.data as Uint8Array)]).toEqual([...bytes]);
  });

  it('sends the response content type as Accept', async () => {
    const { srv } = await runAction({ action: responseAction({ type: 'binary', contentType: 'image/png' }), handler: () => ({ body: 'x' }) });
    expect(srv.requests[0]?.headers.accept).toBe('image/png');
  });

  it('text', async () => {
    const { response } = await runAction({ action: responseAction({ type: 'text' }), handler: () => ({ body: 'héllo', headers: { 'content-type': 'text/plain; charset=utf-8' } }) });
    expect(response.data).toBe('héllo');
  });

  it('none: the body is ignored', async () => {
    const { response } = await runAction({ action: responseAction({ type: 'none' }), handler: () => ({ body: 'ignored' }) });
    expect(response).toMatchObject({ success: true, data: undefined });
  });

  it('json with an empty 204 and an empty 200', async () => {
    const first = await runAction({ action: responseAction({ type: 'json' }, 'DELETE'), handler: () => ({ status: 204 }) });
    expect(first.response).toMatchObject({ success: true, data: undefined, metadata: { status: 204 } });
    const second = await runAction({ action: responseAction({ type: 'json' }), handler: () => ({ status: 200, body: '' }) });
    expect(second.response).toMatchObject({ success: true, data: undefined });
  });

  it('HTML where JSON was promised: a parse error without the body', async () => {
    const html = '<html><body>secret internal page</body></html>';
    const { response } = await runAction({ action: responseAction({ type: 'json' }), handler: () => ({ body: html, headers: { 'content-type': 'text/html' } }) });
    expect(response.success).toBe(false);
    expect(response.error?.code).toBe('RESPONSE_PARSE_ERROR');
    expect(response.error?.message).toBe(`response body is not valid JSON (content-type text/html, ${html.length} bytes)`);
    expect(JSON.stringify(response)).not.toContain('secret internal page');
  });

  it('metadata: status, request id and headers without set-cookie', async () => {
    const { response } = await runAction({
      action: responseAction({ type: 'json' }),
      handler: () => ({ status: 201, json: { id: 1 }, headers: { 'x-request-id': 'req-9', 'set-cookie': 'sid=1' } }),
    });
    expect(response.metadata?.status).toBe(201);
    expect(response.metadata?.requestId).toBe('req-9');
    expect(response.metadata?.headers?.['content-type']).toBe('application/json');
    expect(response.metadata?.headers?.['set-cookie']).toBeUndefined();
    expect(response.metadata?.responseTime).toBeGreaterThan(0);
  });
});

describe('http errors', () => {
  it('429 with Retry-After: retryable with the wait in seconds and the server message', async () => {
    const { response } = await runAction({
      action: responseAction({ type: 'json' }),
      handler: () => ({ status: 429, headers: { 'retry-after': '2' }, json: { message: 'slow down' } }),
    });
    expect(response.error).toMatchObject({ code: 'HTTP_429', statusCode: 429, retryable: true, retryAfter: 2, message: 'HTTP 429 Too Many Requests: slow down' });
    expect(response.metadata?.status).toBe(429);
  });

  it('404 is not retryable; a long text body is cut', async () => {
    const { response } = await runAction({
      action: responseAction({ type: 'json' }),
      handler: () => ({ status: 404, body: 'x'.repeat(10_000), headers: { 'content-type': 'text/plain' } }),
    });
    expect(response.error?.retryable).toBe(false);
    const body = (response.error!.details as { body: string }).body;
    expect(body.length).toBeLessThan(4_200);
    expect(body).toContain('[10000 bytes]');
  });

  it('parses Retry-After as seconds, HTTP date and retry-after-ms', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter({ headers: new Headers({ 'retry-after': '5' }) })).toBe(5);
    expect(parseRetryAfter({ headers: new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:10 GMT' }), now })).toBe(10);
    expect(parseRetryAfter({ headers: new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }) })).toBe(0.25);
    expect(parseRetryAfter({ headers: new Headers({ 'retry-after': 'soon' }) })).toBeUndefined();
  });
});

describe('limits and faults', () => {
  function connector(options: ConnectorOptions) {
    return new BaseConnector(defineConnector({ supported_actions: [responseAction({ type: 'json' })] }), options);
  }

  it('refuses a body over the cap (declared length)', async () => {
    const { response } = await runAction({
      action: responseAction({ type: 'json' }),
      connector: { maxResponseBytes: 1_000 },
      handler: () => ({ json: { data: 'x'.repeat(2_000) } }),
    });
    expect(response.error?.code).toBe('RESPONSE_TOO_LARGE');
  });

  it('stops reading a streamed body at the cap', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1_024));
        if (pulled > 10_000) controller.close();
      },
    });
    const fetch: typeof globalThis.fetch = async () => new Response(stream, { headers: { 'content-type': 'application/json' } });
    const response = await connector({ baseUrl: 'http://127.0.0.1:9', fetch, maxResponseBytes: 10_000 }).executeAction('test_action');
    expect(response.error?.code).toBe('RESPONSE_TOO_LARGE');
    expect(pulled).toBeLessThan(20);
  });

  it('counts decompressed bytes (gzip bomb)', async () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024));
    const { response } = await runAction({
      action: responseAction({ type: 'json' }),
      connector: { maxResponseBytes: 1024 * 1024 },
      handler: () => ({ body: bomb, headers: { 'content-encoding': 'gzip', 'content-type': 'application/json' } }),
    });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(response.error?.code).toBe('RESPONSE_TOO_LARGE');
  });

  it('times out', async () => {
    const started = performance.now();
    const { response } = await runAction({ action: responseAction({ type: 'json' }), connector: { timeoutMs: 100 }, handler: () => ({ delayMs: 10_000 }) });
    expect(response.error).toMatchObject({ code: 'TIMEOUT', retryable: true, message: 'request timed out after 100 ms' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a reset connection is a retryable network error', async () => {
    const { response } = await runAction({ action: responseAction({ type: 'json' }), handler: () => ({ destroySocket: true }) });
    expect(response.error?.code).toBe('NETWORK_ERROR');
    expect(response.error?.retryable).toBe(true);
  });
});
