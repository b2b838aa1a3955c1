import { describe, expect, it } from 'vitest';
import type { InputField, ParamTarget } from '@specwire/runtime';
import { defineAction, field } from './fixtures/define.ts';
import { runAction } from './fixtures/run.ts';

async function sentQuery(options: { target: Partial<Exclude<ParamTarget, { in: 'body' }>>; value: unknown; type?: InputField['type'] }) {
  const action = defineAction({
    inputSchema: { q: field(options.type ?? 'string', { nullable: true }) },
    api: { paramMapping: { q: { in: 'query', name: 'q', style: 'form', explode: true, ...options.target } } },
  });
  const { response, srv } = await runAction({ action, input: { q: options.value } });
  expect(response.error).toBeUndefined();
  const path = srv.requests[0]?.path ?? '';
  return path.includes('?') ? path.slice(path.indexOf('?') + 1) : '';
}

describe('query styles', () => {
  const array = ['3', '4', '5'];
  const object = { role: 'admin', firstName: 'Alex' };
  it.each([
    ['form', true, 'x y', 'string', 'q=x%20y'],
    ['form', true, array, 'array', 'q=3&q=4&q=5'],
    ['form', false, array, 'array', 'q=3,4,5'],
    ['form', true, object, 'object', 'role=admin&firstName=Alex'],
    ['form', false, object, 'object', 'q=role,admin,firstName,Alex'],
    ['spaceDelimited', false, array, 'array', 'q=3%204%205'],
    ['spaceDelimited', true, array, 'array', 'q=3&q=4&q=5'],
    ['spaceDelimited', false, object, 'object', 'q=role%20admin%20firstName%20Alex'],
    ['pipeDelimited', false, array, 'array', 'q=3|4|5'],
    ['pipeDelimited', true, array, 'array', 'q=3&q=4&q=5'],
    ['deepObject', true, object, 'object', 'q[role]=admin&q[firstName]=Alex'],
  ] as const)('%s explode=%s %j', async (style, explode, value, type, expected) => {
    expect(await sentQuery({ target: { style, explode }, value, type })).toBe(expected);
  });

  it('deepObject nests objects and arrays', async () => {
    const value = { a: { b: { c: '1' } }, tags: ['x', 'y'], items: [{ id: 1 }] };
    expect(await sentQuery({ target: { style: 'deepObject', explode: true }, value, type: 'object' })).toBe(
      'q[a][b][c]=1&q[tags][]=x&q[tags][]=y&q[items][0][id]=1',
    );
  });

  it('encodes reserved characters strictly by default', async () => {
    expect(await sentQuery({ target: {}, value: "a&b=c#d/e?f+g!'()*~" })).toBe('q=a%26b%3Dc%23d%2Fe%3Ff%2Bg%21%27%28%29%2A~');
  });

  it('allowReserved keeps reserved characters but never & or #', async () => {
    expect(await sentQuery({ target: { allowReserved: true }, value: 'a/b:c?d,e&f#g%2Fh%zz' })).toBe('q=a/b:c?d,e%26f%23g%2Fh%25zz');
  });

  it('json: true sends one JSON-encoded value', async () => {
    expect(await sentQuery({ target: { json: true }, value: { a: [1, 'x y'] }, type: 'object' })).toBe(
      `q=${encodeURIComponent('{"a":[1,"x y"]}')}`,
    );
  });

  it('omits null and empty arrays', async () => {
    expect(await sentQuery({ target: {}, value: null })).toBe('');
    expect(await sentQuery({ target: {}, value: [], type: 'array' })).toBe('');
  });

  it('decodes to the original values on the server', async () => {
    const action = defineAction({
      inputSchema: { q: field('string'), n: field('number'), b: field('boolean') },
      api: {
        paramMapping: {
          q: { in: 'query', name: 'search term', style: 'form', explode: true },
          n: { in: 'query', name: 'n', style: 'form', explode: true },
          b: { in: 'query', name: 'b', style: 'form', explode: true },
        },
      },
    });
    const { srv } = await runAction({ action, input: { q: 'ünï & cödé', n: 1.5, b: true } });
    expect(srv.requests[0]?.query).toEqual({ 'search term': ['ünï & cödé'], n: ['1.5'], b: ['true'] });
  });
});
