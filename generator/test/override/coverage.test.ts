/**
 * The committed coverage files against the specs they came from: a spec update that adds an
 * operation fails here with what to add to the override file, and an override file that leaves
 * operations to an implicit default fails until it decides them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitCoverage } from '../../src/emit/emit-coverage.ts';
import { loadSpec } from '../../src/load/index.ts';
import { normaliseSpec } from '../../src/normalise/index.ts';
import { mergeSources } from '../../src/merge/index.ts';
import { applyOverrides, loadOverrides, type LoadedOverrides } from '../../src/override/index.ts';
import { connectorNameFromFile } from '../../src/pipeline/generate-connector.ts';
import { resolveSpecSource } from '../../src/pipeline/resolve-source.ts';
import { describeCoverageDrift, describeUnmentioned, planCoverage } from '../../src/plan/coverage.ts';
import { planActionIds } from '../../src/plan/names.ts';
import type { CoveragePlan } from '../../src/plan/types.ts';
import { makeApi, makeOperation, makeProvenance } from '../plan/factories.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

interface Job {
  name: string;
  specFile: string;
  specLabel: string;
  overridesFile?: string;
}

function discoverJobs(): Job[] {
  const jobs: Job[] = [];
  const claimed = new Set<string>();
  for (const entry of readdirSync(join(ROOT, 'overrides')).filter((file) => /\.ya?ml$/.test(file)).sort()) {
    const overridesFile = `overrides/${entry}`;
    const text = readFileSync(join(ROOT, overridesFile), 'utf8');
    const spec = /^\s+spec:\s*"?([^"\n]+)"?/m.exec(text)?.[1];
    if (spec) claimed.add(resolve(ROOT, spec));
    jobs.push({ name: connectorNameFromFile(entry), specFile: '', specLabel: '', overridesFile });
  }
  for (const entry of readdirSync(join(ROOT, 'specs')).filter((file) => /\.(ya?ml|json)$/.test(file)).sort()) {
    if (!claimed.has(resolve(ROOT, 'specs', entry))) jobs.push({ name: connectorNameFromFile(entry), specFile: join(ROOT, 'specs', entry), specLabel: `specs/${entry}` });
  }
  return jobs;
}

async function computeCoverage(job: Job): Promise<{ coverage: CoveragePlan; overrides?: LoadedOverrides }> {
  let { specFile, specLabel } = job;
  let overrides: LoadedOverrides | undefined;
  if (job.overridesFile) {
    overrides = await loadOverrides(join(ROOT, job.overridesFile));
    overrides = { ...overrides, file: job.overridesFile };
    const source = resolveSpecSource({ overrides, workspaceRoot: ROOT });
    specFile = source.file;
    specLabel = source.label;
  }
  const loaded = await mergeSources({ loaded: await loadSpec({ file: specFile }), overrides, workspaceRoot: ROOT });
  const curated = applyOverrides({ ir: normaliseSpec(loaded), overrides, defaultName: job.name });
  return { coverage: planCoverage({ curated, actionIds: planActionIds(curated.selected), specSource: specLabel }), overrides };
}

describe('committed coverage files', () => {
  for (const job of discoverJobs()) {
    it(`${job.name}: coverage.md matches the spec and every operation is decided`, { timeout: 60_000 }, async () => {
      const { coverage, overrides } = await computeCoverage(job);
      const coverageFile = `generated/${coverage.connector}/coverage.md`;
      const overridesFile = job.overridesFile ?? `overrides/${coverage.connector}.yaml`;
      if (overrides) expect(describeUnmentioned({ coverage, overridesFile })).toBeUndefined();
      const committedPath = join(ROOT, coverageFile);
      const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : '';
      const fresh = emitCoverage(coverage);
      expect(describeCoverageDrift({ committed, fresh, coverage, overridesFile, coverageFile })).toBeUndefined();
    });
  }
});

describe('coverage messages', () => {
  const ir = makeApi({
    operations: [
      makeOperation({ operationId: 'list', path: '/things', tags: ['things'] }),
      makeOperation({ operationId: 'create', method: 'post', path: '/things', tags: ['things'] }),
      makeOperation({ operationId: 'purge', method: 'delete', path: '/things', tags: ['admin'] }),
    ],
  });
  const coverageOf = (options: { operations: number; rules: LoadedOverrides['data'] }) => {
    const api = { ...ir, operations: ir.operations.slice(0, options.operations) };
    const overrides: LoadedOverrides = { file: 'overrides/things.yaml', data: options.rules, sha256: '', locate: () => ({ line: 1, column: 1 }) };
    const curated = applyOverrides({ ir: api, overrides, defaultName: 'things' });
    return planCoverage({ curated, actionIds: planActionIds(curated.selected), specSource: makeProvenance().specSource });
  };

  it('renders every operation with its decision', () => {
    const coverage = coverageOf({ operations: 3, rules: { operations: [{ exclude: { tag: 'admin' } }], operations_default: 'include' } });
    expect(emitCoverage(coverage)).toBe(
      [
        '<!-- Generated by specwire from specs/test.yaml. Do not edit: change overrides/things.yaml and run `pnpm generate`. -->',
        '# Coverage: things',
        '',
        '3 operations in `specs/test.yaml`: 2 actions, 1 excluded.',
        '',
        '| Operation | Request | Decision |',
        '| --- | --- | --- |',
        '| `list` | `GET /things` | action `list` by `operations_default: include` |',
        '| `create` | `POST /things` | action `create` by `operations_default: include` |',
        '| `purge` | `DELETE /things` | excluded by `operations[0] exclude tag=admin` |',
        '',
      ].join('\n'),
    );
  });

  it('names the operations a spec update added and what to add to the override file', () => {
    const rules: LoadedOverrides['data'] = { operations: [{ include: { tag: 'things' } }], operations_default: 'exclude' };
    const before = emitCoverage(coverageOf({ operations: 2, rules }));
    const coverage = coverageOf({ operations: 3, rules });
    expect(describeCoverageDrift({ committed: before, fresh: emitCoverage(coverage), coverage, overridesFile: 'overrides/things.yaml', coverageFile: 'generated/things/coverage.md' })).toBe(
      [
        'generated/things/coverage.md does not match the spec any more.',
        'New operations in the spec (1):',
        '  purge (DELETE /things): excluded by operations_default: exclude',
        'Decide each in overrides/things.yaml: "- include: { operationId: "purge" }" to offer it, "- exclude: …" to leave it out.',
        'Then run `pnpm generate` and commit the new coverage file.',
      ].join('\n'),
    );
  });

  it('names operations left to an implicit default', () => {
    const coverage = coverageOf({ operations: 3, rules: { operations: [{ include: { tag: 'things' } }] } });
    expect(describeUnmentioned({ coverage, overridesFile: 'overrides/things.yaml' })).toBe(
      [
        'overrides/things.yaml: 1 operation(s) are matched by no rule and the file sets no operations_default:',
        '  purge (DELETE /things): excluded only by default',
        'Add a rule under operations: for each (e.g. "- include: { operationId: "purge" }" or "- exclude: …"),',
        'or set "operations_default: include" (or exclude) to make the default a decision.',
      ].join('\n'),
    );
  });
});
