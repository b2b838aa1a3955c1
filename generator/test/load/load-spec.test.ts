import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/index.ts';
import { SpecwireError } from '../../src/errors/index.ts';

const root = mkdtempSync(join(tmpdir(), 'specwire-load-'));
let counter = 0;
function writeSpec(text: string | Buffer, extension = 'yaml', folder = root): string {
  const file = join(folder, `spec-${counter++}.${extension}`);
  writeFileSync(file, text);
  return file;
}
const minimal = (extra = '') => `openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths: {}\n${extra}`;

async function loadError(options: Parameters<typeof loadSpec>[0]): Promise<SpecwireError> {
  try {
    await loadSpec(options);
  } catch (error) {
    if (error instanceof SpecwireError) return error;
    throw error;
  }
  throw new Error('expected loadSpec to fail');
}

describe('loadSpec: formats', () => {
  it('reads YAML and JSON, hashes the stored bytes, and detects the version', async () => {
    const yamlFile = writeSpec(minimal());
    const loaded = await loadSpec({ file: yamlFile });
    expect(loaded.specVersion).toBe('3.0');
    expect(loaded.declaredVersion).toBe('3.0.3');
    expect(loaded.sha256).toBe(createHash('sha256').update(readFileSync(yamlFile)).digest('hex'));
    const jsonFile = writeSpec(JSON.stringify({ swagger: '2.0', info: { title: 'T', version: '1' }, paths: {} }), 'json');
    expect((await loadSpec({ file: jsonFile })).specVersion).toBe('2.0');
  });

  it('strips a BOM in JSON and YAML', async () => {
    expect((await loadSpec({ file: writeSpec(`\ufeff${minimal()}`) })).document.openapi).toBe('3.0.3');
    const json = `\ufeff${JSON.stringify({ openapi: '3.1.0', info: { title: 'T', version: '1' } })}`;
    expect((await loadSpec({ file: writeSpec(json, 'json') })).specVersion).toBe('3.1');
  });

  it('decompresses .gz in memory and refuses a gzip bomb by the size limit', async () => {
    const file = writeSpec(gzipSync(minimal()), 'yaml.gz');
    expect((await loadSpec({ file })).document.openapi).toBe('3.0.3');
    const bomb = writeSpec(gzipSync(Buffer.alloc(20 * 1024 * 1024, 32)), 'yaml.gz');
    const error = await loadError({ file: bomb, limits: { maxSpecBytes: 1024 * 1024 } });
    expect(error.message).toContain('maxSpecBytes');
  });

  it('reads an unquoted numeric version with a warning', async () => {
    const loaded = await loadSpec({ file: writeSpec(`openapi: 3.0\ninfo: { title: T, version: '1' }\npaths: {}\n`) });
    expect(loaded.specVersion).toBe('3.0');
    expect(loaded.warnings).toEqual([{ pointer: '/openapi', message: expect.stringContaining('number') }]);
  });
});

describe('loadSpec: hostile YAML', () => {
  it('refuses a billion-laughs alias bomb quickly', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = performance.now();
    const error = await loadError({ file: writeSpec(lines.join('\n')) });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.message).toMatch(/alias/i);
  });

  it('reads !!js/function as a plain string and runs nothing', async () => {
    const loaded = await loadSpec({ file: writeSpec(minimal('x-code: !!js/function "function () { globalThis.PWNED = 1 }"\n')) });
    expect(loaded.document['x-code']).toBe('function () { globalThis.PWNED = 1 }');
    expect((globalThis as { PWNED?: unknown }).PWNED).toBeUndefined();
    expect(loaded.warnings.some((warning) => warning.message.includes('plain string'))).toBe(true);
  });

  it('warns on duplicate keys and keeps the last value', async () => {
    const loaded = await loadSpec({ file: writeSpec(minimal('x-a: 1\nx-a: 2\n')) });
    expect(loaded.document['x-a']).toBe(2);
    expect(loaded.warnings).toEqual([{ pointer: '', message: expect.stringContaining('duplicate YAML key') }]);
  });

  it('keeps __proto__ keys as data', async () => {
    const loaded = await loadSpec({ file: writeSpec(minimal('x-data:\n  __proto__:\n    polluted: 1\n')) });
    expect(Object.keys(loaded.document['x-data'] as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a YAML alias that contains itself', async () => {
    const error = await loadError({ file: writeSpec(minimal('x-loop: &loop\n  again: *loop\n')) });
    expect(error.message).toContain('contains itself');
  });

  it('reports YAML syntax errors with line and column', async () => {
    const error = await loadError({ file: writeSpec('openapi: 3.0.3\ninfo: [unclosed\n') });
    expect(error.line).toBeGreaterThan(0);
    expect(error.format()).toMatch(/^.+\.yaml:\d+:\d+: invalid YAML/);
  });
});

