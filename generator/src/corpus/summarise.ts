/** Totals over spec results, and their Markdown for docs/CORPUS.md. */
import { warningKind, type SpecResult } from './spec-result.ts';

export interface CorpusTotals {
  specs: number;
  generated: number;
  typechecked: number;
  refused: number;
  refusedByClass: Record<string, number>;
  crashes: number;
  operations: number;
  actions: number;
  degradedOperations: number;
  excludedOperations: number;
  conformance: { valid: number; invalid: number; refused: number; contradiction: number; unsampled: number };
  judgeErrors: number;
  seconds: number;
}

export function totalsOf(results: readonly SpecResult[]): CorpusTotals {
  const totals: CorpusTotals = {
    specs: results.length,
    generated: 0,
    typechecked: 0,
    refused: 0,
    refusedByClass: {},
    crashes: 0,
    operations: 0,
    actions: 0,
    degradedOperations: 0,
    excludedOperations: 0,
    conformance: { valid: 0, invalid: 0, refused: 0, contradiction: 0, unsampled: 0 },
    judgeErrors: 0,
    seconds: 0,
  };
  for (const result of results) {
    totals.seconds += result.seconds;
    if (result.status === 'crash') totals.crashes += 1;
    if (result.status === 'refused') {
      totals.refused += 1;
      const kind = result.refusalClass ?? 'other';
      totals.refusedByClass[kind] = (totals.refusedByClass[kind] ?? 0) + 1;
    }
    if (result.status !== 'generated') continue;
    totals.generated += 1;
    if (result.typecheck?.ok !== false) totals.typechecked += 1;
    totals.operations += result.operations ?? 0;
    totals.actions += result.actions ?? 0;
    totals.degradedOperations += result.degradedOperations ?? 0;
    totals.excludedOperations += result.excludedOperations ?? 0;
    if (result.judgeError !== undefined) totals.judgeErrors += 1;
    for (const key of Object.keys(totals.conformance) as Array<keyof CorpusTotals['conformance']>) totals.conformance[key] += result.conformance?.[key] ?? 0;
  }
  return totals;
}

const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

/** Of the requests judged where the spec does not contradict itself, the share the validator accepted. */
export function validShare(conformance: CorpusTotals['conformance']): string {
  return percent(conformance.valid, conformance.valid + conformance.invalid + conformance.refused);
}

export function totalsLine(totals: CorpusTotals): string {
  const c = totals.conformance;
  return (
    `${totals.specs} specs: ${totals.generated} generated, ${totals.typechecked} typechecked, ${totals.refused} refused, ${totals.crashes} crashes; ` +
    `conformance ${c.valid} valid / ${c.invalid} invalid / ${c.refused} refused / ${c.contradiction} contradiction (${c.unsampled} unsampled), ${validShare(c)} valid`
  );
}

export function summaryMarkdown(options: { title: string; how: string; results: readonly SpecResult[]; wallSeconds: number }): string {
  const { results } = options;
  const totals = totalsOf(results);
  const c = totals.conformance;
  const lines = [
    `### ${options.title}`,
    '',
    options.how,
    '',
    '| measure | count | share |',
    '| --- | ---: | ---: |',
    `| specs | ${totals.specs} | |`,
    `| generated | ${totals.generated} | ${percent(totals.generated, totals.specs)} |`,
    `| generated and typechecked | ${totals.typechecked} | ${percent(totals.typechecked, totals.specs)} |`,
    `| refused (one-line error) | ${totals.refused} | ${percent(totals.refused, totals.specs)} |`,
    `| crashes (stack traces) | ${totals.crashes} | |`,
    `| operations in generated specs | ${totals.operations} | |`,
    `| actions | ${totals.actions} | |`,
    `| operations using a degraded part | ${totals.degradedOperations} | ${percent(totals.degradedOperations, totals.operations)} |`,
    `| operations excluded as unreadable | ${totals.excludedOperations} | ${percent(totals.excludedOperations, totals.operations)} |`,
    `| conformance: valid | ${c.valid} | ${validShare(c)} of judged |`,
    `| conformance: invalid | ${c.invalid} | ${percent(c.invalid, c.valid + c.invalid + c.refused)} |`,
    `| conformance: refused by the runtime | ${c.refused} | ${percent(c.refused, c.valid + c.invalid + c.refused)} |`,
    `| conformance: spec contradiction | ${c.contradiction} | |`,
    `| conformance: no sample (files, opaque, variants) | ${c.unsampled} | |`,
    `| specs the judge could not read | ${totals.judgeErrors} | |`,
    '',
    `Wall time ${formatDuration(options.wallSeconds)} (sum over specs ${formatDuration(totals.seconds)}).`,
  ];
  if (Object.keys(totals.refusedByClass).length > 0) {
    lines.push('', '| refused because | specs |', '| --- | ---: |');
    for (const [kind, count] of Object.entries(totals.refusedByClass).sort((a, b) => b[1] - a[1])) lines.push(`| ${kind} | ${count} |`);
  }
  lines.push('', 'Reasons below are counted over the first 20 non-valid operations kept per spec.');
  lines.push(...topList({ title: 'Most frequent invalid reasons', items: issuesOf({ results, outcome: 'invalid' }) }));
  lines.push(...topList({ title: 'Most frequent runtime refusals', items: issuesOf({ results, outcome: 'refused' }) }));
  lines.push(...topList({ title: 'Most frequent spec contradictions', items: issuesOf({ results, outcome: 'contradiction' }) }));
  lines.push(...topList({ title: 'Typecheck failures (first error)', items: results.filter((r) => r.typecheck?.ok === false).map((r) => `${r.spec}: ${r.typecheck?.detail ?? ''}`), grouped: false }));
  lines.push(...topList({ title: 'Crashes', items: results.filter((r) => r.status === 'crash').map((r) => `${r.spec}: ${(r.crash ?? '').split('\n')[0]}`), grouped: false }));
  return lines.join('\n');
}

function issuesOf(options: { results: readonly SpecResult[]; outcome: string }): string[] {
  return options.results.flatMap((result) =>
    (result.conformanceIssues ?? []).filter((issue) => issue.startsWith(`${options.outcome} `)).map((issue) => warningKind(issue.slice(issue.indexOf(': ') + 2).replace(/\b(matches|sent to) ([A-Z]+) \S+/g, '$1 $2 …'))),
  );
}

function topList(options: { title: string; items: string[]; grouped?: boolean }): string[] {
  if (options.items.length === 0) return [];
  const lines = ['', `${options.title}:`, ''];
  if (options.grouped === false) {
    for (const item of options.items.slice(0, 15)) lines.push(`- ${escapeCell(item)}`);
    if (options.items.length > 15) lines.push(`- … and ${options.items.length - 15} more`);
    return lines;
  }
  const counts = new Map<string, number>();
  for (const item of options.items) counts.set(item, (counts.get(item) ?? 0) + 1);
  for (const [item, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(`- ${count} × ${escapeCell(item)}`);
  return lines;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ').slice(0, 220);
}

export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes} min ${String(whole % 60).padStart(2, '0')} s` : `${whole} s`;
}
