import type { Change } from './types.ts';

export type ChangeFormat = 'text' | 'md';

/** Changes grouped by connector, breaking ones first within each; a summary line at the end. */
export function renderChanges(options: { changes: Change[]; format: ChangeFormat; base: string }): string {
  return options.format === 'md' ? renderMarkdown(options) : renderText(options);
}

function renderText(options: { changes: Change[]; base: string }): string {
  const { changes, base } = options;
  if (changes.length === 0) return `no contract changes since ${base}\n`;
  const lines: string[] = [];
  for (const [connector, group] of groupByConnector(changes)) {
    lines.push(`${connector}: ${countLine(group)}`);
    for (const change of group) lines.push(`  ${change.breaking ? 'BREAKING' : 'ok      '}  ${change.message}`);
  }
  lines.push('', `${countLine(changes)} since ${base}`);
  return `${lines.join('\n')}\n`;
}

/** Non-breaking changes of one connector past this many are folded in a `<details>` block. */
const VISIBLE_NON_BREAKING = 10;

/**
 * A pull-request comment: a summary table, then per connector the breaking changes in full and the
 * others below them (folded when there are many, so the breaking ones stay on screen).
 */
function renderMarkdown(options: { changes: Change[]; base: string }): string {
  const { changes, base } = options;
  const lines = ['## Connector contract changes', ''];
  if (changes.length === 0) return `${lines.join('\n')}No contract changes since \`${escapeMarkdown(base)}\`.\n`;
  lines.push(`${countLine(changes)} since \`${escapeMarkdown(base)}\`.`, '');
  const groups = groupByConnector(changes);
  lines.push('| Connector | Breaking | Other |', '| --- | ---: | ---: |');
  for (const [connector, group] of groups) {
    const breaking = group.filter((change) => change.breaking).length;
    lines.push(`| ${escapeMarkdown(connector)} | ${breaking} | ${group.length - breaking} |`);
  }
  lines.push('');
  for (const [connector, group] of groups) {
    lines.push(`### ${escapeMarkdown(connector)}`, '');
    const breaking = group.filter((change) => change.breaking);
    const other = group.filter((change) => !change.breaking);
    for (const change of breaking) lines.push(`- **breaking**: ${escapeMarkdown(change.message)}`);
    if (breaking.length > 0) lines.push('');
    const items = other.map((change) => `- ${escapeMarkdown(change.message)}`);
    if (other.length > VISIBLE_NON_BREAKING) {
      lines.push(`<details><summary>${other.length} non-breaking changes</summary>`, '', ...items, '', '</details>', '');
    } else if (items.length > 0) lines.push(...items, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function groupByConnector(changes: Change[]): Map<string, Change[]> {
  const groups = new Map<string, Change[]>();
  for (const change of changes) groups.set(change.connector, [...(groups.get(change.connector) ?? []), change]);
  for (const [connector, group] of groups) {
    // Stable sort: breaking first, otherwise the differ's order.
    groups.set(connector, [...group].sort((a, b) => Number(b.breaking) - Number(a.breaking)));
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function countLine(changes: Change[]): string {
  const breaking = changes.filter((change) => change.breaking).length;
  return `${changes.length} change${changes.length === 1 ? '' : 's'} (${breaking} breaking)`;
}

/**
 * Messages quote spec text (ids, enum values, URLs): escape what Markdown would read as markup or
 * HTML, so a hostile spec cannot inject links, images or tags into a pull-request comment.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|<>~]/g, (char) => `\\${char}`).replace(/\r?\n/g, ' ');
}
