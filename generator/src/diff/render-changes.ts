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

function renderMarkdown(options: { changes: Change[]; base: string }): string {
  const { changes, base } = options;
  const lines = ['## Connector contract changes', ''];
  if (changes.length === 0) return `${lines.join('\n')}No contract changes since \`${escapeMarkdown(base)}\`.\n`;
  lines.push(`${countLine(changes)} since \`${escapeMarkdown(base)}\`.`, '');
  for (const [connector, group] of groupByConnector(changes)) {
    lines.push(`### ${escapeMarkdown(connector)}`, '');
    for (const change of group) lines.push(`- ${change.breaking ? '**breaking**: ' : ''}${escapeMarkdown(change.message)}`);
    lines.push('');
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
