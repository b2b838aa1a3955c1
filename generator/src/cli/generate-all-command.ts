import { SpecwireError } from '../errors/index.ts';
import { createGenerationProgress } from '../pipeline/progress.ts';
import { StageTimings } from '../pipeline/timings.ts';
import { findWorkspaceRoot } from '../pipeline/workspace.ts';

export interface GenerateAllOptions {
  timings?: boolean;
  quiet?: boolean;
  /** Write nothing; exit 1 listing what differs when generated/ is not what generation would write. */
  check?: boolean;
  /** Regenerate connectors whose inputs did not change. */
  force?: boolean;
  /** Worker threads (0 or 1: this thread). */
  workers?: number;
}

/** `pnpm generate` (`specwire generate-all`), and `pnpm generate --check` for CI. */
export async function runGenerateAll(options: GenerateAllOptions): Promise<void> {
  const root = findWorkspaceRoot();
  if (!root) throw new SpecwireError('not inside a specwire workspace (no pnpm-workspace.yaml above this folder)');
  const timings = new StageTimings();
  const started = performance.now();
  // The first line comes before the pipeline is loaded (override validation compiles a schema), so
  // it appears at once even when nothing else has yet.
  if (!options.quiet) process.stdout.write(`${options.check ? 'checking generated/ against' : 'generating from'} specs/ and overrides/…\n`);
  const progress = await createGenerationProgress({ quiet: options.quiet === true });
  const { generateWorkspace } = await import('../pipeline/generate-workspace.ts');
  const result = await generateWorkspace({ root, timings, progress, check: options.check, force: options.force, workers: options.workers });
  const elapsed = `${Math.round(performance.now() - started)} ms`;
  if (options.check) {
    if (result.differences.length === 0) {
      progress.finish(`generated/ is up to date (${result.connectors.length} connectors checked in ${elapsed})`);
    } else {
      progress.finish('');
      const lines = result.differences.map(({ package: folder, path, status }) => `  ${status.padEnd(7)} generated/${folder}${path ? `/${path}` : ''}`);
      // Always printed, even with --quiet: it is the reason for the exit code.
      process.stderr.write(`generated/ is out of date; run \`pnpm generate\` and commit the result:\n${lines.join('\n')}\n`);
      process.exitCode = 1;
    }
  } else {
    const changed = result.connectors.filter((connector) => connector.changed).length + (result.registryChanged ? 1 : 0);
    const reused = result.connectors.filter((connector) => connector.reused).length;
    const removed = result.removed.length ? `, removed ${result.removed.join(', ')}` : '';
    progress.finish(`generated ${result.connectors.length} connectors in ${elapsed} (${reused} unchanged, skipped); ${changed} package(s) changed${removed}`);
  }
  if (options.timings) process.stdout.write(`${timings.format()}\n`);
}
