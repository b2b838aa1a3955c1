import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateWorkspace, type GenerateWorkspaceOptions } from '../../src/pipeline/generate-workspace.ts';
import { createGenerationProgress } from '../../src/pipeline/progress.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';
import { makeShopWorkspace, shopSpec } from './shop-spec.ts';

const roots: string[] = [];

function workspace(): string {
  const root = makeShopWorkspace({ withRefund: false });
  roots.push(root);
  return root;
}

async function run(root: string, extra: Partial<GenerateWorkspaceOptions> = {}) {
  const timings = new StageTimings();
  const result = await generateWorkspace({ root, timings, progress: await createGenerationProgress({ quiet: true }), workers: 1, ...extra });
  return { ...result, stages: timings.toRecord() };
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('incremental generation', () => {
  it('skips a connector whose spec, overrides and generator are unchanged, without running any stage', async () => {
    const root = workspace();
    const first = await run(root);
    expect(first.connectors).toMatchObject([{ name: 'shop', actions: 4, changed: true, reused: false }]);
    const definition = join(root, 'generated', 'shop', 'src', 'definition.gen.ts');
    const writtenAt = statSync(definition).mtimeMs;

    const second = await run(root);
    expect(second.connectors).toMatchObject([{ name: 'shop', actions: 4, changed: false, reused: true }]);
    expect(second.stages).toEqual({});
    expect(statSync(definition).mtimeMs).toBe(writtenAt);
  });

  it('regenerates when the spec changes', async () => {
    const root = workspace();
    await run(root);
    writeFileSync(join(root, 'specs', 'shop.yaml'), shopSpec({ withRefund: true }));
    const result = await run(root);
    expect(result.connectors).toMatchObject([{ actions: 5, changed: true, reused: false }]);
    expect(result.stages).toHaveProperty('emit');
  });

  it('regenerates when a generated file was edited or deleted by hand', async () => {
    const root = workspace();
    await run(root);
    const index = join(root, 'generated', 'shop', 'src', 'index.ts');
    const original = readFileSync(index, 'utf8');
    appendFileSync(index, '// edited\n');
    expect((await run(root)).connectors).toMatchObject([{ changed: true, reused: false }]);
    expect(readFileSync(index, 'utf8')).toBe(original);
    rmSync(join(root, 'generated', 'shop', 'src', 'connector.gen.ts'));
    expect((await run(root)).connectors).toMatchObject([{ changed: true, reused: false }]);
  });

  it('regenerates when provenance no longer names the spec, and with force', async () => {
    const root = workspace();
    await run(root);
    const provenance = join(root, 'generated', 'shop', 'specwire.provenance.json');
    writeFileSync(provenance, readFileSync(provenance, 'utf8').replace(/"specSha256": "[0-9a-f]+"/, '"specSha256": "0"'));
    expect((await run(root)).connectors).toMatchObject([{ reused: false, changed: true }]);
    expect((await run(root, { force: true })).connectors).toMatchObject([{ reused: false, changed: false }]);
  });
});

describe('incremental generation with an override file', () => {
  const overrides = (name: string, extra = '') => `source:\n  spec: specs/shop.yaml\nconnector:\n  name: ${name}\n${extra}`;

  it('reuses an unchanged override file from the cache, and parses and checks an edited one again', async () => {
    const root = workspace();
    mkdirSync(join(root, 'overrides'));
    const file = join(root, 'overrides', 'shop.yaml');
    writeFileSync(file, overrides('shop'));
    expect((await run(root)).connectors).toMatchObject([{ name: 'shop', changed: true }]);
    const cache = JSON.parse(readFileSync(join(root, 'node_modules', '.cache', 'specwire', 'generate.json'), 'utf8')) as {
      connectors: Record<string, { source?: { specLabel: string; overridesSha256: string } }>;
    };
    expect(cache.connectors['overrides/shop.yaml']?.source).toMatchObject({ specLabel: 'specs/shop.yaml' });
    expect(cache.connectors['overrides/shop.yaml']?.source?.overridesSha256).toMatch(/^[0-9a-f]{64}$/);

    const unchanged = await run(root);
    expect(unchanged.connectors).toMatchObject([{ name: 'shop', changed: false, reused: true }]);
    expect(unchanged.stages).toEqual({});

    // An edit is validated again, and its error still names the file and line.
    writeFileSync(file, overrides('shop', 'bogus: 1\n'));
    await expect(run(root)).rejects.toThrow(/bogus/);
    writeFileSync(file, overrides('store'));
    expect((await run(root)).connectors).toMatchObject([{ name: 'store', changed: true, reused: false }]);
  });
});

describe('generate --check', () => {
  it('reports nothing when generated/ is up to date, and writes nothing', async () => {
    const root = workspace();
    await run(root);
    const result = await run(root, { check: true });
    expect(result.differences).toEqual([]);
    expect(result.stages).toHaveProperty('emit');
  });

  it('lists stale, missing and extra files and packages without touching them', async () => {
    const root = workspace();
    await run(root);
    const generated = join(root, 'generated');
    writeFileSync(join(root, 'specs', 'shop.yaml'), shopSpec({ withRefund: true }));
    rmSync(join(generated, 'shop', 'tsconfig.json'));
    writeFileSync(join(generated, 'shop', 'notes.txt'), 'mine');
    const before = readFileSync(join(generated, 'shop', 'src', 'definition.gen.ts'), 'utf8');
    const result = await run(root, { check: true });
    expect(result.differences).toEqual(
      expect.arrayContaining([
        { package: 'shop', path: 'src/definition.gen.ts', status: 'stale' },
        { package: 'shop', path: 'specwire.provenance.json', status: 'stale' },
        { package: 'shop', path: 'tsconfig.json', status: 'missing' },
        { package: 'shop', path: 'notes.txt', status: 'extra' },
      ]),
    );
    expect(result.differences.every((difference) => difference.package === 'shop')).toBe(true);
    expect(readFileSync(join(generated, 'shop', 'src', 'definition.gen.ts'), 'utf8')).toBe(before);
  });

  it('reports a package no spec produces any more', async () => {
    const root = workspace();
    await run(root);
    rmSync(join(root, 'specs', 'shop.yaml'));
    const result = await run(root, { check: true });
    expect(result.differences).toEqual(
      expect.arrayContaining([{ package: 'shop', path: '', status: 'extra' }, expect.objectContaining({ package: 'registry', status: 'stale' })]),
    );
  });
});
