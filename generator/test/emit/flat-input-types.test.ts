/**
 * Input types are named interfaces, one documented member per input field, typed by indexing
 * openapi-typescript's parameter and body types. Checked with tsc on a package planned from a
 * factory-built IR whose body property shares a path parameter's name (renamed to `body_id`), is
 * nullable, and has required and optional properties with odd names.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitConnector } from '../../src/emit/index.ts';
import { planConnector } from '../../src/plan/index.ts';
import { makeApi, makeBody, makeCurated, makeOperation, makeParameter, makeProvenance, makeResponse } from '../plan/factories.ts';
import { installStubRuntime, linkWorkspaceTooling, makeTempDir, removeTempDir, typecheck, writeEmittedFiles } from './emitted-package.ts';

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map(removeTempDir));
});

const NOTE = {
  type: 'object',
  required: ['id', 'text'],
  properties: {
    id: { type: 'string', description: 'Id in the body. */ console.log("no") /*' },
    text: { type: 'string', description: 'The note text.' },
    'x-odd key': { type: 'integer' },
    created: { type: 'string', readOnly: true },
  },
};
/** A nullable body is one input field, `body`, which keeps its `| null`. */
const MAYBE_NOTE = { type: ['object', 'null'], properties: { text: { type: 'string' } } };

describe('flattened input types', () => {
  it('name each field with its JSDoc, keep renamed, required and nullable bodies typed, and typecheck', async () => {
    const api = makeApi({
      schemas: { Note: NOTE, MaybeNote: MAYBE_NOTE },
      operations: [
        makeOperation({
          operationId: 'updateNote',
          method: 'put',
          path: '/notes/{id}',
          parameters: [makeParameter({ name: 'id', in: 'path', description: 'The note id.' })],
          requestBody: makeBody({ $ref: '#/components/schemas/Note' }),
          responses: [makeResponse({ contents: [{ mediaType: 'application/json', schema: { $ref: '#/components/schemas/Note' } }] })],
        }),
        makeOperation({
          operationId: 'draftNote',
          method: 'post',
          path: '/drafts',
          requestBody: makeBody({ $ref: '#/components/schemas/MaybeNote' }),
        }),
      ],
    });
    const plan = planConnector({ curated: makeCurated({ api }), provenance: makeProvenance() });
    const dir = await makeTempDir('flat-input');
    tempDirs.push(dir);
    await writeEmittedFiles({ dir, files: await emitConnector(plan, { generatorVersion: '0.1.0' }) });
    const types = await readFile(join(dir, 'src', 'types.gen.ts'), 'utf8');
    const start = types.indexOf('export interface UpdateNoteInput {');
    expect(start).toBeGreaterThan(0);
    await expect(types.slice(start)).toMatchFileSnapshot('__snapshots__/flat-input-types/action-types.ts.snap');
    expect(types).not.toMatch(/RenamedKeys|WithRequired/);
    expect(types).toContain('export type UpdateNoteOutput = components["schemas"]["Note"];');
    await linkWorkspaceTooling(dir);
    await installStubRuntime(dir);
    await writeFile(
      join(dir, 'src', 'usage.ts'),
      [
        'import type { DraftNoteInput, UpdateNoteInput } from "./index.ts";',
        'export const draft: DraftNoteInput = { body: null };',
        'export const draftText: DraftNoteInput = { body: { text: "t" } };',
        '// @ts-expect-error the body keeps its property types',
        'export const draftBad: DraftNoteInput = { body: { text: 1 } };',
        'export const ok: UpdateNoteInput = { id: "n1", body_id: "b1", text: "hi", "x-odd key": 1 };',
        '// @ts-expect-error text is required',
        'export const noText: UpdateNoteInput = { id: "n1", body_id: "b1" };',
        '// @ts-expect-error the body id keeps its string type under its new name',
        'export const badBodyId: UpdateNoteInput = { id: "n1", body_id: 2, text: "hi" };',
        '// @ts-expect-error the vendor name of a renamed property is not a field',
        'export const vendorName: UpdateNoteInput = { id: "n1", body_id: "b1", text: "hi", owner: "x" };',
        '',
      ].join('\n'),
    );
    const result = await typecheck(dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);
});
