/**
 * The coverage of one connector: every operation of the spec, as the action it became or as
 * excluded, with the rule that decided. Committed next to the package so a spec update shows up as a
 * diff, and checked by a test that names what to add to the override file.
 */
import type { CuratedApi } from '../override/types.ts';
import { operationKey } from '../override/match-operation.ts';
import type { CoverageEntry, CoveragePlan } from './types.ts';

export function planCoverage(options: { curated: CuratedApi; actionIds: readonly string[]; specSource: string }): CoveragePlan {
  const { curated } = options;
  const selectedIndex = new Map(curated.selected.map((entry, index) => [entry.operation, index]));
  const excluded = new Map(curated.excluded.map((entry) => [entry.operation, entry]));
  const entries: CoverageEntry[] = curated.ir.operations.map((operation) => {
    const base = {
      operation: operation.operationId ?? operationKey(operation),
      method: operation.method.toUpperCase(),
      path: operation.path,
      ...(operation.degradations && operation.degradations.length > 0
        ? { degraded: operation.degradations.map((warning) => `${warning.pointer}: ${warning.message}`) }
        : {}),
    };
    const index = selectedIndex.get(operation);
    if (index !== undefined) {
      const decision = curated.selected[index]?.decision;
      return {
        ...base,
        actionId: options.actionIds[index] ?? '',
        rule: decision?.rule ?? 'selected',
        unmentioned: decision?.implicit ?? false,
      };
    }
    const entry = excluded.get(operation);
    return { ...base, rule: entry?.reason ?? 'excluded', unmentioned: entry?.decision?.implicit ?? false };
  });
  // Operations the normaliser could not read: listed so the table still covers the whole spec.
  for (const unreadable of curated.ir.excludedOperations ?? []) {
    entries.push({
      operation: unreadable.operationId ?? `${unreadable.method.toUpperCase()} ${unreadable.path}`,
      method: unreadable.method.toUpperCase(),
      path: unreadable.path,
      rule: 'unreadable',
      unmentioned: false,
      unreadable: `${unreadable.pointer}: ${unreadable.reason}`,
    });
  }
  const degradations = (curated.ir.degradations ?? []).map((warning) => `${warning.pointer}: ${warning.message}`);
  return { connector: curated.connector.name, specSource: options.specSource, entries, ...(degradations.length > 0 ? { degradations } : {}) };
}

/**
 * What the override file must say about operations nobody decided: none of its rules matches them
 * and it does not set `operations_default`. Undefined when every operation is decided explicitly.
 */
export function describeUnmentioned(options: { coverage: CoveragePlan; overridesFile: string }): string | undefined {
  const unmentioned = options.coverage.entries.filter((entry) => entry.unmentioned);
  if (unmentioned.length === 0) return undefined;
  const first = unmentioned[0]!;
  return [
    `${options.overridesFile}: ${unmentioned.length} operation(s) are matched by no rule and the file sets no operations_default:`,
    ...unmentioned.slice(0, 20).map((entry) => `  ${entry.operation} (${entry.method} ${entry.path}): ${entry.actionId === undefined ? 'excluded' : 'included'} only by default`),
    ...(unmentioned.length > 20 ? [`  … and ${unmentioned.length - 20} more`] : []),
    `Add a rule under operations: for each (e.g. "- include: { operationId: ${JSON.stringify(first.operation)} }" or "- exclude: …"),`,
    'or set "operations_default: include" (or exclude) to make the default a decision.',
  ].join('\n');
}

/**
 * Compares a committed `coverage.md` with the coverage computed from the current spec. Undefined
 * when they agree; otherwise a message naming the new and removed operations and what to do.
 */
export function describeCoverageDrift(options: {
  committed: string;
  fresh: string;
  coverage: CoveragePlan;
  overridesFile: string;
  coverageFile: string;
}): string | undefined {
  if (options.committed === options.fresh) return undefined;
  // Rows are compared as rendered; the fresh rows are in the order of `coverage.entries`.
  const committedOperations = new Set(operationsInCoverage(options.committed));
  const freshRows = operationsInCoverage(options.fresh);
  const freshOperations = new Set(freshRows);
  const added = options.coverage.entries.filter((_, index) => !committedOperations.has(freshRows[index] ?? ''));
  const removed = [...committedOperations].filter((operation) => !freshOperations.has(operation));
  const lines = [`${options.coverageFile} does not match the spec any more.`];
  if (added.length > 0) {
    lines.push(`New operations in the spec (${added.length}):`);
    for (const entry of added.slice(0, 20)) {
      const now = entry.actionId === undefined ? `excluded by ${entry.rule}` : `action ${entry.actionId} by ${entry.rule}`;
      lines.push(`  ${entry.operation} (${entry.method} ${entry.path}): ${now}`);
    }
    if (added.length > 20) lines.push(`  … and ${added.length - 20} more`);
    lines.push(
      `Decide each in ${options.overridesFile}: "- include: { operationId: ${JSON.stringify(added[0]!.operation)} }" to offer it, "- exclude: …" to leave it out.`,
    );
  }
  if (removed.length > 0) lines.push(`Operations gone from the spec (${removed.length}): ${removed.slice(0, 20).join(', ')}${removed.length > 20 ? ', …' : ''}`);
  if (added.length === 0 && removed.length === 0) lines.push('Decisions changed (rules or action ids).');
  lines.push('Then run `pnpm generate` and commit the new coverage file.');
  return lines.join('\n');
}

/** Operation cells of a coverage table (the first code span of each row). */
function operationsInCoverage(text: string): string[] {
  const operations: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^\| `((?:[^`\\]|\\.)*)` \|/.exec(line);
    if (match) operations.push(match[1]!);
  }
  return operations;
}
