/**
 * `pnpm corpus`: the shared corpus (generate, type-check, run the generated tests, judge every
 * request against the vendor spec), or with `--directory` the APIs.guru directory in one process.
 * A line per spec as each finishes; a crash, a package that does not type-check or failing tests
 * fail the run (exit 1).
 */
const started = performance.now();
process.stdout.write('corpus: loading the generator…\n');

async function main(): Promise<void> {
  const { parseCorpusArgs } = await import('./corpus-args.ts');
  const args = parseCorpusArgs(process.argv.slice(2));
  const { findWorkspaceRoot, readGeneratorVersion } = await import('../pipeline/workspace.ts');
  const { hasFailed } = await import('./spec-result.ts');
  const root = findWorkspaceRoot() ?? process.cwd();
  const generatorVersion = await readGeneratorVersion();
  const results = args.directory
    ? await (await import('./directory.ts')).runDirectory({ args, root, generatorVersion, started })
    : await (await import('./shared-corpus.ts')).runSharedCorpus({ args, root, generatorVersion, started });
  if (results.some(hasFailed)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`corpus: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
