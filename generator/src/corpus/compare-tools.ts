/**
 * `pnpm corpus --directory --sample N --seed S --compare`: the same specs through @hey-api/openapi-ts
 * and openapi-typescript (generate, then type-check their output in process), for the figures beside
 * ours in docs/CORPUS.md. Their output is checked under Bundler resolution, as they recommend.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EmittedFile } from '../emit/index.ts';
import { formatDuration } from './summarise.ts';
import { createInProcessTypechecker, type InProcessTypechecker } from './typecheck-in-process.ts';

interface ToolTotals {
  tool: string;
  specs: number;
  generated: number;
  typechecked: number;
  seconds: number;
}

type Generate = (options: { specFile: string; workDir: string }) => Promise<EmittedFile[]>;

export async function compareTools(options: { root: string; apiDir: string; specs: readonly string[]; started: number }): Promise<string> {
  const typechecker = createInProcessTypechecker(options.root, { resolution: 'bundler' });
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const { createClient } = await import('@hey-api/openapi-ts');
  const tools: Array<{ tool: string; generate: Generate }> = [
    {
      tool: 'openapi-typescript 7',
      generate: async ({ specFile }) => [{ path: 'schema.ts', contents: astToString(await openapiTS(pathToFileURL(specFile), { silent: true })) }],
    },
    {
      tool: '@hey-api/openapi-ts 0.95',
      generate: async ({ specFile, workDir }) => {
        await createClient({ input: specFile, output: workDir, logs: { level: 'silent' } });
        return readTree(workDir);
      },
    },
  ];
  const rows: ToolTotals[] = [];
  for (const { tool, generate } of tools) {
    const totals: ToolTotals = { tool, specs: options.specs.length, generated: 0, typechecked: 0, seconds: 0 };
    const toolStarted = performance.now();
    for (const spec of options.specs) {
      const outcome = await runOne({ generate, typechecker, specFile: join(options.apiDir, spec), name: spec });
      if (outcome !== 'failed') totals.generated += 1;
      if (outcome === 'typechecked') totals.typechecked += 1;
      process.stdout.write(`[${formatDuration((performance.now() - options.started) / 1000).padStart(10)}] ${tool}: ${spec} ${outcome}\n`);
    }
    totals.seconds = (performance.now() - toolStarted) / 1000;
    rows.push(totals);
  }
  return rows.map((row) => `| ${row.tool} | ${row.generated} / ${row.specs} | ${row.typechecked} / ${row.specs} | ${formatDuration(row.seconds)} |`).join('\n');
}

async function runOne(options: { generate: Generate; typechecker: InProcessTypechecker; specFile: string; name: string }): Promise<'failed' | 'generated' | 'typechecked'> {
  const workDir = await mkdtemp(join(tmpdir(), 'specwire-compare-'));
  try {
    let files: EmittedFile[];
    try {
      files = await options.generate({ specFile: options.specFile, workDir });
    } catch {
      return 'failed';
    }
    if (files.length === 0) return 'failed';
    const checked = options.typechecker.check({ name: `compare-${options.name}`, files });
    return checked.ok ? 'typechecked' : 'generated';
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function readTree(dir: string): Promise<EmittedFile[]> {
  const files: EmittedFile[] = [];
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.ts')) files.push({ path: relative(dir, path), contents: await readFile(path, 'utf8') });
    }
  };
  await walk(dir);
  return files;
}
