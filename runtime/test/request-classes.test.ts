/**
 * The runtime's side of request-building classes found on real specs: what it does with
 * definitions generated before the planner knew better, and what it reports when the transport fails.
 */
import { describe, expect, it } from 'vitest';
import { BaseConnector } from '@specwire/runtime';
import { defineAction, defineConnector, field } from './fixtures/define.ts';
import { runAction, server } from './fixtures/run.ts';

describe('GET and HEAD never carry a body', () => {
  it('an action whose definition declares a GET body sends none', async () => {
    const action = defineAction({
      inputSchema: { body: field('object'), limit: field('number') },
      api: {
        method: 'GET',
        paramMapping: { body: { in: 'body' }, limit: { in: 'query', name: 'limit', style: 'form', explode: true } },
        body: { encoding: 'form', contentType: 'application/x-www-form-urlencoded', required: true },
      },
    });
    const { response, srv } = await runAction({ action, input: { body: { a: 1 }, limit: 2 } });
    expect(response.error).toBeUndefined();
    expect(srv.requests[0]?.path).toBe('/test?limit=2');
    expect(srv.requests[0]?.body.byteLength).toBe(0);
    expect(srv.requests[0]?.contentType).toBeUndefined();
  });

  it('a transport failure reports its cause, with no URL or credential in it', async () => {
    const srv = await server();
    const secret = 'sk_live_transport_secret';
    const connector = new BaseConnector(
      defineConnector({ auth: [{ id: 'qkey', type: 'apiKey', in: 'query', name: 'api_key', credential: 'apiKey' }] }),
      { baseUrl: srv.url, credentials: { apiKey: secret } },
    );
    // fetch refuses a GET with a body before any byte is sent: the cause is the only clue.
    const response = await connector.executeRequest({ method: 'GET', endpoint: '/x', body: 'payload' });
    expect(response.error?.code).toBe('NETWORK_ERROR');
    expect(response.error?.message).toBe('network error (Request with GET/HEAD method cannot have body.)');
    expect((response.error?.details as { cause?: string } | undefined)?.cause).toBe('Request with GET/HEAD method cannot have body.');
    expect(JSON.stringify(response)).not.toContain(secret);
  });

  it('a reset connection names undici\'s cause and code', async () => {
    const { response } = await runAction({ action: defineAction(), handler: () => ({ destroySocket: true }) });
    expect(response.error?.code).toBe('NETWORK_ERROR');
    expect(response.error?.message).toMatch(/^network error \(UND_ERR_SOCKET: .+\)$/);
  });
});

describe('variants', () => {
  const opaque = (label: string) => ({ label, field: field('object', { opaque: true, inputType: 'json' }) });

  it('a oneOf of opaque variants accepts a value they all fit', async () => {
    const action = defineAction({
      inputSchema: { v: field('object', { variants: [opaque('A'), opaque('B')], variantMode: 'oneOf' }) },
      api: { method: 'POST', paramMapping: { v: { in: 'body', name: 'v' } }, body: { encoding: 'json', contentType: 'application/json', required: true } },
    });
    const { response, srv } = await runAction({ action, input: { v: { x: 1 } } });
    expect(response.error).toBeUndefined();
    expect(srv.requests[0]?.body.toString()).toBe('{"v":{"x":1}}');
  });

  it('a discriminator accepts the mapping values, also for opaque variants', async () => {
    const action = defineAction({
      inputSchema: {
        v: field('object', {
          discriminator: 'type',
          variantMode: 'oneOf',
          variants: [
            { ...opaque('Server VAD'), discriminatorValues: ['server_vad'] },
            { ...opaque('Semantic VAD'), discriminatorValues: ['semantic_vad'] },
          ],
        }),
      },
      api: { method: 'POST', paramMapping: { v: { in: 'body', name: 'v' } }, body: { encoding: 'json', contentType: 'application/json', required: true } },
    });
    const accepted = await runAction({ action, input: { v: { type: 'server_vad' } } });
    expect(accepted.response.error).toBeUndefined();
    const refused = await runAction({ action, input: { v: { type: 'Server VAD' } } });
    expect(refused.response.error?.message).toBe('input.v.type: must be one of: "server_vad", "semantic_vad"');
  });

  it('opaque variants with unknown tags are tried without the discriminator', async () => {
    const action = defineAction({
      inputSchema: { v: field('object', { discriminator: 'type', variantMode: 'oneOf', variants: [opaque('One'), opaque('Two')] }) },
      api: { method: 'POST', paramMapping: { v: { in: 'body', name: 'v' } }, body: { encoding: 'json', contentType: 'application/json', required: true } },
    });
    const { response } = await runAction({ action, input: { v: { type: 'anything' } } });
    expect(response.error).toBeUndefined();
  });

  it('variants with unknown tags and overlapping shapes are no ambiguity: the tag would have chosen', async () => {
    const shape = field('object', { properties: { type: field('string'), name: field('string') } });
    const action = defineAction({
      inputSchema: { v: field('object', { discriminator: 'type', variantMode: 'oneOf', variants: [{ label: 'Cat', field: shape }, { label: 'Dog', field: shape }] }) },
      api: { method: 'POST', paramMapping: { v: { in: 'body', name: 'v' } }, body: { encoding: 'json', contentType: 'application/json', required: true } },
    });
    const accepted = await runAction({ action, input: { v: { type: 'Dog', name: 'Rex' } } });
    expect(accepted.response.error).toBeUndefined();
    const refused = await runAction({ action, input: { v: { type: 'Dog', name: 7 } } });
    expect(refused.response.error?.message).toContain('matches none of the variants (Cat, Dog)');
  });
});

describe('bodies', () => {
  it('bytes in a JSON body are refused, not written as {"0":115,…}', async () => {
    const action = defineAction({
      inputSchema: { data: field('object', { opaque: true }) },
      api: { method: 'POST', paramMapping: { data: { in: 'body', name: 'data' } }, body: { encoding: 'json', contentType: 'application/json', required: true } },
    });
    const { response, srv } = await runAction({ action, input: { data: { bytes: new Uint8Array([115]) } } });
    expect(response.error?.code).toBe('VALIDATION_ERROR');
    expect(response.error?.message).toContain('a JSON body cannot carry bytes');
    expect(srv.requests).toHaveLength(0);
  });

  it('null multipart items are left out', async () => {
    const action = defineAction({
      inputSchema: { tags: field('array', { nullable: true }), name: field('string', { nullable: true }) },
      api: {
        method: 'POST',
        paramMapping: { tags: { in: 'body', name: 'tags' }, name: { in: 'body', name: 'name' } },
        body: { encoding: 'multipart', contentType: 'multipart/form-data', required: true },
      },
    });
    const { response, srv } = await runAction({ action, input: { tags: ['a', null, 'b'], name: null } });
    expect(response.error).toBeUndefined();
    const request = srv.requests[0];
    const form = await new Response(new Uint8Array(request?.body ?? []), { headers: { 'content-type': request?.contentType ?? '' } }).formData();
    expect([...form.entries()]).toEqual([['tags', 'a'], ['tags', 'b']]);
  });
});
