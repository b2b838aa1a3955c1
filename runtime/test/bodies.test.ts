import { describe, expect, it } from 'vitest';
import type { BodyDefinition, InputField, ParamTarget } from '@specwire/runtime';
import { defineAction, field } from './fixtures/define.ts';
import { runAction } from './fixtures/run.ts';

function bodyAction(options: {
  body: Partial<BodyDefinition> & Pick<BodyDefinition, 'encoding'>;
  schema: Record<string, InputField>;
  mapping: Record<string, ParamTarget>;
}) {
  return defineAction({
    inputSchema: options.schema,
    api: {
      method: 'POST',
      paramMapping: options.mapping,
      body: { contentType: '', required: false, ...options.body },
    },
  });
}

describe('json bodies', () => {
  it('named body fields become properties; content type from the definition', async () => {
    const action = bodyAction({
      body: { encoding: 'json', contentType: 'application/vnd.github+json' },
      schema: { title: field('string'), labels: field('array'), n: field('number', { nullable: true }) },
      mapping: { title: { in: 'body', name: 'title' }, labels: { in: 'body', name: 'labels' }, n: { in: 'body', name: 'n' } },
    });
    const { srv } = await runAction({ action, input: { title: 'Bug', labels: ['a'], n: null } });
    expect(srv.requests[0]?.body.toString()).toBe('{"title":"Bug","labels":["a"],"n":null}');
    expect(srv.requests[0]?.contentType).toBe('application/vnd.github+json');
  });

  it('an unnamed body field is the whole body; named fields merge over it', async () => {
    const action = bodyAction({
      body: { encoding: 'json' },
      schema: { body: field('object'), extra: field('string') },
      mapping: { body: { in: 'body' }, extra: { in: 'body', name: 'extra' } },
    });
    const { srv } = await runAction({ action, input: { body: { a: 1 }, extra: 'x' } });
    expect(srv.requests[0]?.body.toString()).toBe('{"a":1,"extra":"x"}');
    expect(srv.requests[0]?.contentType).toBe('application/json');
  });

  it('sends a whole-body array as is', async () => {
    const action = bodyAction({ body: { encoding: 'json' }, schema: { body: field('array') }, mapping: { body: { in: 'body' } } });
    const { srv } = await runAction({ action, input: { body: [1, 2] } });
    expect(srv.requests[0]?.body.toString()).toBe('[1,2]');
  });

  it('sends no body when nothing is given and the body is optional, {} when required', async () => {
    const optional = bodyAction({ body: { encoding: 'json' }, schema: { a: field('string') }, mapping: { a: { in: 'body', name: 'a' } } });
    const first = await runAction({ action: optional });
    expect(first.srv.requests[0]?.body.byteLength).toBe(0);
    expect(first.srv.requests[0]?.contentType).toBeUndefined();
    const required = bodyAction({ body: { encoding: 'json', required: true }, schema: { a: field('string') }, mapping: { a: { in: 'body', name: 'a' } } });
    const second = await runAction({ action: required });
    expect(second.srv.requests[0]?.body.toString()).toBe('{}');
  });
});

