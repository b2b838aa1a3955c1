/**
 * `required` beside `allOf: [$ref]` and renamed body fields over a nullable base (`Base | null`,
 * whose `keyof` is `never`) used to emit `WithRequired<Base, "id">`, which tsc refuses (TS2344).
 * Required and renamed keys now apply to the object part only. Checked with tsc on packages emitted
 * from factory-built plans: one built directly, one planned from a factory-built IR.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitConnector } from '../../src/emit/index.ts';
import { planConnector } from '../../src/plan/index.ts';
import type { ConnectorPlan } from '../../src/plan/types.ts';
import { makeApi, makeBody, makeCurated, makeOperation as makeIrOperation, makeParameter, makeProvenance, makeResponse } from '../plan/factories.ts';
import { installStubRuntime, linkWorkspaceTooling, makeTempDir, removeTempDir, typecheck, writeEmittedFiles } from './emitted-package.ts';
import { makeConnectorPlan, makeOperation } from './factories.ts';

const OPTIONS = { generatorVersion: '0.1.0' };
const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all(tempDirs.map(removeTempDir));
});

/** A nullable base, a child that requires one of its keys (recursively), and a base that is an object or a string. */
const NULLABLE_SCHEMAS = {
  Base: {
    type: ['object', 'null'],
    properties: { id: { type: 'string' }, owner: { type: 'string' }, name: { type: 'string' }, next: { $ref: '#/components/schemas/Child' } },
  },
  Child: { allOf: [{ $ref: '#/components/schemas/Base' }], required: ['id'] },
  Mixed: { type: ['object', 'string'], properties: { id: { type: 'string' } } },
  MixedChild: { allOf: [{ $ref: '#/components/schemas/Mixed' }], required: ['id'] },
};

function makeNullablePlan(): ConnectorPlan {
  return makeConnectorPlan({
    cases: [],
    schemas: NULLABLE_SCHEMAS,
    operations: [
      makeOperation({
        actionId: 'child_create',
        method: 'POST',
        path: '/owners/{owner}/children',
        pathParams: ['owner'],
        body: { mode: 'spread', required: true, properties: { id: true, owner: false, name: false }, renamed: { owner: 'body_owner' } },
        bodySchema: { $ref: '#/components/schemas/Child' },
        outputStatus: '200',
        outputSchema: { $ref: '#/components/schemas/Child' },
      }),
      makeOperation({
        actionId: 'maybe_update',
        method: 'PATCH',
        path: '/maybe',
        body: { mode: 'spread', required: false, properties: { name: false } },
        bodySchema: { type: ['object', 'null'], properties: { name: { type: 'string' } } },
      }),
      makeOperation({ actionId: 'mixed_get', method: 'GET', path: '/mixed', outputStatus: '200', outputSchema: { $ref: '#/components/schemas/MixedChild' } }),
    ],
  });
}

async function emitToTempDir(plan: ConnectorPlan): Promise<string> {
  const dir = await makeTempDir(`nullable-${plan.name}`);
  tempDirs.push(dir);
  await writeEmittedFiles({ dir, files: await emitConnector(plan, OPTIONS) });
  await linkWorkspaceTooling(dir);
  await installStubRuntime(dir);
  return dir;
}

const USAGE = [
  'import type { ChildCreateInput, ChildCreateOutput, MaybeUpdateInput, MixedGetOutput } from "./index.ts";',
  'export const ok: ChildCreateInput = { owner: "o", id: "i", body_owner: "b", name: "n" };',
  '// @ts-expect-error `required: [id]` still holds on the object part of the nullable base',
  'export const missingId: ChildCreateInput = { owner: "o" };',
  'export const nullOutput: ChildCreateOutput = null;',
  'export const objectOutput: ChildCreateOutput = { id: "i", next: { id: "j", next: null } };',
  '// @ts-expect-error the output object requires id',
  'export const noIdOutput: ChildCreateOutput = { name: "n" };',
  'export const emptyPatch: MaybeUpdateInput = {};',
  '// @ts-expect-error spread fields form an object, never null',
  'export const nullPatch: MaybeUpdateInput = null;',
  'export const mixedString: MixedGetOutput = "s";',
  '// @ts-expect-error the object part of an object-or-string base requires id',
  'export const mixedObject: MixedGetOutput = {};',
  '',
].join('\n');

describe('types over a nullable base', () => {
  it('typecheck, with required and renamed keys applied to the object part', async () => {
    const dir = await emitToTempDir(makeNullablePlan());
    const types = await readFile(join(dir, 'src', 'types.gen.ts'), 'utf8');
    expect(types).toContain('Child: WithRequired<components["schemas"]["Base"], "id">;');
    expect(types).toContain('type WithRequired<T, K extends PropertyKey> = T extends object ? T & { [P in K & keyof T]-?: T[P] } : T;');
    await writeFile(join(dir, 'src', 'usage.ts'), USAGE);
    const result = await typecheck(dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);

  it("fail with openapi-typescript's own helper (TS2344: the check reproduces the bug)", async () => {
    const dir = await emitToTempDir(makeNullablePlan());
    const file = join(dir, 'src', 'types.gen.ts');
    const types = await readFile(file, 'utf8');
    await writeFile(
      file,
      types.replace(/^type WithRequired<.*$/m, 'type WithRequired<T, K extends keyof T> = T & { [P in K]-?: T[P] };'),
    );
    const result = await typecheck(dir);
    expect(result.ok).toBe(false);
    expect(result.output).toContain("error TS2344: Type '\"id\"' does not satisfy the constraint 'never'");
  }, 120_000);

  it('typecheck when planned from an IR whose body and output are a child of a nullable base', async () => {
    const api = makeApi({
      schemas: NULLABLE_SCHEMAS,
      operations: [
        makeIrOperation({
          operationId: 'createThing',
          method: 'post',
          path: '/things/{owner}',
          parameters: [makeParameter({ name: 'owner', in: 'path', required: true })],
          requestBody: makeBody({ $ref: '#/components/schemas/Child' }),
          responses: [makeResponse({ contents: [{ mediaType: 'application/json', schema: { $ref: '#/components/schemas/Child' } }] })],
        }),
        makeIrOperation({
          operationId: 'putOther',
          method: 'put',
          path: '/other/{owner}',
          parameters: [makeParameter({ name: 'owner', in: 'path', required: true })],
          requestBody: makeBody({ type: ['object', 'null'], properties: { owner: { type: 'string' }, name: { type: 'string' } } }, { required: false }),
          responses: [makeResponse({ status: '204', contents: [] })],
        }),
      ],
    });
    const plan = planConnector({ curated: makeCurated({ api }), provenance: makeProvenance() });
    const spread = plan.actions.find((action) => action.actionId === 'create_thing')!.typeShape.body;
    expect(spread).toMatchObject({ mode: 'spread', renamed: { owner: 'body_owner' } });
    const dir = await emitToTempDir(plan);
    await writeFile(
      join(dir, 'src', 'usage.ts'),
      [
        'import type { CreateThingInput, CreateThingOutput } from "./index.ts";',
        'export const ok: CreateThingInput = { owner: "o", id: "i", body_owner: "b" };',
        '// @ts-expect-error id is required by the child schema',
        'export const missingId: CreateThingInput = { owner: "o" };',
        'export const nullOutput: CreateThingOutput = null;',
        '',
      ].join('\n'),
    );
    const result = await typecheck(dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);
});
