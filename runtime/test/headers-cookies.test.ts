import { describe, expect, it } from 'vitest';
import { defineAction, field } from './fixtures/define.ts';
import { runAction } from './fixtures/run.ts';

function headerAction(options: { explode?: boolean; type?: 'string' | 'array' | 'object'; location?: 'header' | 'cookie' } = {}) {
  return defineAction({
    inputSchema: { h: field(options.type ?? 'string'), other: field('string') },
    api: {
      headers: { 'X-Constant': 'fixed' },
      paramMapping: {
        h: { in: options.location ?? 'header', name: 'X-Thing', style: 'simple', explode: options.explode ?? false },
        other: { in: options.location ?? 'header', name: 'X-Other', style: 'simple', explode: false },
      },
    },
  });
}

describe('header parameters (simple style)', () => {
  it.each([
    [false, 'string', 'abc', 'abc'],
    [false, 'array', ['a', 'b'], 'a,b'],
    [false, 'object', { k: 'v', n: '1' }, 'k,v,n,1'],
    [true, 'object', { k: 'v', n: '1' }, 'k=v,n=1'],
  ] as const)('explode=%s %s', async (explode, type, value, expected) => {
    const { srv } = await runAction({ action: headerAction({ explode, type }), input: { h: value } });
    expect(srv.requests[0]?.headers['x-thing']).toBe(expected);
    expect(srv.requests[0]?.headers['x-constant']).toBe('fixed');
  });

  it('sends a header declared with a JSON content media type (json: true) as JSON text', async () => {
    const action = defineAction({
      inputSchema: { meta: field('object') },
      api: { paramMapping: { meta: { in: 'header', name: 'X-Metadata', style: 'simple', explode: false, json: true } } },
    });
    const { srv } = await runAction({ action, input: { meta: { name: 'report.pdf', tags: ['a', 'b'] } } });
    expect(srv.requests[0]?.headers['x-metadata']).toBe('{"name":"report.pdf","tags":["a","b"]}');
  });

  it.each(['x\r\nX-Injected: 1', 'x\nX-Injected: 1', 'x\rY', 'x\u0000y'])('refuses %j without echoing it', async (value) => {
    const { response, srv } = await runAction({ action: headerAction(), input: { h: value } });
    expect(response.success).toBe(false);
    expect(response.error?.code).toBe('VALIDATION_ERROR');
    expect(response.error?.message).toContain('input.h');
    const serialised = JSON.stringify(response);
    expect(serialised).not.toContain('Injected');
    expect(serialised).not.toContain('x\\u0000y');
    expect(srv.requests).toHaveLength(0);
  });
});

describe('cookie parameters', () => {
  it('sends name=value pairs, encoding unsafe characters', async () => {
    const { srv } = await runAction({ action: headerAction({ location: 'cookie' }), input: { h: 'a b;c', other: 'x' } });
    expect(srv.requests[0]?.headers.cookie).toBe('X-Thing=a%20b%3Bc; X-Other=x');
  });

  it('serialises arrays with commas between encoded items', async () => {
    const { srv } = await runAction({ action: headerAction({ location: 'cookie', type: 'array' }), input: { h: ['a,b', 'c'] } });
    expect(srv.requests[0]?.headers.cookie).toBe('X-Thing=a%2Cb,c');
  });
});
