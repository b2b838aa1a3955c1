#!/usr/bin/env node
import { Command } from 'commander';
import { reportFailure } from './report-failure.ts';
import { limitOption } from './limit-options.ts';
import { registerAddCommand } from './add-command.ts';
import { registerDiffCommand } from './diff-command.ts';

const program = new Command()
  .name('specwire')
  .description('Generate executable workflow connectors from OpenAPI specs.')
  .showHelpAfterError();

program
  .command('generate')
  .description('Generate one connector package into a folder.')
  .option('--spec <file>', 'OpenAPI document (JSON or YAML); defaults to the override file\'s source')
  .requiredOption('--out <dir>', 'folder to write the package into (replaced atomically)')
  .option('--overrides <file>', 'override file (overrides/<name>.yaml)')
  .option('--name <id>', 'connector id (default: from the override file or the spec file name)')
  .option('--allow-external-refs', 'resolve $refs to files under the spec\'s own folder')
  .option('--validate [mode]', 'also check the spec against the official OpenAPI schemas (swagger-parser): warn (default) or error')
  .option('--allow-remote-refs', 'fetch $refs to http(s) URLs on public addresses (never loopback, private, link-local or metadata)')
  .addOption(limitOption('maxSpecBytes'))
  .addOption(limitOption('maxOperations'))
  .addOption(limitOption('maxDepth'))
  .addOption(limitOption('maxNodes'))
  .addOption(limitOption('maxYamlAliases'))
  .option('--timings', 'print the time spent in each stage')
  // Commands load their modules when run: a no-change `pnpm generate` should not pay for ts-morph.
  .action(async (options) => (await import('./commands.ts')).runGenerateOne(options));

program
  .command('generate-all')
  .description('Regenerate every connector of the workspace into generated/ (what `pnpm generate` runs).')
  .option('--timings', 'print the time spent in each stage')
  .option('--quiet', 'print only errors')
  .option('--check', 'write nothing; exit 1 listing stale, missing and extra files when generated/ is out of date')
  .option('--force', 'regenerate connectors whose spec, overrides and generator are unchanged too')
  .option('--workers <n>', 'worker threads (0 or 1: generate on the main thread)', (value) => Number.parseInt(value, 10))
  .action(async (options) => (await import('./generate-all-command.ts')).runGenerateAll(options));

registerAddCommand(program);
registerDiffCommand(program);

program.parseAsync(process.argv).catch(reportFailure);
