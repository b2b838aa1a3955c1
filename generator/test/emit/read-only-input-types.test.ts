/**
 * openapi-typescript keeps a `readOnly` property required (only `readonly`), so input types asked the
 * user for values the server sets. Input types now make readOnly properties optional at every depth,
 * `readOnly` written through `allOf` included; outputs still require them. Checked with tsc on a
 * package planned from a factory-built IR.
 */
import { writeFile } from 'node:fs/promises';
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
  Stamp: { type: 'string', format: 'date-time' },
  Owner: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } } },
  Pet: {
    type: 'object',
    required: ['id', 'name', 'created', 'owner', 'tags'],
    properties: {
      id: { type: 'integer', readOnly: true },
      name: { type: 'string' },
      created: { allOf: [{ $ref: '#/components/schemas/Stamp' }, { readOnly: true }] },
      owner: { $ref: '#/components/schemas/Owner' },
      tags: { type: 'array', items: { $ref: '#/components/schemas/Owner' } },
    },
  },
};

describe('input types of bodies with readOnly properties', () => {
  it('make them optional at every depth and keep them required in outputs', async () => {
    const api = makeApi({
      schemas: SCHEMAS,
      operations: [
        makeOperation({
          operationId: 'createPet',
          method: 'post',
          path: '/pets',
          requestBody: makeBody({ $ref: '#/components/schemas/Pet' }),
          responses: [makeResponse({ contents: [{ mediaType: 'application/json', schema: { $ref: '#/components/schemas/Pet' } }] })],
        }),
      ],
    });
    const plan = planConnector({ curated: makeCurated({ api }), provenance: makeProvenance() });
    const dir = await makeTempDir('read-only-input');
    tempDirs.push(dir);
    await writeEmittedFiles({ dir, files: await emitConnector(plan, { generatorVersion: '0.1.0' }) });
    await linkWorkspaceTooling(dir);
    await installStubRuntime(dir);
    await writeFile(
      join(dir, 'src', 'usage.ts'),
      [
        'import type { CreatePetInput, CreatePetOutput } from "./index.ts";',
        'export const input: CreatePetInput = { name: "Rex", owner: { name: "Ann" }, tags: [{ name: "t" }] };',
        '// @ts-expect-error name is not readOnly and stays required',
        'export const noName: CreatePetInput = { owner: { name: "Ann" }, tags: [] };',
        '// @ts-expect-error a nested property that is not readOnly stays required',
        'export const noOwnerName: CreatePetInput = { name: "Rex", owner: {}, tags: [] };',
        '// @ts-expect-error the output still has its readOnly id',
        'export const output: CreatePetOutput = { name: "Rex", created: "x", owner: { id: "o", name: "Ann" }, tags: [] };',
        '',
      ].join('\n'),
    );
    const result = await typecheck(dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);
});
