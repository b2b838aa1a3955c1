import { diffWorkspace, renderChanges, type ChangeFormat } from '../diff/index.ts';
import { SpecwireError } from '../errors/index.ts';
import { findWorkspaceRoot } from '../pipeline/workspace.ts';

export interface DiffOptions {
  base: string;
  format: ChangeFormat;
  failOn?: 'breaking' | 'any';
  /** Compare `generated/` with what regenerating the current specs and overrides would produce. */
  worktree?: boolean;
}

/** What the changes are counted since, in the report. */
const WORKTREE_LABEL = 'generated/ (regenerated from specs/ and overrides/)';

/** `specwire diff`: what changed in the connector contracts since a git ref, for review and CI gating. */
export async function runDiff(options: DiffOptions): Promise<void> {
  const root = findWorkspaceRoot();
  if (!root) throw new SpecwireError('not inside a specwire workspace (no pnpm-workspace.yaml above this folder)');
  const changes = options.worktree ? await diffWorkspace({ root, worktree: true }) : await diffWorkspace({ root, base: options.base });
  process.stdout.write(renderChanges({ changes, format: options.format, base: options.worktree ? WORKTREE_LABEL : options.base }));
  const failing = options.failOn === 'any' ? changes : options.failOn === 'breaking' ? changes.filter((change) => change.breaking) : [];
  if (failing.length > 0) process.exitCode = 1;
}
