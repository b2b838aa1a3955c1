#!/usr/bin/env node
import { Command } from 'commander';
import { runGenerateAll, runGenerateOne } from './commands.ts';
import { reportFailure } from './report-failure.ts';

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
  .option('--timings', 'print the time spent in each stage')
  .action((options) => runGenerateOne(options));

program
  .command('generate-all')
  .description('Regenerate every connector of the workspace into generated/ (what `pnpm generate` runs).')
  .option('--timings', 'print the time spent in each stage')
  .option('--quiet', 'print only errors')
  .action((options) => runGenerateAll(options));

program.parseAsync(process.argv).catch(reportFailure);