describe('form bodies (Stripe convention)', () => {
  it('encodes nested objects with brackets, arrays with [] and indices, spaces as +', async () => {
    const action = bodyAction({
      body: { encoding: 'form', contentType: 'application/x-www-form-urlencoded' },
      schema: { amount: field('number'), metadata: field('object'), expand: field('array'), items: field('array'), note: field('string'), clear: field('string', { nullable: true }) },
      mapping: {
        amount: { in: 'body', name: 'amount' },
        metadata: { in: 'body', name: 'metadata' },
        expand: { in: 'body', name: 'expand' },
        items: { in: 'body', name: 'items' },
        note: { in: 'body', name: 'note' },
        clear: { in: 'body', name: 'clear' },
      },
    });
    const input = {
      amount: 2000,
      metadata: { order: { id: 'A 1' } },
      expand: ['customer', 'invoice'],
      items: [{ price: 'p_1', quantity: 2 }],
      note: "a&b=c+d ü*~!'()",
      clear: null,
    };
    const { srv } = await runAction({ action, input });
    expect(srv.requests[0]?.contentType).toBe('application/x-www-form-urlencoded');
    expect(srv.requests[0]?.body.toString()).toBe(
      'amount=2000&metadata[order][id]=A+1&expand[]=customer&expand[]=invoice&items[0][price]=p_1&items[0][quantity]=2' +
        // `clear: null` is left out: form encoding has no null.
        `&note=${new URLSearchParams({ x: "a&b=c+d ü*~!'()" }).toString().slice(2)}`,
    );
  });

  it('honours propertyEncoding style and explode', async () => {
    const action = bodyAction({
      body: {
        encoding: 'form',
        propertyEncoding: { ids: { style: 'form', explode: false }, tags: { style: 'pipeDelimited', explode: false }, obj: { style: 'deepObject' } },
      },
      schema: { ids: field('array'), tags: field('array'), obj: field('object') },
      mapping: { ids: { in: 'body', name: 'ids' }, tags: { in: 'body', name: 'tags' }, obj: { in: 'body', name: 'obj' } },
    });
    const { srv } = await runAction({ action, input: { ids: [1, 2], tags: ['a b', 'c'], obj: { k: 'v' } } });
    expect(srv.requests[0]?.body.toString()).toBe('ids=1,2&tags=a+b|c&obj[k]=v');
  });
});

