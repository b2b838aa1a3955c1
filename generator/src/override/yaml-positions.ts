import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { SpecwireError } from '../errors/index.ts';

/** Keys that could pollute prototypes when merged; refused wherever they appear. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function refuseForbiddenKeys(options: {
  node: unknown;
  file: string;
  at: (offset: number) => { line: number; column: number };
}): void {
  const { node, file, at } = options;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && FORBIDDEN_KEYS.has(key)) {
        const offset = (pair.key as Node).range?.[0] ?? 0;
        throw new SpecwireError(`key "${key}" is not allowed (it could alter object prototypes)`, { file, ...at(offset) });
      }
      refuseForbiddenKeys({ node: pair.value, file, at });
    }
  } else if (isSeq(node)) {
    for (const item of node.items) refuseForbiddenKeys({ node: item, file, at });
  }
}

export function locateNode(options: {
  document: Document;
  path: Array<string | number>;
  at: (offset: number) => { line: number; column: number };
  target: 'key' | 'auto';
}): { line: number; column: number } {
  const { document, path, at, target } = options;
  // Walk down as far as the path exists, so an error about a missing key points at its parent.
  for (let length = path.length; length >= 0; length -= 1) {
    const node = document.getIn(path.slice(0, length), true) as Node | undefined;
    if (node && typeof node === 'object' && node.range) {
      // A scalar is pointed at where its value stands; a collection (or a refused key) at its key.
      const wantKey = target === 'key' || !isScalar(node) || length < path.length;
      const keyNode = length > 0 && wantKey ? findKeyNode({ document, path: path.slice(0, length) }) : undefined;
      return at((keyNode ?? node).range?.[0] ?? 0);
    }
  }
  return { line: 1, column: 1 };
}

function findKeyNode(options: { document: Document; path: Array<string | number> }): Node | undefined {
  const { document, path } = options;
  const parent = document.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

/** A YAML file read for curation: its plain data plus a way to turn a key path into line:column. */
export interface PositionedYaml {
  data: unknown;
  document: Document;
  at: (offset: number) => { line: number; column: number };
}

/**
 * Parses a hand-written YAML file (overrides, overlays) the one safe way: duplicate keys, syntax
 * errors and custom tags refused with file:line:column, prototype-polluting keys refused before
 * anything is built, aliases capped at `maxAliasCount`.
 */
export function parsePositionedYaml(options: { file: string; text: string; maxAliasCount: number }): PositionedYaml {
  const { file, text } = options;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, customTags: [] });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) throw new SpecwireError(`invalid YAML: ${problem.message.split('\n')[0]}`, { file, ...at(problem.pos[0]) });
  refuseForbiddenKeys({ node: document.contents, file, at });
  try {
    return { data: document.toJS({ maxAliasCount: options.maxAliasCount }), document, at };
  } catch (error) {
    throw new SpecwireError(`refused: ${error instanceof Error ? error.message : String(error)}`, { file, line: 1, column: 1 });
  }
}
