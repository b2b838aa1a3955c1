import { describe, expect, it } from 'vitest';
import { defineAction, field } from './fixtures/define.ts';
import { runAction } from './fixtures/run.ts';

function action(options: { type?: 'string' | 'number' | 'object'; target: 'path' | 'query' | 'header' | 'body' }) {
  const { target, type = 'string' } = options;
  return defineAction({
    inputSchema: { v: field(type, { required: true }) },
    api: {
      method: target === 'body' ? 'POST' : 'GET',
      endpoint: target === 'path' ? '/items/{v}' : '/items',
      paramMapping: { v: target === 'body' ? { in: 'body', name: 'v' } : { in: target, name: target === 'header' ? 'X-V' : 'v', style: target === 'path' ? 'simple' : 'form', explode: false } },
      body: target === 'body' ? { encoding: 'json', contentType: 'application/json', required: true } : undefined,
    },
  });
}

/** HOSTILE-INPUTS 21: values with CR, LF, NUL or 1 MB long → encoded, or refused by a length cap. */
describe('control characters and very long values', () => {
  it.each(['a\r\nb', 'a\nb', 'a\u0000b'])('%j is percent-encoded in path and query, decoded back by the server', async (value) => {
    const path = await runAction({ action: action({ target: 'path' }), input: { v: value } });
    expect(path.srv.requests[0]?.pathname).toBe(`/items/${encodeURIComponent(value)}`);
    const query = await runAction({ action: action({ target: 'query' }), input: { v: value } });
    expect(query.srv.requests[0]?.query.v).toEqual([value]);
    expect(query.response.success).toBe(true);
  });

  it('a 1 MB query or path value is refused by the URL cap before sending, without echo', async () => {
    const long = 'x'.repeat(1024 * 1024);
    for (const target of ['query', 'path'] as const) {
      const { response, srv } = await runAction({ action: action({ target }), input: { v: long } });
      expect(response.error?.code).toBe('VALIDATION_ERROR');
      expect(response.error?.message).toMatch(/over the 65536-character limit/);
      expect(JSON.stringify(response).length).toBeLessThan(2_000);
      expect(srv.requests).toHaveLength(0);
    }
  });

  it('a 1 MB header value is refused by the header cap; a 1 MB body value is sent', async () => {
    const long = 'x'.repeat(1024 * 1024);
    const header = await runAction({ action: action({ target: 'header' }), input: { v: long } });
    expect(header.response.error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'input.v: header value longer than 8192 characters was refused' });
    expect(header.srv.requests).toHaveLength(0);
    const body = await runAction({ action: action({ target: 'body' }), input: { v: long } });
    expect(body.response.success).toBe(true);
    expect(body.srv.requests[0]?.body.byteLength).toBe(long.length + 8);
  });
});

/** HOSTILE-INPUTS 24: body of the wrong type, 1e400, a 100 MB string → bounded validation error. */
describe('hostile body values', () => {
  it('the wrong type', async () => {
    const { response, srv } = await runAction({ action: action({ target: 'body', type: 'number' }), input: { v: 'ten' } });
    expect(response.error?.code).toBe('VALIDATION_ERROR');
    expect(srv.requests).toHaveLength(0);
  });

  it('1e400 (Infinity once parsed)', async () => {
    const { response, srv } = await runAction({ action: action({ target: 'body', type: 'number' }), input: JSON.parse('{"v": 1e400}') as Record<string, unknown> });
    expect(response.error?.code).toBe('VALIDATION_ERROR');
    expect(srv.requests).toHaveLength(0);
  });

  it('a 100 MB string: refused quickly, the error stays small', async () => {
    const huge = 'y'.repeat(100 * 1024 * 1024);
    const started = performance.now();
    const { response, srv } = await runAction({ action: action({ target: 'body' }), input: { v: huge } });
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(response.error?.code).toBe('VALIDATION_ERROR');
    expect(JSON.stringify(response).length).toBeLessThan(2_000);
    expect(srv.requests).toHaveLength(0);
  });
});
