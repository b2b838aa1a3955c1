/**
 * A component extending a discriminated base (`allOf: [$ref Base]`) that declares the tag property
 * itself used to get it twice in one object type (openapi-typescript adds its own `class: "Child"`),
 * and tsc refused the package (TS2300 Duplicate identifier). Checked with tsc on a package planned
 * from a factory-built IR, with a tag named like a reserved word as vendors name it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitConnector } from '../../src/emit/index.ts';
import { planConnector } from '../../src/plan/index.ts';
import { makeApi, makeBody, makeCurated, makeOperation, makeProvenance, makeResponse } from '../plan/factories.ts';
import { installStubRuntime, linkWorkspaceTooling, makeTempDir, removeTempDir, typecheck, writeEmittedFiles } from './emitted-package.ts';

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map(removeTempDir));
});

const SCHEMAS = {
  Result: {
    type: 'object',
    required: ['class'],
    properties: { class: { type: 'string' }, note: { type: 'string' } },
    discriminator: { propertyName: 'class', mapping: { Listed: '#/components/schemas/Listed' } },
  },
  // Not in the mapping, declares the tag itself: the case that produced the duplicate.
  Unlisted: { type: 'object', allOf: [{ $ref: '#/components/schemas/Result' }], properties: { class: { type: 'string', enum: ['Unlisted'] }, size: { type: 'integer' } } },
  Listed: {
    type: 'object',
    allOf: [{ $ref: '#/components/schemas/Result' }],
    required: ['class'],
    properties: { class: { type: 'string', enum: ['Listed'] }, items: { type: 'array', items: { type: 'string' } } },
  },
};

describe('types of a component that repeats its base discriminator property', () => {
  it('typecheck, and the tag still narrows the value', async () => {
    const api = makeApi({
      schemas: SCHEMAS,
      operations: [
        makeOperation({
          operationId: 'resolve',
          method: 'post',
          path: '/resolve',
          requestBody: makeBody({ $ref: '#/components/schemas/Listed' }),
          responses: [makeResponse({ contents: [{ mediaType: 'application/json', schema: { $ref: '#/components/schemas/Unlisted' } }] })],
        }),
      ],
    });
    const plan = planConnector({ curated: makeCurated({ api }), provenance: makeProvenance() });
    const dir = await makeTempDir('discriminator-tag');
    tempDirs.push(dir);
    await writeEmittedFiles({ dir, files: await emitConnector(plan, { generatorVersion: '0.1.0' }) });
    await linkWorkspaceTooling(dir);
    await installStubRuntime(dir);
    const types = await readFile(join(dir, 'src', 'types.gen.ts'), 'utf8');
    expect(types).toContain('class: "Unlisted"');
    await writeFile(
      join(dir, 'src', 'usage.ts'),
      [
        'import type { ResolveOutput } from "./index.ts";',
        'export const ok: ResolveOutput = { class: "Unlisted", size: 1 };',
        '// @ts-expect-error the tag of Unlisted is "Unlisted"',
        'export const wrongTag: ResolveOutput = { class: "Listed", size: 1 };',
        '',
      ].join('\n'),
    );
    const result = await typecheck(dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);
});
