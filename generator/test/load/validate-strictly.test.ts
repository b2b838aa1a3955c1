import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/index.ts';
import { validateStrictly } from '../../src/load/validate-strictly.ts';

const minimal = (paths: Record<string, unknown>) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths });

describe('validateStrictly (swagger-parser, opt-in)', () => {
  it('finds nothing in the team spec', async () => {
    const loaded = await loadSpec({ file: join(import.meta.dirname, '../../../specs/kitchen-sink.yaml') });
    expect(await validateStrictly({ document: loaded.document })).toEqual([]);
  });

  it('reports a schema violation with its JSON pointer', async () => {
    const document = minimal({ '/a': { get: { responses: { '4xx': { description: 'client error' } } } } });
    expect(await validateStrictly({ document })).toEqual([
      { pointer: '/paths/~1a/get/responses', message: 'schema validation: must NOT have additional properties' },
    ]);
  });

  it('never reads a file an external $ref names, and leaves the caller\'s document as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'specwire-validate-'));
    const secret = join(dir, 'secret.json');
    await writeFile(secret, JSON.stringify({ type: 'string', description: 'TOP-SECRET-CONTENT' }));
    const document = minimal({
      '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: secret } } } } } } },
    });
    const before = JSON.stringify(document);
    const warnings = await validateStrictly({ document });
    expect(JSON.stringify(warnings)).not.toContain('TOP-SECRET-CONTENT');
    expect(JSON.stringify(document)).toBe(before);
  });
});
