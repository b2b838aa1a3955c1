import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../src/pipeline/generate-workspace.ts';
import { createGenerationProgress } from '../../src/pipeline/progress.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';
import { diffLines } from './line-diff.ts';
import { makeShopWorkspace } from './shop-spec.ts';

/** Order, long enough that its shared schema takes several lines. Every operation returns it. */
const ORDER = (total: string): string =>
  `{ type: object, properties: { id: { type: string }, total: ${total}, status: { type: string, enum: [open, paid, refunded, cancelled] }, note: { type: string } } }`;

let before: string;
let after: string;

async function generate(root: string): Promise<void> {
  await generateWorkspace({ root, timings: new StageTimings(), progress: await createGenerationProgress({ quiet: true }), workers: 1 });
}

/** Every file of the definition (`definition.gen.ts`, `schemas.gen.ts`, `actions/*.gen.ts`), by path under src/. */
function definitionFilesOf(root: string): Map<string, string> {
  const src = join(root, 'generated', 'shop', 'src');
  const paths = ['definition.gen.ts', 'schemas.gen.ts', ...readdirSync(join(src, 'actions')).map((name) => `actions/${name}`)];
  return new Map(paths.map((path) => [path, readFileSync(join(src, path), 'utf8')]));
}

beforeAll(async () => {
  before = makeShopWorkspace({ withRefund: true, orderSchema: ORDER('{ type: number }') });
  after = makeShopWorkspace({ withRefund: true, orderSchema: ORDER('{ type: number, minimum: 0 }') });
  await generate(before);
  await generate(after);
});

afterAll(() => {
  for (const root of [before, after]) rmSync(root, { recursive: true, force: true });
});

describe('changing one shared schema', () => {
  it('changes the line of that schema in schemas.gen.ts and nothing else of the definition', () => {
    const old = definitionFilesOf(before);
    const changed = definitionFilesOf(after);
    expect([...changed.keys()]).toEqual([...old.keys()]);
    // Each of the five actions refers to Order instead of copying it.
    const actions = [...old].filter(([path]) => path.startsWith('actions/')).map(([, text]) => text).join('\n');
    expect(actions.match(/outputSchema: \{ \$ref: "#\/\$defs\/Order" \}/g)).toHaveLength(5);
    const touched = [...old.keys()].filter((path) => old.get(path) !== changed.get(path));
    expect(touched).toEqual(['schemas.gen.ts']);
    // Each shared schema is one line: the change is that line, once removed and once added.
    const changes = diffLines(old.get('schemas.gen.ts')!, changed.get('schemas.gen.ts')!);
    expect(changes.map((change) => change.sign).sort()).toEqual(['+', '-']);
    const added = changes.find((change) => change.sign === '+');
    const removed = changes.find((change) => change.sign === '-');
    expect(removed?.index).toBe(added?.index);
    expect(removed?.line.trim()).toMatch(/^"Order": \{.*"total":\{"type":"number"\},/);
    expect(added?.line.trim()).toMatch(/^"Order": \{.*"total":\{"type":"number","minimum":0\},/);
    expect(added?.line.replace('"total":{"type":"number","minimum":0}', '"total":{"type":"number"}')).toBe(removed?.line);
  });
});