describe('multipart bodies', () => {
  it('sends no body when nothing is given and the body is optional, an empty form (closing boundary only) when required', async () => {
    const mapping = { note: { in: 'body', name: 'note' } } as const;
    const optional = bodyAction({ body: { encoding: 'multipart', contentType: 'multipart/form-data' }, schema: { note: field('string') }, mapping });
    const first = await runAction({ action: optional });
    expect(first.srv.requests[0]?.body.byteLength).toBe(0);
    expect(first.srv.requests[0]?.contentType).toBeUndefined();
    const required = bodyAction({ body: { encoding: 'multipart', contentType: 'multipart/form-data', required: true }, schema: { note: field('string') }, mapping });
    const second = await runAction({ action: required });
    const boundary = /boundary=(\S+)/.exec(second.srv.requests[0]?.contentType ?? '')?.[1];
    expect(boundary).toBeDefined();
    expect(second.srv.requests[0]?.body.toString()).toBe(`--${boundary}--\r\n`);
    const form = await new Request('http://x.invalid/', { method: 'POST', headers: { 'content-type': second.srv.requests[0]!.contentType! }, body: new Uint8Array(second.srv.requests[0]!.body) }).formData();
    expect([...form.keys()]).toEqual([]);
  });

  it('sends text, file and JSON parts with exact headers and bytes', async () => {
    const action = bodyAction({
      body: { encoding: 'multipart', contentType: 'multipart/form-data', propertyEncoding: { meta: { contentType: 'application/json' } } },
      schema: {
        name: field('string'),
        count: field('number'),
        file: field('string', { inputType: 'file' }),
        raw: field('string', { format: 'binary' }),
        meta: field('object'),
        tags: field('array'),
      },
      mapping: {
        name: { in: 'body', name: 'name' },
        count: { in: 'body', name: 'count' },
        file: { in: 'body', name: 'file' },
        raw: { in: 'body', name: 'raw' },
        meta: { in: 'body', name: 'meta' },
        tags: { in: 'body', name: 'tags' },
      },
    });
    const input = {
      name: 'x"y\r\nz',
      count: 3,
      file: { data: new Uint8Array([0, 1, 2, 255]), filename: 'a.bin', contentType: 'image/png' },
      raw: new Blob(['blob-bytes'], { type: 'text/csv' }),
      meta: { a: [1] },
      tags: ['t1', 't2'],
    };
    const { srv, response } = await runAction({ action, input });
    expect(response.error).toBeUndefined();
    const request = srv.requests[0];
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(request?.contentType ?? '')?.[1];
    expect(boundary).toBeDefined();
    const expected = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nx"y\r\nz\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="count"\r\n\r\n3\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: image/png\r\n\r\n`),
      Buffer.from([0, 1, 2, 255]),
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="raw"; filename="raw"\r\nContent-Type: text/csv\r\n\r\nblob-bytes\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"a":[1]}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="tags"\r\n\r\nt1\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="tags"\r\n\r\nt2\r\n`),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    expect(request?.body.equals(expected)).toBe(true);
  });

  it('escapes quotes and line breaks in filenames so a part header cannot be forged', async () => {
    const action = bodyAction({ body: { encoding: 'multipart' }, schema: { f: field('string', { inputType: 'file' }) }, mapping: { f: { in: 'body', name: 'f' } } });
    const { srv } = await runAction({ action, input: { f: { data: 'x', filename: 'a"\r\nContent-Type: text/html\r\n\r\nevil' } } });
    const text = srv.requests[0]?.body.toString() ?? '';
    expect(text).toContain('filename="a%22%0D%0AContent-Type: text/html%0D%0A%0D%0Aevil"');
    expect(text.match(/\r\nContent-Type: /g)).toHaveLength(1);
  });

  it('parses as multipart form data on the receiving side', async () => {
    const action = bodyAction({ body: { encoding: 'multipart' }, schema: { a: field('string'), f: field('string', { inputType: 'file' }) }, mapping: { a: { in: 'body', name: 'a' }, f: { in: 'body', name: 'f' } } });
    const { srv } = await runAction({ action, input: { a: 'hello', f: new Uint8Array([104, 105]) } });
    const request = srv.requests[0];
    const form = await new Response(new Uint8Array(request?.body ?? []), { headers: { 'content-type': request?.contentType ?? '' } }).formData();
    expect(form.get('a')).toBe('hello');
    const file = form.get('f') as File;
    expect(file.name).toBe('f');
    expect(file.type).toBe('application/octet-stream');
    expect(await file.text()).toBe('hi');
  });
});

describe('binary and text bodies', () => {
  it('sends bytes with the declared content type', async () => {
    const action = bodyAction({ body: { encoding: 'binary', contentType: 'application/pdf' }, schema: { data: field('string', { inputType: 'file' }) }, mapping: { data: { in: 'body' } } });
    const { srv } = await runAction({ action, input: { data: new Uint8Array([37, 80, 68, 70, 0, 255]) } });
    expect([...(srv.requests[0]?.body ?? [])]).toEqual([37, 80, 68, 70, 0, 255]);
    expect(srv.requests[0]?.contentType).toBe('application/pdf');
  });

  it('a file object sets the content type; a wildcard declaration falls back to octet-stream', async () => {
    const action = bodyAction({ body: { encoding: 'binary', contentType: 'image/*' }, schema: { data: field('string', { inputType: 'file' }) }, mapping: { data: { in: 'body' } } });
    const first = await runAction({ action, input: { data: { data: 'abc', contentType: 'image/gif' } } });
    expect(first.srv.requests[0]?.contentType).toBe('image/gif');
    const second = await runAction({ action, input: { data: 'abc' } });
    expect(second.srv.requests[0]?.contentType).toBe('application/octet-stream');
    expect(second.srv.requests[0]?.body.toString()).toBe('abc');
  });

  it('sends text as is', async () => {
    const action = bodyAction({ body: { encoding: 'text', contentType: 'text/csv' }, schema: { csv: field('string') }, mapping: { csv: { in: 'body' } } });
    const { srv } = await runAction({ action, input: { csv: 'a,b\n1,2' } });
    expect(srv.requests[0]?.body.toString()).toBe('a,b\n1,2');
    expect(srv.requests[0]?.contentType).toBe('text/csv');
  });
});
