/**
 * The first `overrides/<name>.yaml` of a new connector (`specwire add`): its source, metadata from
 * the spec's `info`, and the tags with their operation counts as comments, so curating starts from
 * a readable map of the API. Spec text only reaches the file as JSON-quoted scalars or as comments
 * with line breaks removed.
 */
import type { ApiIR } from '../ir/types.ts';

export interface ScaffoldSource {
  spec?: string;
  npm?: string;
}

const SCHEMA_COMMENT = '# yaml-language-server: $schema=../generator/schema/overrides.schema.json';
const CATEGORIES =
  'communication, crm, storage, ecommerce, marketing, project_management, ai, social, analytics, finance, support, forms, video, payment, development, database, cms, data_processing, infrastructure, utility, productivity';
const MAX_DESCRIPTION = 300;
const UNTAGGED = '(no tag)';

export function scaffoldOverrides(options: { ir: ApiIR; source: ScaffoldSource; name: string }): string {
  const { ir, source, name } = options;
  const title = ir.info.title.trim() || name;
  const description = firstParagraph(ir.info.description) ?? title;
  const tags = countTags(ir);
  const firstTag = tags.find(([tag]) => tag !== UNTAGGED)?.[0];
  const lines = [
    SCHEMA_COMMENT,
    `# ${commentText(`${title} ${ir.info.version}`)}: ${ir.operations.length} operations. Scaffolded by \`specwire add\`;`,
    '# curate it, then run `pnpm generate` (generated/<name>/coverage.md shows what became of each operation).',
    'source:',
    source.spec !== undefined ? `  spec: ${quote(source.spec)}` : `  npm: ${quote(source.npm ?? '')}`,
    '',
    'connector:',
    `  name: ${name}`,
    `  display_name: ${quote(title)}`,
    `  # One of: ${CATEGORIES}`,
    '  category: utility',
    `  description: ${quote(description)}`,
    '  # documentation_url: https://…',
    '',
    '# Tags (operations):',
    ...tags.map(([tag, count]) => `#   ${commentText(tag)}: ${count}`),
    '',
    '# Rules are tried in order; the first that matches an operation decides. For example:',
    '# operations:',
    '#   - exclude: { deprecated: true }',
    `#   - include: { tag: ${firstTag === undefined ? 'some-tag' : commentText(JSON.stringify(firstTag))} }`,
    '#   - include: { operationId: [first-id, second-id], method: get }',
    '# What happens to operations no rule matches: include or exclude.',
    'operations_default: include',
    '',
  ];
  return lines.join('\n');
}

function countTags(ir: ApiIR): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const operation of ir.operations) {
    const tags = operation.tags.length > 0 ? operation.tags : [UNTAGGED];
    for (const tag of new Set(tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  // Biggest groups first: they are the ones a curator decides about first.
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A double-quoted YAML scalar: JSON string syntax is valid YAML. */
function quote(text: string): string {
  return JSON.stringify(text);
}

/** Comment text on one line: line breaks and other control characters become spaces. */
function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').slice(0, 200);
}

function firstParagraph(text: string | undefined): string | undefined {
  const paragraph = text?.trim().split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ').trim();
  if (!paragraph) return undefined;
  return paragraph.length > MAX_DESCRIPTION ? `${paragraph.slice(0, MAX_DESCRIPTION - 1)}…` : paragraph;
}
