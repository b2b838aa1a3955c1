import { describe, expect, it } from 'vitest';
import type { ParameterStyle } from '@specwire/runtime';
import { defineAction, field } from './fixtures/define.ts';
import { runAction } from './fixtures/run.ts';

function pathAction(options: { style: ParameterStyle; explode: boolean; type?: 'string' | 'array' | 'object'; endpoint?: string }) {
  return defineAction({
    inputSchema: { id: field(options.type ?? 'string', { required: true }) },
    api: {
      endpoint: options.endpoint ?? '/items/{id}/x',
      paramMapping: { id: { in: 'path', name: 'id', style: options.style, explode: options.explode } },
    },
  });
}

async function sentPath(options: { style: ParameterStyle; explode: boolean; value: unknown; type?: 'string' | 'array' | 'object' }) {
  const { response, srv } = await runAction({ action: pathAction(options), input: { id: options.value } });
  expect(response.error).toBeUndefined();
  return srv.requests[0]?.pathname;
}

describe('path parameter styles (OpenAPI style table)', () => {
  const array = ['3', '4', '5'];
  const object = { role: 'admin', firstName: 'Alex' };
  const cases: Array<[ParameterStyle, boolean, unknown, 'string' | 'array' | 'object', string]> = [
    ['simple', false, '5', 'string', '5'],
    ['simple', false, array, 'array', '3,4,5'],
    ['simple', true, array, 'array', '3,4,5'],
    ['simple', false, object, 'object', 'role,admin,firstName,Alex'],
    ['simple', true, object, 'object', 'role=admin,firstName=Alex'],
    ['label', false, '5', 'string', '.5'],
    ['label', false, array, 'array', '.3,4,5'],
    ['label', true, array, 'array', '.3.4.5'],
    ['label', false, object, 'object', '.role,admin,firstName,Alex'],
    ['label', true, object, 'object', '.role=admin.firstName=Alex'],
    ['matrix', false, '5', 'string', ';id=5'],
    ['matrix', false, array, 'array', ';id=3,4,5'],
    ['matrix', true, array, 'array', ';id=3;id=4;id=5'],
    ['matrix', false, object, 'object', ';id=role,admin,firstName,Alex'],
    ['matrix', true, object, 'object', ';role=admin;firstName=Alex'],
  ];
  it.each(cases)('%s explode=%s %j', async (style, explode, value, type, expected) => {
    expect(await sentPath({ style, explode, value, type })).toBe(`/items/${expected}/x`);
  });

  it('encodes numbers and booleans as text', async () => {
    const action = defineAction({
      inputSchema: { n: field('number', { required: true }), b: field('boolean', { required: true }) },
      api: {
        endpoint: '/n/{n}/b/{b}',
        paramMapping: {
          n: { in: 'path', name: 'n', style: 'simple', explode: false },
          b: { in: 'path', name: 'b', style: 'simple', explode: false },
        },
      },
    });
    const { srv } = await runAction({ action, input: { n: 42, b: false } });
    expect(srv.requests[0]?.pathname).toBe('/n/42/b/false');
  });
});

describe('path values stay one segment', () => {
  it.each([
    ['a/b', 'a%2Fb'],
    ['a?x=1', 'a%3Fx%3D1'],
    ['a#f', 'a%23f'],
    ['100%', '100%25'],
    ['../admin', '..%2Fadmin'],
    ['//evil.example', '%2F%2Fevil.example'],
    ['https://evil.example/x', 'https%3A%2F%2Fevil.example%2Fx'],
    ['a b', 'a%20b'],
    ['ü', '%C3%BC'],
    ['...', '...'],
  ])('%j → %s', async (value, encoded) => {
    expect(await sentPath({ style: 'simple', explode: false, value })).toBe(`/items/${encoded}/x`);
  });

  it('keeps the origin when a value is an absolute URL', async () => {
    const { srv, response } = await runAction({ action: pathAction({ style: 'simple', explode: false }), input: { id: 'http://127.0.0.2:1/' } });
    expect(response.success).toBe(true);
    expect(srv.requests).toHaveLength(1);
  });

  it('encodes array items separately from the delimiters', async () => {
    expect(await sentPath({ style: 'simple', explode: false, value: ['a,b', 'c/d'], type: 'array' })).toBe('/items/a%2Cb,c%2Fd/x');
  });
});

