import { readFileSync, rmSync } from 'node:fs';
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
  await generateWorkspace({ root, timings: new StageTimings(), progress: createGenerationProgress({ quiet: true }), workers: 1 });
}

function definitionOf(root: string): string {
  return readFileSync(join(root, 'generated', 'shop', 'src', 'definition.gen.ts'), 'utf8');
}

/** Line indexes (0-based, inclusive) of one entry of the definition's `schemas` map. */
function sharedSchemaLines(options: { text: string; name: string }): { first: number; last: number } {
  const lines = options.text.split('\n');
  const start = lines.indexOf('  schemas: {');
  const first = lines.findIndex((line, index) => index > start && line.startsWith(`    ${options.name}: `));
  expect(first, `schema ${options.name} is in the shared schemas`).toBeGreaterThan(start);
  let last = first;
  if (lines[first]!.endsWith('{')) while (lines[last] !== '    },') last += 1;
  return { first, last };
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
  it('changes the lines of that schema in the definition and nothing else', () => {
    const old = definitionOf(before);
    const changed = definitionOf(after);
    // Each of the five actions refers to Order instead of copying it.
    expect(old.match(/outputSchema: \{ \$ref: "#\/\$defs\/Order" \}/g)).toHaveLength(5);
    const changes = diffLines(old, changed);
    expect(changes.length).toBeGreaterThan(0);
    const inOld = sharedSchemaLines({ text: old, name: 'Order' });
    const inNew = sharedSchemaLines({ text: changed, name: 'Order' });
    for (const change of changes) {
      const range = change.sign === '-' ? inOld : inNew;
      expect(change.index, `${change.sign} ${change.line}`).toBeGreaterThanOrEqual(range.first);
      expect(change.index, `${change.sign} ${change.line}`).toBeLessThanOrEqual(range.last);
    }
    // Each shared schema is one line: the change is that line, once removed and once added.
    expect(changes.map((change) => change.sign).sort()).toEqual(['+', '-']);
    const added = changes.find((change) => change.sign === '+');
    const removed = changes.find((change) => change.sign === '-');
    expect(removed?.line.trim()).toMatch(/^Order: \{.*total: \{ type: "number" \},/);
    expect(added?.line.trim()).toMatch(/^Order: \{.*total: \{ type: "number", minimum: 0 \},/);
    expect(added?.line.replace('total: { type: "number", minimum: 0 }', 'total: { type: "number" }')).toBe(removed?.line);
  });
});
