import { Option, type Command } from 'commander';
import { diffWorkspace, renderChanges, type ChangeFormat } from '../diff/index.ts';
import { SpecwireError } from '../errors/index.ts';
import { findWorkspaceRoot } from '../pipeline/workspace.ts';

interface DiffOptions {
  base: string;
  format: ChangeFormat;
  failOn?: 'breaking' | 'any';
}

/** `specwire diff`: what changed in the connector contracts since a git ref, for review and CI gating. */
export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('Compare connector definitions at a git ref with the working tree: actions, inputs, enums, auth, base URL, triggers.')
    .option('--base <git-ref>', 'git ref to compare with', 'HEAD')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'md']).default('text'))
    .addOption(new Option('--fail-on <level>', 'exit 1 when there are changes of this level').choices(['breaking', 'any']))
    .action((options: DiffOptions) => runDiff(options));
}

async function runDiff(options: DiffOptions): Promise<void> {
  const root = findWorkspaceRoot();
  if (!root) throw new SpecwireError('not inside a specwire workspace (no pnpm-workspace.yaml above this folder)');
  const changes = await diffWorkspace({ root, base: options.base });
  process.stdout.write(renderChanges({ changes, format: options.format, base: options.base }));
  const failing = options.failOn === 'any' ? changes : options.failOn === 'breaking' ? changes.filter((change) => change.breaking) : [];
  if (failing.length > 0) process.exitCode = 1;
}