describe('dangerous path values are refused before sending', () => {
  it.each(['..', '.', '', '%2e%2e', '%2E%2e', '%2e', '%252e%252e', '.%2e'])('refuses %j naming the field', async (value) => {
    const { response, srv } = await runAction({ action: pathAction({ style: 'simple', explode: false }), input: { id: value } });
    expect(response.success).toBe(false);
    expect(response.error?.code).toBe('VALIDATION_ERROR');
    expect(response.error?.message).toContain('input.id');
    expect(srv.requests).toHaveLength(0);
  });

  it('refuses an array item of ".."', async () => {
    const { response, srv } = await runAction({ action: pathAction({ style: 'simple', explode: false, type: 'array' }), input: { id: ['a', '..'] } });
    expect(response.error?.code).toBe('VALIDATION_ERROR');
    expect(srv.requests).toHaveLength(0);
  });

  it('refuses an empty array', async () => {
    const { response } = await runAction({ action: pathAction({ style: 'simple', explode: false, type: 'array' }), input: { id: [] } });
    expect(response.error?.code).toBe('VALIDATION_ERROR');
  });

  it('refuses a value that makes a dot segment together with the template', async () => {
    const action = pathAction({ style: 'simple', explode: false, endpoint: '/items/.{id}' });
    const { response, srv } = await runAction({ action, input: { id: '.' } });
    expect(response.error?.code).toBe('VALIDATION_ERROR');
    expect(srv.requests).toHaveLength(0);
  });

  it('a label-style value cannot become ".."', async () => {
    const { response, srv } = await runAction({ action: pathAction({ style: 'label', explode: false }), input: { id: '.' } });
    expect(response.error?.code).toBe('VALIDATION_ERROR');
    expect(srv.requests).toHaveLength(0);
  });
});

describe('placeholders in the query part of a path key', () => {
  function exportAction(endpoint: string, names: string[]) {
    return defineAction({
      inputSchema: Object.fromEntries(names.map((name) => [name, field('string', { required: true })])),
      api: { endpoint, paramMapping: Object.fromEntries(names.map((name) => [name, { in: 'path' as const, name, style: 'simple' as const, explode: false }])) },
    });
  }

  it('fills `?filename={filename}` with the value, encoded as a query component', async () => {
    const action = exportAction('/email/history/export?filename={filename}', ['filename']);
    const { response, srv } = await runAction({ action, input: { filename: 'my export&.csv' } });
    expect(response.error).toBeUndefined();
    expect(srv.requests[0]?.path).toBe('/email/history/export?filename=my%20export%26.csv');
  });

  it('fills placeholders in names and values, path and query alike, keeping literal pairs', async () => {
    const action = exportAction('/numbers/search/{country}?{search}=1&type=x', ['country', 'search']);
    const { srv } = await runAction({ action, input: { country: 'US', search: '88' } });
    expect(srv.requests[0]?.path).toBe('/numbers/search/US?88=1&type=x');
  });

  it('an empty value is a valid query value, not a refused path segment', async () => {
    const action = exportAction('/pricing/{country}?currency={currency}', ['country', 'currency']);
    const { response, srv } = await runAction({ action, input: { country: 'AU', currency: '' } });
    expect(response.error).toBeUndefined();
    expect(srv.requests[0]?.path).toBe('/pricing/AU?currency=');
  });

  it('leaves out a pair whose placeholder has no input', async () => {
    const action = defineAction({ api: { endpoint: '/uploads?convert={convert}&v=2' } });
    const { srv } = await runAction({ action, input: {} });
    expect(srv.requests[0]?.path).toBe('/uploads?v=2');
  });

  it('sends nothing after "#", so a query there is not part of the URL', async () => {
    const action = defineAction({ api: { endpoint: '/#Action=List?x=1' } });
    const { srv } = await runAction({ action, input: {} });
    expect(srv.requests[0]?.path).toBe('/');
  });
});
