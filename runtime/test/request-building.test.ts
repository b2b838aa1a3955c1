import { describe, expect, it } from 'vitest';
import { validateInput, type InputField } from '@specwire/runtime';
import { defineAction, field } from './fixtures/define.ts';
import { runAction } from './fixtures/run.ts';

/** The per-request work that is prepared once (schemas, templates, base URL parts) gives the same requests. */
describe('request building', () => {
  it('fills several placeholders inside one segment, with literal text around them', async () => {
    const action = defineAction({
      inputSchema: { major: field('number', { required: true }), minor: field('number', { required: true }), name: field('string', { required: true }) },
      api: {
        endpoint: '/files/v{major}.{minor}/{name}.json',
        paramMapping: {
          major: { in: 'path', name: 'major', style: 'simple', explode: false },
          minor: { in: 'path', name: 'minor', style: 'simple', explode: false },
          name: { in: 'path', name: 'name', style: 'simple', explode: false },
        },
      },
    });
    const { response, srv } = await runAction({ action, input: { major: 1, minor: 2, name: 'a/b' } });
    expect(response.success).toBe(true);
    expect(srv.requests[0]?.pathname).toBe('/files/v1.2/a%2Fb.json');
  });

  it('two fields mapped to one placeholder: the later field in the schema fills it', async () => {
    const action = defineAction({
      inputSchema: { first: field('string'), second: field('string') },
      api: {
        endpoint: '/items/{id}',
        paramMapping: { first: { in: 'path', name: 'id', style: 'simple', explode: false }, second: { in: 'path', name: 'id', style: 'simple', explode: false } },
      },
    });
    const { srv } = await runAction({ action, input: { second: 'b', first: 'a' } });
    expect(srv.requests[0]?.pathname).toBe('/items/b');
  });

  it('a placeholder no field fills is refused before anything is sent', async () => {
    const action = defineAction({ api: { endpoint: '/items/{id}' } });
    const { response, srv } = await runAction({ action });
    expect(response.error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'path parameter {id}: a value is required for path parameter {id}' });
    expect(srv.requests).toHaveLength(0);
  });

  it('a GET (built without a promise) and a POST with a body fill the path alike; the GET sends no body', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const action = defineAction({
        inputSchema: { id: field('string', { required: true }), title: field('string') },
        api: {
          method,
          endpoint: '/items/{id}',
          paramMapping: { id: { in: 'path', name: 'id', style: 'simple', explode: false }, title: { in: 'body', name: 'title' } },
          body: { encoding: 'json', contentType: 'application/json', required: false },
        },
      });
      const { response, srv } = await runAction({ action, input: { id: '7', title: 'x' } });
      expect(response.success).toBe(true);
      expect(srv.requests[0]?.pathname).toBe('/items/7');
      expect(srv.requests[0]?.body.toString()).toBe(method === 'POST' ? '{"title":"x"}' : '');
    }
  });

  it('validated input keeps the schema order, fills required defaults and keeps a `__proto__` field as data', () => {
    const schema = JSON.parse('{"b": {"type": "string", "label": "b"}, "__proto__": {"type": "object", "label": "p"}, "a": {"type": "number", "label": "a", "required": true, "default": 3}}') as Record<string, InputField>;
    const input = JSON.parse('{"__proto__": {"x": 1}, "b": "y"}') as Record<string, unknown>;
    for (let call = 0; call < 2; call++) {
      const output = validateInput({ schema, input });
      expect(Object.keys(output)).toEqual(['b', '__proto__', 'a']);
      expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(output, '__proto__')?.value).toEqual({ x: 1 });
      expect(output.a).toBe(3);
    }
  });
});
