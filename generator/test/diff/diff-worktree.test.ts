import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffWorkspace } from '../../src/diff/index.ts';
import { generateWorkspace } from '../../src/pipeline/generate-workspace.ts';
import { listPackageFiles } from '../../src/pipeline/package-files.ts';
import { createGenerationProgress } from '../../src/pipeline/progress.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';
import { makeShopWorkspace, shopSpec } from '../pipeline/shop-spec.ts';

let root: string;

/** Every file under generated/shop with its contents: what a run must leave as it was. */
async function snapshot(): Promise<Map<string, string>> {
  const folder = join(root, 'generated', 'shop');
  return new Map((await listPackageFiles(folder)).map((path) => [path, readFileSync(join(folder, path), 'utf8')]));
}

beforeAll(async () => {
  root = makeShopWorkspace({ withRefund: false });
  await generateWorkspace({ root, timings: new StageTimings(), progress: await createGenerationProgress({ quiet: true }), workers: 1 });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('diffWorkspace with worktree', () => {
  it('finds nothing when generated/ matches the specs', async () => {
    expect(await diffWorkspace({ root, worktree: true })).toEqual([]);
  });

  it('reports what regenerating an edited spec would change, without writing generated/', async () => {
    const before = await snapshot();
    writeFileSync(join(root, 'specs', 'shop.yaml'), shopSpec({ withRefund: true }).replace('summary: List orders', 'summary: List all orders'));
    const changes = await diffWorkspace({ root, worktree: true });
    expect(changes.map((change) => `${change.breaking ? 'B' : '-'} ${change.kind}: ${change.message}`)).toEqual([
      '- action-text-changed: name of action list_orders changed from "List orders" to "List all orders"',
      // Without a description of its own, the action's description is its summary too.
      '- action-text-changed: description of action list_orders changed from "List orders" to "List all orders"',
      '- action-added: action refund_order (POST /orders/{orderId}/refund) added',
    ]);
    expect(await snapshot()).toEqual(before);
  });
});
