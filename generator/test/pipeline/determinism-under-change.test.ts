import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../src/pipeline/generate-workspace.ts';
import { listPackageFiles } from '../../src/pipeline/package-files.ts';
import { createGenerationProgress } from '../../src/pipeline/progress.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';
import { addedHunks, diffLines } from './line-diff.ts';
import { makeShopWorkspace } from './shop-spec.ts';

/** Files whose every version names the spec's hash or counts its operations. */
const BOOKKEEPING = new Set(['shop/specwire.provenance.json', 'shop/coverage.md', 'shop/README.md']);
/** How the new operation can appear: id, method name, type names, path, summary. */
const ABOUT_REFUND = /refund/i;

let v1: string;
let v2: string;

async function generate(root: string): Promise<void> {
  await generateWorkspace({ root, timings: new StageTimings(), progress: await createGenerationProgress({ quiet: true }), workers: 1 });
}

function readPackage(root: string, files: string[]): Map<string, string> {
  return new Map(files.map((file) => [file, readFileSync(join(root, 'generated', file), 'utf8')]));
}

beforeAll(async () => {
  v1 = makeShopWorkspace({ withRefund: false });
  v2 = makeShopWorkspace({ withRefund: true });
  await generate(v1);
  await generate(v2);
});

afterAll(() => {
  for (const root of [v1, v2]) rmSync(root, { recursive: true, force: true });
});

describe('adding one operation to a spec', () => {
  it('adds lines about that operation only: nothing unrelated is removed, renamed or reordered', async () => {
    const files = [
      ...(await listPackageFiles(join(v1, 'generated', 'shop'))).map((path) => `shop/${path}`),
      ...(await listPackageFiles(join(v1, 'generated', 'registry'))).map((path) => `registry/${path}`),
    ];
    expect(files).toEqual(expect.arrayContaining(['shop/src/definition.gen.ts', 'shop/src/connector.gen.ts', 'shop/src/types.gen.ts']));
    const before = readPackage(v1, files);
    const after = readPackage(v2, files);
    const touched: string[] = [];
    for (const file of files) {
      const changes = diffLines(before.get(file)!, after.get(file)!);
      if (changes.length === 0) continue;
      touched.push(file);
      if (BOOKKEEPING.has(file)) continue;
      expect(changes.filter((change) => change.sign === '-'), `${file} lost lines`).toEqual([]);
      for (const hunk of addedHunks(changes)) expect(hunk, `${file} added a hunk not about the new operation`).toMatch(ABOUT_REFUND);
    }
    // The new operation did land in the definition, the class, the types and the tests.
    expect(touched).toEqual(
      expect.arrayContaining(['shop/src/definition.gen.ts', 'shop/src/connector.gen.ts', 'shop/src/types.gen.ts', 'shop/test/actions.gen.test.ts']),
    );
    expect(touched.filter((file) => file.startsWith('registry/'))).toEqual([]);
  });

  it('writes the same files the same way on every run', async () => {
    const again = makeShopWorkspace({ withRefund: true });
    try {
      await generateWorkspace({ root: again, timings: new StageTimings(), progress: await createGenerationProgress({ quiet: true }), workers: 1, force: true });
      const files = (await listPackageFiles(join(v2, 'generated', 'shop'))).map((path) => `shop/${path}`);
      expect(readPackage(again, files)).toEqual(readPackage(v2, files));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
