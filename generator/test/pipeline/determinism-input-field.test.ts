import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../src/pipeline/generate-workspace.ts';
import { createGenerationProgress } from '../../src/pipeline/progress.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';
import { diffLines } from './line-diff.ts';
import { shopSpec } from './shop-spec.ts';

const NOTE = 'note: { type: string }';
/** The same body property with a description and a limit: what a vendor edit to one input looks like. */
const NOTE_CHANGED = 'note: { type: string, maxLength: 200, description: "A note for the packer, printed on the slip." }';

let before: string;
let after: string;

function workspace(spec: string): string {
  const root = mkdtempSync(join(tmpdir(), 'specwire-pipeline-'));
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
  mkdirSync(join(root, 'specs'));
  writeFileSync(join(root, 'specs', 'shop.yaml'), spec);
  return root;
}

/** Every file of the definition (`definition.gen.ts`, `actions/*.gen.ts`, `schemas.gen.ts` when present), by path under src/. */
function definitionFilesOf(root: string): Map<string, string> {
  const src = join(root, 'generated', 'shop', 'src');
  const paths = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((path) => /^(definition|schemas|actions\/[a-z0-9-]+)\.gen\.ts$/.test(path))
    .sort();
  return new Map(paths.map((path) => [path, readFileSync(join(src, path), 'utf8')]));
}

beforeAll(async () => {
  const spec = shopSpec({ withRefund: true });
  expect(spec).toContain(NOTE);
  before = workspace(spec);
  after = workspace(spec.replace(NOTE, NOTE_CHANGED));
  for (const root of [before, after]) {
    await generateWorkspace({ root, timings: new StageTimings(), progress: await createGenerationProgress({ quiet: true }), workers: 1 });
  }
});

afterAll(() => {
  for (const root of [before, after]) rmSync(root, { recursive: true, force: true });
});

describe('changing one input of a request body', () => {
  it('changes the line of that input field in its action module and nothing else of the definition', () => {
    const old = definitionFilesOf(before);
    const changed = definitionFilesOf(after);
    expect([...changed.keys()]).toEqual([...old.keys()]);
    const touched = [...old.keys()].filter((path) => old.get(path) !== changed.get(path));
    expect(touched).toHaveLength(1);
    expect(touched[0]).toMatch(/^actions\//);
    const changes = diffLines(old.get(touched[0]!)!, changed.get(touched[0]!)!);
    expect(changes.map((change) => change.sign).sort()).toEqual(['+', '-']);
    const removed = changes.find((change) => change.sign === '-')!;
    const added = changes.find((change) => change.sign === '+')!;
    expect(removed.line.trimStart()).toMatch(/^"note": \{"type":"string",/);
    expect(added.line.trimStart()).toMatch(/^"note": \{"type":"string",.*A note for the packer/);
    expect(added.line).toContain('200');
  });
});
