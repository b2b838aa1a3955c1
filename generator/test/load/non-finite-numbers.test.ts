/**
 * `.inf`, `.nan` and `1e400` cannot be written as JSON: each is removed with the smallest part that
 * holds it, with a degraded warning at its pointer in the spec.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/index.ts';

const folder = mkdtempSync(join(tmpdir(), 'specwire-non-finite-'));
let counter = 0;
async function load(components: string) {
  const file = join(folder, `spec-${counter++}.yaml`);
  writeFileSync(file, `openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths: {}\ncomponents:\n${components}`);
  const loaded = await loadSpec({ file });
  return { schemas: (loaded.document.components as { schemas: Record<string, unknown> }).schemas, warnings: loaded.warnings };
}

describe('non-finite numbers in a spec', () => {
  it('removes an enum left with no value, so the schema accepts what its type says', async () => {
    const { schemas, warnings } = await load('  schemas:\n    S: { type: number, enum: [.nan, .inf] }\n');
    expect(schemas.S).toEqual({ type: 'number' });
    expect(warnings.map((warning) => warning.pointer)).toEqual(['/components/schemas/S/enum/0', '/components/schemas/S/enum/1']);
  });

  it('treats a property named like a keyword as a name: only the keyword inside it goes', async () => {
    const { schemas, warnings } = await load('  schemas:\n    S:\n      properties:\n        default: { type: number, maximum: .inf }\n        example: { type: number, default: -.inf }\n');
    expect(schemas.S).toEqual({ properties: { default: { type: 'number' }, example: { type: 'number' } } });
    expect(warnings).toEqual([
      { pointer: '/components/schemas/S/properties/example/default', message: '"default" holds -Infinity, which JSON cannot carry; it is left out', effect: 'degraded' },
      { pointer: '/components/schemas/S/properties/default/maximum', message: '"maximum" holds Infinity, which JSON cannot carry; it is left out', effect: 'degraded' },
    ]);
  });

  it('drops a whole example or extension rather than leave a different example behind', async () => {
    const { schemas, warnings } = await load('  schemas:\n    S: { type: object, example: { a: 1, b: [2, .inf] }, x-limits: { max: .inf }, x-kept: { max: 3 } }\n');
    expect(schemas.S).toEqual({ type: 'object', 'x-kept': { max: 3 } });
    expect(warnings.map((warning) => `${warning.pointer} ${warning.message}`)).toEqual([
      '/components/schemas/S/x-limits "x-limits" holds Infinity, which JSON cannot carry; it is left out',
      '/components/schemas/S/example "example" holds Infinity, which JSON cannot carry; it is left out',
    ]);
  });

  it('cleans a value shared through a YAML alias once, in every place it appears', async () => {
    const { schemas, warnings } = await load('  schemas:\n    A: &a { type: number, enum: [1, .inf] }\n    B: *a\n');
    expect(schemas.A).toEqual({ type: 'number', enum: [1] });
    expect(schemas.B).toEqual({ type: 'number', enum: [1] });
    expect(warnings).toHaveLength(1);
  });

  it('cleans a file inlined through an external $ref, though the spec itself holds only finite numbers', async () => {
    const file = join(folder, `spec-${counter++}.yaml`);
    writeFileSync(join(folder, 'limits.yaml'), 'Limit: { type: number, maximum: .inf }\n');
    writeFileSync(file, "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    S: { $ref: './limits.yaml#/Limit' }\n");
    const loaded = await loadSpec({ file, allowExternalRefs: true });
    expect((loaded.document.components as { schemas: Record<string, unknown> }).schemas.S).toEqual({ type: 'number' });
    expect(loaded.warnings.filter((warning) => warning.effect === 'degraded').map((warning) => warning.message)).toEqual([
      '"maximum" holds Infinity, which JSON cannot carry; it is left out',
    ]);
  });
});
