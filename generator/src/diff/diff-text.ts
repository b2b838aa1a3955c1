/**
 * Changes to what a host shows (names, labels, categories, descriptions): never breaking, since
 * workflows refer to connectors, actions and inputs by id, but a reviewer wants to see them.
 */
import type { Change, ChangeKind } from './types.ts';

/** The shown text of one thing: property → value (absent values compare as empty). */
type ShownText = Record<string, string | undefined>;

export function diffShownText(options: {
  before: ShownText;
  after: ShownText;
  kind: Extract<ChangeKind, `${string}-text-changed`>;
  connector: string;
  /** Action or trigger id, when the text belongs to one. */
  action?: string;
  /** What the text belongs to, for the message: `action issues_create`, `input "title" of issues_create`. */
  subject: string;
}): Change[] {
  const changes: Change[] = [];
  for (const property of Object.keys(options.after)) {
    const from = options.before[property] ?? '';
    const to = options.after[property] ?? '';
    if (from === to) continue;
    changes.push({
      kind: options.kind,
      breaking: false,
      connector: options.connector,
      ...(options.action !== undefined ? { action: options.action } : {}),
      message: `${property} of ${options.subject} changed from ${quote(from)} to ${quote(to)}`,
    });
  }
  return changes;
}

/** Long descriptions are cut in the message: the reviewer sees that it changed and how it starts. */
const QUOTED_LENGTH = 80;

function quote(text: string): string {
  if (text === '') return '(none)';
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(oneLine.length > QUOTED_LENGTH ? `${oneLine.slice(0, QUOTED_LENGTH - 1)}…` : oneLine);
}
