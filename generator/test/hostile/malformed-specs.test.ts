/**
 * HOSTILE-INPUTS items 7-10 and 12-14: malformed or hostile specs make generation fail with one
 * clear line (naming the file, the JSON pointer or the limit and its flag) or load safely; nothing
 * outside the spec's folder is read and the process survives.
 */
import { mkdtempSync, mkdirSync, openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
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
    expect(error.format()).toMatch(/alias-bomb\.yaml: YAML alias expansion .* exceeds the limit of 100; raise it with --max-yaml-aliases/);
  });

  it('counts alias uses too, and the limit can be raised for a trusted spec', async () => {
    const anchors = `x-a: &a { type: string }\n${Array.from({ length: 30 }, (_, index) => `x-${index}: *a`).join('\n')}\n`;
    const file = writeSpec({ text: `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\n${anchors}` });
    expect((await loadFailure({ file, limits: { maxYamlAliases: 20 } })).message).toMatch(/YAML alias count \(more than 20\) exceeds the limit of 20; raise it with --max-yaml-aliases/);
    expect((await loadSpec({ file, limits: { maxYamlAliases: 40 } })).document['x-29']).toEqual({ type: 'string' });
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
    expect(error.format()).toMatch(/#\/paths: operation count \(100000\) exceeds the limit of 20000; raise it with --max-operations/);
    expect((await loadSpec({ file, limits: { maxOperations: 100_000 } })).specVersion).toBe('3.0');
  });

  it('refuses too many nodes, naming --max-nodes', async () => {
    const file = writeSpec({ text: JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, 'x-data': Array.from({ length: 2_000 }, () => 1) }), extension: 'json' });
    expect((await loadFailure({ file, limits: { maxNodes: 1_000 } })).message).toMatch(/document node count \(more than 1000\) exceeds the limit of 1000; raise it with --max-nodes/);
  });
});

describe('item 13: errors name the file and the JSON pointer', () => {
  it.each([
    ['unresolved-ref.yaml', '/paths/~1a/get/responses/200/content/application~1json/schema', /\$ref "#\/components\/schemas\/Missing" does not resolve/],
    ['path-parameter-without-placeholder.yaml', '/paths/~1a/get/parameters/0', /path parameter "id" has no placeholder in "\/a"/],
    ['unsupported-version.yaml', '/openapi', /unsupported OpenAPI version "4\.0\.0"/],
  ])('%s', async (name, pointer, message) => {
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
