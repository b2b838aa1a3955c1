import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecwireError } from '../../src/errors/index.ts';
import type { LoadedSpec } from '../../src/load/types.ts';
import { applyOverlay, mergeSources, parseOverlay } from '../../src/merge/index.ts';
import { parseOverrides } from '../../src/override/index.ts';
import { JsonPathError, parseJsonPath, selectJsonPath } from '../../src/merge/overlay/json-path.ts';
import { errorOf } from '../support/error-of.ts';

const FILE = 'overlays/shop.overlay.yaml';

function spec() {
  return {
    openapi: '3.1.0',
    info: { title: 'Shop', version: '1' },
    tags: [{ name: 'orders' }],
    paths: {
      '/orders': {
        get: { operationId: 'listOrders', tags: ['orders'], summary: 'List', parameters: [{ name: 'limit', in: 'query' }] },
        post: { operationId: 'createOrder', tags: ['orders'], deprecated: true },
      },
      '/internal/debug': { get: { operationId: 'debug', tags: ['internal'], 'x-internal': true } },
    },
  };
}

function overlay(...actions: string[]): string {
  return ['overlay: 1.0.0', 'info: { title: Shop fixes, version: 1.0.0 }', 'actions:', ...actions].join('\n') + '\n';
}

function apply(text: string): Record<string, unknown> {
  return applyOverlay({ document: spec(), overlay: parseOverlay({ file: FILE, text }) });
}


describe('JSONPath subset', () => {
  const document = spec();
  const select = (path: string) => selectJsonPath({ document, path: parseJsonPath(path) }).map((node) => node.value);

  it('selects members by dot, bracket, wildcard and index', () => {
    expect(select("$.paths['/orders'].get.operationId")).toEqual(['listOrders']);
    expect(select('$.paths.*.*.operationId')).toEqual(['listOrders', 'createOrder', 'debug']);
    expect(select("$.paths['/orders'].get.parameters[0].name")).toEqual(['limit']);
    expect(select("$.paths['/orders'].get.parameters[-1].in")).toEqual(['query']);
    expect(select("$.paths['/orders']['get','post'].operationId")).toEqual(['listOrders', 'createOrder']);
  });

  it('filters with comparisons, existence, negation and boolean operators', () => {
    expect(select("$.paths.*[?(@.deprecated == true)].operationId")).toEqual(['createOrder']);
    expect(select("$.paths.*[?@['x-internal']].operationId")).toEqual(['debug']);
    expect(select("$.paths.*[?(!@.deprecated && @.tags[0] == 'orders')].operationId")).toEqual(['listOrders']);
    expect(select("$.paths.*[?(@.operationId == 'debug' || @.deprecated)].operationId")).toEqual(['createOrder', 'debug']);
  });

  it('walks descendants', () => {
    expect(select('$..operationId')).toEqual(['listOrders', 'createOrder', 'debug']);
    expect(select("$..[?(@.in == 'query')].name")).toEqual(['limit']);
  });

  it('refuses what it does not support, saying where', () => {
    const messageOf = (path: string): string => {
      try {
        parseJsonPath(path);
      } catch (error) {
        if (error instanceof JsonPathError) return error.message;
        throw error;
      }
      throw new Error('expected a JsonPathError');
    };
    expect(messageOf('paths')).toBe('a path must start with "$" at character 1');
    expect(messageOf('$.paths[?(@.a == x)]')).toBe('expected @, a string, a number, true, false or null at character 18');
    expect(messageOf('$.paths[1:2]')).toBe('expected "]" at character 10');
  });
});

