/**
 * HOSTILE-INPUTS items 7-10 and 12-14: malformed or hostile specs make generation fail with one
 * clear line (naming the file, the JSON pointer or the limit and its flag) or load safely; nothing
 * outside the spec's folder is read and the process survives.
 */
import { mkdtempSync, mkdirSync, openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecwireError } from '../../src/errors/index.ts';
import { loadSpec, type LoadSpecOptions } from '../../src/load/index.ts';
import { generateConnector } from '../../src/pipeline/generate-connector.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';
import { HOSTILE_FIXTURES } from './hostile-package.ts';

const MALFORMED = join(HOSTILE_FIXTURES, 'malformed');
const scratch = mkdtempSync(join(tmpdir(), 'specwire-malformed-'));
let counter = 0;

function writeSpec(options: { text: string; extension?: string; folder?: string }): string {
  const file = join(options.folder ?? scratch, `spec-${counter++}.${options.extension ?? 'yaml'}`);
  writeFileSync(file, options.text);
  return file;
}

async function failure(run: () => Promise<unknown>): Promise<SpecwireError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SpecwireError) return error;
    throw error;
  }
  throw new Error('expected a SpecwireError');
}

const loadFailure = (options: LoadSpecOptions) => failure(() => loadSpec(options));

function generate(specFile: string) {
  return generateConnector({
    specFile,
    specLabel: specFile,
    defaultName: 'malformed',
    runtimeRange: 'workspace:*',
    generatorVersion: '0.1.0',
    timings: new StageTimings(),
  });
}

// No test here may open a socket: loadSpec never fetches unless allowRemoteRefs is set.
const originalConnect = net.Socket.prototype.connect;
const connections: unknown[] = [];
beforeAll(() => {
  net.Socket.prototype.connect = function refuseConnect(this: net.Socket, ...args: unknown[]) {
    connections.push(args[0]);
    throw new Error('network access attempted');
  } as typeof originalConnect;
});
afterAll(() => {
  net.Socket.prototype.connect = originalConnect;
  expect(connections).toEqual([]);
});

