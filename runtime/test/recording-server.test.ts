import { describe, expect, it } from 'vitest';
import { startRecordingServer } from '@specwire/runtime/testing';

describe('startRecordingServer', () => {
  it('records raw requests and answers { ok: true } by default', async () => {
    const srv = await startRecordingServer();
    try {
      expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${srv.url}/a%2Fb/c?x=1&x=2&y=a+b`, { method: 'PUT', headers: { 'X-Thing': 'v', 'content-type': 'text/plain' }, body: 'hi' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
      expect(srv.requests).toEqual([
        expect.objectContaining({
          method: 'PUT',
          path: '/a%2Fb/c?x=1&x=2&y=a+b',
          pathname: '/a%2Fb/c',
          query: { x: ['1', '2'], y: ['a b'] },
          contentType: 'text/plain',
        }),
      ]);
      expect(srv.requests[0]?.headers['x-thing']).toBe('v');
      expect(srv.requests[0]?.body.toString()).toBe('hi');
    } finally {
      await srv.close();
    }
  });

  it('respondWith replaces the handler; raw bodies and statuses pass through', async () => {
    const srv = await startRecordingServer(() => ({ status: 201, json: { first: true } }));
    try {
      expect(await (await fetch(srv.url)).json()).toEqual({ first: true });
      srv.respondWith((req) => ({ status: 418, body: `no ${req.method}`, headers: { 'content-type': 'text/plain' } }));
      const res = await fetch(srv.url, { method: 'DELETE' });
      expect(res.status).toBe(418);
      expect(await res.text()).toBe('no DELETE');
    } finally {
      await srv.close();
    }
  });

  it('close() ends keep-alive connections promptly', async () => {
    const srv = await startRecordingServer();
    await fetch(srv.url);
    const started = performance.now();
    await srv.close();
    // Far below the 5 s keep-alive a lingering connection would hold it open.
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
