import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/index.ts';
import { normaliseSpec } from '../../src/normalise/index.ts';

const specPath = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

describe('kitchen-sink.yaml (the team spec)', async () => {
  const loaded = await loadSpec({ file: specPath('../../../specs/kitchen-sink.yaml') });
  const ir = normaliseSpec(loaded);
  const byId = (id: string) => ir.operations.filter((operation) => operation.operationId === id);

  it('loads without warnings and has every feature it promises', () => {
    expect(loaded.warnings).toEqual([]);
    expect(ir.warnings).toEqual([]);
    expect(ir.operations.length).toBeGreaterThanOrEqual(20);
    expect(ir.operations.filter((operation) => operation.operationId === undefined)).toHaveLength(1);
    expect(byId('exportNote')).toHaveLength(2);
    expect(ir.operations.some((operation) => operation.deprecated)).toBe(true);
  });

  it('covers every parameter location and style', () => {
    const seen = new Set(ir.operations.flatMap((operation) => operation.parameters.map((parameter) => `${parameter.in}:${parameter.style}:${parameter.explode}`)));
    for (const combination of [
      'path:simple:false', 'path:label:true', 'path:matrix:false', 'query:form:true', 'query:form:false',
      'query:spaceDelimited:false', 'query:pipeDelimited:false', 'query:deepObject:true', 'header:simple:false', 'cookie:form:true',
    ]) {
      expect(seen).toContain(combination);
    }
    expect(ir.operations.some((operation) => operation.parameters.some((parameter) => parameter.contentJson))).toBe(true);
  });

  it('covers every body encoding and response kind', () => {
    const bodies = new Set(ir.operations.flatMap((operation) => operation.requestBody?.contents.map((content) => content.encoding) ?? []));
    expect([...bodies].sort()).toEqual(['binary', 'form', 'json', 'multipart']);
    const responseTypes = new Set(ir.operations.flatMap((operation) => operation.responses.flatMap((response) => response.contents.map((content) => content.mediaType))));
    expect(responseTypes).toContain('application/pdf');
    expect(responseTypes).toContain('text/plain');
    expect(ir.operations.some((operation) => operation.responses.some((response) => response.status === '204'))).toBe(true);
  });

  it('covers security schemes, public and optional-auth operations, servers', () => {
    expect(ir.securitySchemes.map((scheme) => (scheme.type === 'apiKey' ? `apiKey:${scheme.in}` : scheme.type === 'http' ? `http:${scheme.scheme}` : scheme.type))).toEqual([
      'apiKey:header', 'apiKey:query', 'apiKey:cookie', 'http:bearer', 'http:basic',
    ]);
    expect(byId('getHealth')[0].security).toEqual([]);
    expect(byId('getSettings')[0].security).toEqual([['apiKeyHeader'], []]);
    expect(ir.servers[0].variables.region.enum).toEqual(['eu', 'us', 'ap']);
    expect(byId('getTree')[0].parameters[1].schema).toEqual({ type: 'integer', exclusiveMinimum: 0 });
    expect(ir.schemas.TreeNode).toMatchObject({ properties: { children: { items: { $ref: '#/components/schemas/TreeNode' } } } });
  });
});

describe('fixture specs', () => {
  it('Swagger 2.0 fixture: servers, formData bodies, refs', async () => {
    const ir = normaliseSpec(await loadSpec({ file: specPath('../fixtures/specs/swagger2-pets.yaml') }));
    expect(ir.specVersion).toBe('2.0');
    expect(ir.servers.map((server) => server.url)).toEqual(['https://pets.example.com/api/v2', 'http://pets.example.com/api/v2']);
    const setNotes = ir.operations.find((operation) => operation.operationId === 'setNotes');
    expect(setNotes?.requestBody?.contents.map((content) => content.encoding)).toEqual(['form']);
    expect(setNotes?.parameters.map((parameter) => parameter.name)).toEqual(['petId']);
    expect(ir.schemas.Owner).toEqual({ type: 'object', properties: { pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } });
  });

  it('OAS 3.1 fixture: webhooks, callbacks, relative server', async () => {
    const ir = normaliseSpec(await loadSpec({ file: specPath('../fixtures/specs/openapi31-webhooks.yaml') }));
    expect(ir.servers).toEqual([{ url: '/relative/v3', variables: {} }]);
    expect(ir.webhooks.map((webhook) => [webhook.name, webhook.method, webhook.requestBody?.required])).toEqual([['eventCreated', 'post', true]]);
    expect(ir.operations[0].callbacks.map((callback) => [callback.name, callback.pointer])).toEqual([
      ['onEvent', '/paths/~1events/get/callbacks/onEvent/{$request.query.callbackUrl}/post'],
    ]);
    expect(ir.schemas.Event).toMatchObject({ properties: { note: { type: ['string', 'null'] }, parent: { $ref: '#/components/schemas/Event' } } });
  });
});