describe('item 7: $ref to local files outside the spec folder', () => {
  const refs = ['/etc/passwd', 'file:///etc/hostname', '../../.env', '../../.env#/SECRET', 'sub/../../../.env'];
  const folder = mkdtempSync(join(tmpdir(), 'specwire-item7-'));
  const specFolder = join(folder, 'a', 'b');
  mkdirSync(specFolder, { recursive: true });
  writeFileSync(join(folder, '.env'), 'SECRET: do-not-leak\n');
  const text = `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n${refs
    .map((ref, index) => `    S${index}: { $ref: '${ref}' }`)
    .join('\n')}\n`;

  it.each([false, true])('is refused with allowExternalRefs=%s and no file content reaches the output', async (allowExternalRefs) => {
    const loaded = await loadSpec({ file: writeSpec({ text, folder: specFolder }), allowExternalRefs });
    const schemas = (loaded.document.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.values(schemas)).toEqual(refs.map(() => ({})));
    expect(loaded.warnings).toHaveLength(refs.length);
    for (const warning of loaded.warnings) expect(warning.message).toMatch(/not resolved \((external refs are off|only files inside the spec's folder|URLs are fetched only with --allow-remote-refs)/);
    expect(JSON.stringify(loaded)).not.toContain('do-not-leak');
    expect(JSON.stringify(loaded)).not.toContain('root:');
    expect(loaded.resolvedRefs).toEqual([]);
  });
});

describe('item 8: $ref to metadata and loopback URLs', () => {
  const refs = ['http://169.254.169.254/latest/meta-data/', 'http://127.1/', 'http://2130706433/', 'http://0x7f.1/', 'https://[::ffff:127.0.0.1]/x', '//169.254.169.254/x'];
  const text = `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n${refs
    .map((ref, index) => `    S${index}: { $ref: '${ref}' }`)
    .join('\n')}\n`;

  it.each([false, true])('makes no outbound request unless remote refs are allowed (allowExternalRefs=%s)', async (allowExternalRefs) => {
    const loaded = await loadSpec({ file: writeSpec({ text }), allowExternalRefs });
    expect(loaded.warnings.map((warning) => warning.pointer)).toEqual(refs.map((_, index) => `/components/schemas/S${index}`));
    expect(connections).toEqual([]);
  });

  it('with allowRemoteRefs, refuses each of them before any connection, naming the pointer and the reason', async () => {
    for (const [index, ref] of refs.entries()) {
      if (ref.startsWith('//')) continue; // no base URL to resolve against: untyped, see below
      const single = `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    S: { $ref: '${ref}' }\n`;
      const file = writeSpec({ text: single });
      const error = await loadFailure({ file, allowRemoteRefs: true, lookupHost: async () => ['127.0.0.1'] });
      expect(error.pointer, ref).toBe('/components/schemas/S');
      expect(error.message, `${index} ${ref}`).toMatch(/^remote \$ref ".*" refused: .*(link-local|loopback)/);
    }
    expect(connections).toEqual([]);
  });

  it('with allowRemoteRefs, a protocol-relative ref in a local spec has no base and stays untyped', async () => {
    const file = writeSpec({ text: `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    S: { $ref: '//169.254.169.254/x' }\n` });
    const loaded = await loadSpec({ file, allowRemoteRefs: true, lookupHost: async () => ['169.254.169.254'] });
    expect(loaded.warnings.map((warning) => warning.message)).toEqual(['external $ref "//169.254.169.254/x" not resolved (not a valid URL); treated as untyped']);
    expect(connections).toEqual([]);
  });
});

describe('item 9: YAML alias bomb', () => {
  it('refuses the 569-byte billion laughs in well under a second, naming the limit and its flag', async () => {
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const error = await loadFailure({ file: join(MALFORMED, 'alias-bomb.yaml') });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
    expect(error.format()).toMatch(/alias-bomb\.yaml: YAML alias expansion \(more than 1000000 values produced by aliases\) exceeds the limit of 1000000; raise it with --max-yaml-alias-nodes/);
    expect(error.format()).not.toContain('\n');
  });

  it('passes 500 anchors each used by an alias, as large real specs have, by default', async () => {
    const anchors = Array.from({ length: 500 }, (_, index) => `    S${index}: &s${index} { type: object, properties: { id: { type: string }, n: { type: integer, minimum: ${index} } } }`);
    const uses = Array.from({ length: 500 }, (_, index) => `    U${index}: { type: object, properties: { a: *s${index}, b: *s${(index * 7) % 500} } }`);
    const file = writeSpec({ text: `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n${[...anchors, ...uses].join('\n')}\n` });
    const loaded = await loadSpec({ file });
    const schemas = (loaded.document.components as { schemas: Record<string, { properties: Record<string, unknown> }> }).schemas;
    expect(schemas.U499!.properties.a).toEqual(schemas.S499);
    expect(loaded.warnings).toEqual([]);
  });

  it('bounds what aliases expand to, not how often they are used, and the limit can be raised', async () => {
    // 30 uses of a 5-value anchor add 150 values.
    const anchors = `x-a: &a { type: object, properties: { b: { type: string } } }\n${Array.from({ length: 30 }, (_, index) => `x-${index}: *a`).join('\n')}\n`;
    const file = writeSpec({ text: `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\n${anchors}` });
    expect((await loadFailure({ file, limits: { maxYamlAliasNodes: 149 } })).message).toMatch(
      /YAML alias expansion \(more than 149 values produced by aliases\) exceeds the limit of 149; raise it with --max-yaml-alias-nodes/,
    );
    expect((await loadSpec({ file, limits: { maxYamlAliasNodes: 150 } })).document['x-29']).toEqual({ type: 'object', properties: { b: { type: 'string' } } });
  });
});

describe('item 10: a schema nested 10,000 deep', () => {
  const deepJson = `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"x":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
  const deepYaml = `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\nx: ${'['.repeat(10_000)}1${']'.repeat(10_000)}\n`;

  it.each([
    ['json', deepJson],
    ['yaml', deepYaml],
  ])('%s: a clean error naming --max-depth, and the process carries on', async (extension, text) => {
    const error = await loadFailure({ file: writeSpec({ text, extension }) });
    expect(error.message).toMatch(/nesting depth .* exceeds the limit of 200; raise it with --max-depth/);
    expect((await loadSpec({ file: writeSpec({ text: `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\n` }) })).specVersion).toBe('3.0');
  });
});

describe('item 12: huge specs', () => {
  it('refuses a 50 MB+ file from its size before reading it', async () => {
    const file = join(scratch, 'huge.json');
    const handle = openSync(file, 'w');
    ftruncateSync(handle, 50 * 1024 * 1024 + 1); // sparse: nothing is written or read
    closeSync(handle);
    const started = performance.now();
    const error = await loadFailure({ file });
    expect(performance.now() - started).toBeLessThan(500);
    expect(error.message).toMatch(/spec file size \(52428801 bytes\) exceeds the limit of 52428800; raise it with --max-spec-bytes/);
  });

  it('refuses 100,000 operations, naming --max-operations; a raised limit lets it through the check', async () => {
    const paths: Record<string, unknown> = {};
    for (let index = 0; index < 100_000; index++) paths[`/p${index}`] = { get: { responses: {} } };
    const file = writeSpec({ text: JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths }), extension: 'json' });
    const error = await loadFailure({ file });
    expect(error.format()).toMatch(/#\/paths: operation count \(100000\) exceeds the limit of 50000; raise it with --max-operations/);
    expect((await loadSpec({ file, limits: { maxOperations: 100_000 } })).specVersion).toBe('3.0');
  });

  it('refuses too many nodes, naming --max-nodes', async () => {
    const file = writeSpec({ text: JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, 'x-data': Array.from({ length: 2_000 }, () => 1) }), extension: 'json' });
    expect((await loadFailure({ file, limits: { maxNodes: 1_000 } })).message).toMatch(/document node count \(more than 1000\) exceeds the limit of 1000; raise it with --max-nodes/);
  });
});

describe('item 13: flaws name the file and the JSON pointer', () => {
  it('unresolved-ref.yaml: the schema is untyped, the operation kept, and the warning and coverage say where', async () => {
    const result = await generate(join(MALFORMED, 'unresolved-ref.yaml'));
    const pointer = '/paths/~1a/get/responses/200/content/application~1json/schema';
    expect(result.plan.actions).toHaveLength(1);
    expect(result.warnings).toContainEqual({ pointer, message: 'schema $ref "#/components/schemas/Missing" does not resolve; treated as untyped', effect: 'degraded' });
    const coverage = result.files.find((file) => file.path === 'coverage.md')!.contents;
    expect(coverage).toContain(`degraded: \`${pointer}: schema $ref "#/components/schemas/Missing" does not resolve; treated as untyped\``);
    const types = result.files.find((file) => file.path === 'src/types.gen.ts')!.contents;
    expect(types).not.toContain('Missing');
  });

  it('path-parameter-without-placeholder.yaml: only that operation is left out, and coverage says why', async () => {
    const result = await generate(join(MALFORMED, 'path-parameter-without-placeholder.yaml'));
    expect(result.plan.actions).toHaveLength(0);
    expect(result.warnings).toContainEqual({
      pointer: '/paths/~1a/get',
      message: 'operation left out: path parameter "id" has no placeholder in "/a" (at /paths/~1a/get/parameters/0)',
      effect: 'excluded',
    });
    const coverage = result.files.find((file) => file.path === 'coverage.md')!.contents;
    expect(coverage).toContain('| `a` | `GET /a` | excluded: `/paths/~1a/get: path parameter "id" has no placeholder in "/a" (at /paths/~1a/get/parameters/0)` |');
  });

  it.each([
    ['unsupported-version.yaml', '/openapi', /unsupported OpenAPI version "4\.0\.0"/],
    ['not-openapi.yaml', '/openapi', /not an OpenAPI document: no "openapi" or "swagger" version field/],
  ])('%s is refused whole', async (name, pointer, message) => {
    const file = join(MALFORMED, name);
    const error = await failure(() => generate(file));
    expect(error.file).toBe(file);
    expect(error.pointer).toBe(pointer);
    expect(error.message).toMatch(message);
    expect(error.format()).toBe(`${file}#${pointer}: ${error.message}`);
    expect(error.format()).not.toContain('\n');
  });

  it('duplicate operationIds become distinct actions (the team keeps this on purpose, see kitchen-sink.yaml)', async () => {
    const result = await generate(join(MALFORMED, 'duplicate-operation-ids.yaml'));
    expect(result.plan.actions.map((action) => action.actionId)).toEqual(['same', 'same_2']);
  });
});