describe('applyOverlay', () => {
  it('merges updates into objects, appends to arrays and removes nodes, in order', () => {
    const result = apply(
      overlay(
        "  - target: $.paths['/orders'].get",
        '    update: { summary: List orders, x-order: 1 }',
        '  - target: $.tags',
        '    update: { name: internal }',
        "  - target: $.paths.*[?(@['x-internal'] == true)]",
        '    remove: true',
        '  - target: $.info',
        '    update: { contact: { name: Shop team } }',
      ),
    );
    const paths = result.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(paths['/orders']!.get).toMatchObject({ summary: 'List orders', 'x-order': 1, operationId: 'listOrders' });
    expect(result.tags).toEqual([{ name: 'orders' }, { name: 'internal' }]);
    expect(paths['/internal/debug']).toEqual({});
    expect(result.info).toEqual({ title: 'Shop', version: '1', contact: { name: 'Shop team' } });
  });

  it('leaves the input document untouched', () => {
    const document = spec();
    applyOverlay({ document, overlay: parseOverlay({ file: FILE, text: overlay('  - target: $.info', '    remove: true') }) });
    expect(document).toEqual(spec());
  });

  it('fails on a target that selects nothing', () => {
    expect(errorOf(() => apply(overlay("  - target: $.paths['/order'].get", '    remove: true')))).toBe(
      `${FILE}:4:5: actions[0].target "$.paths['/order'].get" selects nothing in the spec`,
    );
  });

  it('fails on an update of a primitive', () => {
    expect(errorOf(() => apply(overlay('  - target: $.info.title', '    update: { a: 1 }')))).toBe(
      `${FILE}:4:5: actions[0].target "$.info.title" selects a string value; update needs an object target (with an object update) or an array target`,
    );
  });

  it('checks the overlay document itself', () => {
    expect(errorOf(() => parseOverlay({ file: FILE, text: 'overlay: 2.0.0\ninfo: { title: x, version: "1" }\nactions: []\n' }))).toBe(
      `${FILE}:1:10: "overlay" must be the Overlay Specification version 1.0.x, e.g. "1.0.0"`,
    );
    expect(errorOf(() => parseOverlay({ file: FILE, text: overlay('  - target: $.info', '    update: {}', '    remove: true') }))).toBe(
      `${FILE}:4:5: actions[0] has both "update" and "remove: true"; split it into two actions`,
    );
    expect(errorOf(() => parseOverlay({ file: FILE, text: overlay('  - target: $.info', '    updat: {}') }))).toBe(
      `${FILE}:5:5: unknown key "updat" in actions[0] (expected target, description, update, remove or x-…)`,
    );
    expect(errorOf(() => parseOverlay({ file: FILE, text: overlay('  - target: info', '    remove: true') }))).toBe(
      `${FILE}:4:13: actions[0].target "info" is not a supported JSONPath: a path must start with "$" at character 1`,
    );
    expect(errorOf(() => parseOverlay({ file: FILE, text: overlay('  - target: $.info', '    update: { __proto__: { polluted: true } }') }))).toBe(
      `${FILE}:5:15: key "__proto__" is not allowed (it could alter object prototypes)`,
    );
  });
});

describe('source.overlay in an override file', () => {
  it('is applied to the loaded spec, relative to the workspace root', async () => {
    const root = await mkdtemp(join(tmpdir(), 'specwire-overlay-'));
    await mkdir(join(root, 'overlays'));
    await writeFile(join(root, 'overlays', 'shop.yaml'), overlay("  - target: $.paths['/internal/debug']", '    remove: true'));
    const overrides = parseOverrides({ file: 'overrides/shop.yaml', text: 'source:\n  spec: specs/shop.yaml\n  overlay: overlays/shop.yaml\n' });
    const loaded: LoadedSpec = { file: 'specs/shop.yaml', document: spec(), sha256: '', specVersion: '3.1', declaredVersion: '3.1.0', warnings: [] };
    const result = await mergeSources({ loaded, overrides, workspaceRoot: root });
    expect(Object.keys(result.document.paths as object)).toEqual(['/orders']);
    expect(Object.keys(loaded.document.paths as object)).toEqual(['/orders', '/internal/debug']);
  });

  it('must stay inside the workspace', async () => {
    const overrides = parseOverrides({ file: 'overrides/shop.yaml', text: 'source:\n  spec: specs/shop.yaml\n  overlay: ../elsewhere.yaml\n' });
    const loaded: LoadedSpec = { file: 'specs/shop.yaml', document: spec(), sha256: '', specVersion: '3.1', declaredVersion: '3.1.0', warnings: [] };
    const error = await mergeSources({ loaded, overrides, workspaceRoot: tmpdir() }).catch((caught: unknown) => caught);
    expect(error instanceof SpecwireError ? error.format() : error).toBe(
      'overrides/shop.yaml:3:12: source.overlay "../elsewhere.yaml" must be a path inside the workspace',
    );
  });
});