describe('loadSpec: limits', () => {
  it('refuses a 10,000-deep JSON document before parsing, naming the limit', async () => {
    const deep = `{"openapi":"3.0.3","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const started = performance.now();
    const error = await loadError({ file: writeSpec(deep, 'json') });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.message).toContain('maxDepth');
  });

  it('refuses a 10,000-deep YAML document', async () => {
    const error = await loadError({ file: writeSpec(minimal(`x-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`)) });
    expect(error.message).toContain('maxDepth');
  });

  it('refuses files over maxSpecBytes, too many operations, too many nodes', async () => {
    const file = writeSpec(minimal());
    expect((await loadError({ file, limits: { maxSpecBytes: 10 } })).message).toMatch(/exceeds the limit of 10; raise it with --max-spec-bytes/);
    const paths = Array.from({ length: 5 }, (_, index) => `  /p${index}:\n    get: { responses: {} }\n    post: { responses: {} }`).join('\n');
    const many = writeSpec(`openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths:\n${paths}\n`);
    const operations = await loadError({ file: many, limits: { maxOperations: 9 } });
    expect(operations.message).toContain('operation count (10)');
    expect(operations.pointer).toBe('/paths');
    expect((await loadError({ file: many, limits: { maxNodes: 20 } })).message).toContain('maxNodes');
  });
});

describe('loadSpec: structure', () => {
  it.each([
    ['a top-level array', '[1, 2]', '', /top level/],
    ['no version', 'info: {}\npaths: {}', '/openapi', /no "openapi" or "swagger"/],
    ['an unsupported version', 'openapi: 4.0.0\npaths: {}', '/openapi', /unsupported OpenAPI version "4.0.0"/],
    ['swagger 1.2', 'swagger: "1.2"\npaths: {}', '/swagger', /unsupported Swagger version/],
  ])('refuses %s with a pointer', async (_label, text, pointer, message) => {
    const error = await loadError({ file: writeSpec(text) });
    expect(error.pointer).toBe(pointer);
    expect(error.message).toMatch(message);
  });

  it('reads paths that are not an object as no operations, and x- keys under paths as extensions, with warnings', async () => {
    const broken = await loadSpec({ file: writeSpec('openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: [1]\n') });
    expect(broken.warnings).toEqual([{ pointer: '/paths', message: '"paths" must be an object, found an array; the API has no operations', effect: 'degraded' }]);
    const extension = await loadSpec({ file: writeSpec('openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  x-codegen-contextRoot: /v2\n  /a: { get: { responses: {} } }\n') });
    expect(extension.warnings).toEqual([]);
  });

  it('keeps an unresolved internal $ref for the normaliser, which degrades only the part using it', async () => {
    const file = writeSpec(minimal('components:\n  schemas:\n    A:\n      properties:\n        b: { $ref: "#/components/schemas/Missing" }\n'));
    const loaded = await loadSpec({ file });
    expect(loaded.document.components).toEqual({ schemas: { A: { properties: { b: { $ref: '#/components/schemas/Missing' } } } } });
    expect(loaded.warnings).toEqual([]);
  });

  it('refuses a document that is not OpenAPI at all, with one line', async () => {
    const error = await loadError({ file: writeSpec('name: my-app\nversion: 1.2.3\ndependencies: {}\n') });
    expect(error.format()).toMatch(/#\/openapi: not an OpenAPI document: no "openapi" or "swagger" version field$/);
  });

  it('does not treat a property named $ref, or $ref inside example data, as a reference', async () => {
    const file = writeSpec(minimal('components:\n  schemas:\n    A:\n      properties:\n        $ref: { type: string }\n      example: { $ref: "#/nowhere" }\n'));
    expect((await loadSpec({ file })).warnings).toEqual([]);
  });
});

describe('loadSpec: external $refs', () => {
  const connections: unknown[] = [];
  const originalConnect = net.Socket.prototype.connect;
  beforeAll(() => {
    net.Socket.prototype.connect = function recordConnect(this: net.Socket, ...args: unknown[]) {
      connections.push(args[0]);
      throw new Error('network access attempted by loadSpec');
    } as typeof originalConnect;
  });
  afterAll(() => {
    net.Socket.prototype.connect = originalConnect;
  });

  const hostileRefs = ['/etc/passwd', 'file:///etc/hostname', '../../.env', 'http://169.254.169.254/latest/meta-data/', 'http://127.1/'];
  const specWithRefs = () =>
    minimal(`components:\n  schemas:\n${hostileRefs.map((ref, index) => `    S${index}: { $ref: '${ref}' }`).join('\n')}\n`);

  it('replaces every external ref with {} and a warning by default, reading nothing', async () => {
    const secretFolder = mkdtempSync(join(tmpdir(), 'specwire-secret-'));
    const inner = join(secretFolder, 'a', 'b');
    mkdirSync(inner, { recursive: true });
    writeFileSync(join(secretFolder, '.env'), 'SECRET_TOKEN=do-not-leak');
    const loaded = await loadSpec({ file: writeSpec(specWithRefs(), 'yaml', inner) });
    const schemas = (loaded.document.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.values(schemas)).toEqual(hostileRefs.map(() => ({})));
    expect(loaded.warnings.map((warning) => warning.message)).toEqual(
      hostileRefs.map((ref) => `external $ref "${ref}" not resolved (external refs are off); treated as untyped`),
    );
    const output = JSON.stringify(loaded);
    expect(output).not.toContain('do-not-leak');
    expect(output).not.toContain('root:');
    expect(connections).toEqual([]);
  });

  it('with allowExternalRefs, still refuses absolute paths, URLs and files outside the spec folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'specwire-outside-'));
    writeFileSync(join(outside, 'secret.yaml'), 'leak: do-not-leak\n');
    const folder = mkdtempSync(join(tmpdir(), 'specwire-allowed-'));
    symlinkSync(join(outside, 'secret.yaml'), join(folder, 'link.yaml'));
    const refs = [...hostileRefs, `../${outside.split('/').pop()}/secret.yaml`, 'link.yaml'];
    const text = minimal(`components:\n  schemas:\n${refs.map((ref, index) => `    S${index}: { $ref: '${ref}' }`).join('\n')}\n`);
    const loaded = await loadSpec({ file: writeSpec(text, 'yaml', folder), allowExternalRefs: true });
    const schemas = (loaded.document.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.values(schemas)).toEqual(refs.map(() => ({})));
    expect(JSON.stringify(loaded)).not.toContain('do-not-leak');
    expect(connections).toEqual([]);
  });

  it('with allowExternalRefs, inlines relative files inside the folder (and their own refs)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'specwire-allowed-'));
    mkdirSync(join(folder, 'shared'));
    writeFileSync(
      join(folder, 'shared', 'common.yaml'),
      'Pet:\n  type: object\n  properties:\n    tag: { $ref: "#/Tag" }\n    next: { $ref: "#/Pet" }\nTag: { type: string }\n',
    );
    const file = writeSpec(minimal('components:\n  schemas:\n    Pet: { $ref: "shared/common.yaml#/Pet" }\n'), 'yaml', folder);
    const loaded = await loadSpec({ file, allowExternalRefs: true });
    expect((loaded.document.components as { schemas: unknown }).schemas).toEqual({
      Pet: { type: 'object', properties: { tag: { type: 'string' }, next: {} } },
    });
    expect(loaded.warnings).toEqual([{ pointer: '/components/schemas/Pet/properties/next', message: expect.stringContaining('circular'), effect: 'degraded' }]);
  });
});