describe('odd inputs: non-finite numbers, duplicate JSON keys, deep nesting under a raised limit, non-files', () => {
  const nonFiniteYaml = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /a:
    get:
      operationId: a
      parameters:
        - { name: n, in: query, schema: { type: number, enum: [1, .inf, -.inf, .nan], default: .inf, maximum: 1e400 } }
        - { name: m, in: query, schema: { type: number, enum: [.nan] } }
      responses: { '200': { description: ok, content: { application/json: { schema: { type: object, example: { big: .inf } } } } } }
`;

  it('removes .inf, .nan and 1e400 with the smallest part holding them, warns with spec pointers, and generates', async () => {
    const result = await generate(writeSpec({ text: nonFiniteYaml }));
    const base = '/paths/~1a/get/parameters';
    expect(result.warnings.filter((warning) => warning.effect === 'degraded').map((warning) => warning.pointer).sort()).toEqual([
      `${base}/0/schema/default`,
      `${base}/0/schema/enum/1`,
      `${base}/0/schema/enum/2`,
      `${base}/0/schema/enum/3`,
      `${base}/0/schema/maximum`,
      `${base}/1/schema/enum/0`,
      '/paths/~1a/get/responses/200/content/application~1json/schema/example',
    ]);
    // The definition's files: definition.gen.ts, the action modules and schemas.gen.ts.
    const definition = result.files.filter((file) => /^src\/(definition|schemas|actions\/[a-z0-9-]+)\.gen\.ts$/.test(file.path));
    expect(definition.map((file) => file.path)).toEqual(expect.arrayContaining(['src/definition.gen.ts', expect.stringMatching(/^src\/actions\//)]));
    for (const file of definition) expect(file.contents, file.path).not.toMatch(/Infinity|NaN/);
    expect(result.plan.actions).toHaveLength(1);
  });

  it('reads 1e400 in a JSON spec the same way', async () => {
    const text = JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { S: { type: 'number', default: 0 } } } }).replace('"default":0', '"default":1e400');
    const loaded = await loadSpec({ file: writeSpec({ text, extension: 'json' }) });
    expect(loaded.warnings).toEqual([{ pointer: '/components/schemas/S/default', message: '"default" holds Infinity, which JSON cannot carry; it is left out', effect: 'degraded' }]);
    expect((loaded.document.components as { schemas: unknown }).schemas).toEqual({ S: { type: 'number' } });
  });

  it('warns about duplicate JSON keys, with their pointer, as it does for YAML', async () => {
    const text = '{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"operationId":"first","operationId":"second","responses":{}}}},"x-list":[{"k":1,"k":2}]}';
    const loaded = await loadSpec({ file: writeSpec({ text, extension: 'json' }) });
    expect(loaded.warnings).toEqual([
      { pointer: '/paths/~1a/get/operationId', message: 'duplicate JSON key "operationId"; the last value wins' },
      { pointer: '/x-list/0/k', message: 'duplicate JSON key "k"; the last value wins' },
    ]);
    expect(((loaded.document.paths as Record<string, { get: { operationId: string } }>)['/a']!.get).operationId).toBe('second');
  });

  it('with --max-depth raised far past the default, deep nesting is still one clean error, never a stack overflow', async () => {
    const depth = 50_000;
    const text = `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    const error = await loadFailure({ file: writeSpec({ text, extension: 'json' }), limits: { maxDepth: 100_000 } });
    expect(error.message).toMatch(/nested too deeply to process .*--max-depth/);
  });

  it('checks depth without recursion: a document as deep as the limit allows is measured', async () => {
    const { checkDocumentSize } = await import('../../src/load/check-document-size.ts');
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level++) deep = { a: deep };
    expect(() => checkDocumentSize({ file: 'deep.json', value: deep, limits: { maxDepth: 200_000, maxNodes: 1_000_000 } })).not.toThrow();
    expect(() => checkDocumentSize({ file: 'deep.json', value: deep, limits: { maxDepth: 99_999, maxNodes: 1_000_000 } })).toThrow(/nesting depth/);
  });

  it('refuses a directory and a named pipe as the spec in one line, without hanging', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'specwire-odd-'));
    expect((await loadFailure({ file: folder })).format()).toBe(`${folder}: cannot read spec: a directory, not a regular file`);
    const fifo = join(folder, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect((await loadFailure({ file: fifo })).format()).toBe(`${fifo}: cannot read spec: a named pipe, not a regular file`);
  });
});

describe('item 14: BOM, duplicate keys, custom tags', () => {
  it('strips a BOM', async () => {
    expect((await loadSpec({ file: join(MALFORMED, 'bom.yaml') })).document.openapi).toBe('3.0.3');
  });

  it('reads !!js/function and friends as plain strings and duplicate keys as last-wins, with warnings', async () => {
    const loaded = await loadSpec({ file: join(MALFORMED, 'duplicate-keys-and-tags.yaml') });
    expect(typeof loaded.document['x-code']).toBe('string');
    expect(typeof loaded.document['x-regexp']).toBe('string');
    expect(loaded.document['x-undefined']).toBe('');
    expect(((loaded.document.paths as Record<string, { get: { operationId: string } }>)['/a']!.get).operationId).toBe('second');
    expect(loaded.warnings.map((warning) => warning.message).join('\n')).toMatch(/duplicate YAML key[\s\S]*js\/function; the value is read as a plain string/);
    expect((globalThis as { PWNED?: unknown }).PWNED).toBeUndefined();
  });
});
