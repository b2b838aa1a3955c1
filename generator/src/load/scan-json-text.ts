import type { Warning } from '../ir/types.ts';
import { SpecwireError, jsonPointer } from '../errors/index.ts';
import { limitExceededMessage } from './limit-message.ts';

/** Enough to show the pattern without flooding the output for a machine-made file. */
const MAX_DUPLICATE_WARNINGS = 50;

interface OpenBracket {
  isObject: boolean;
  /** Keys seen so far (objects only). */
  keys: Set<string>;
  /** The next string is a key (objects only). */
  expectKey: boolean;
  /** Last key read (objects) or the current index (arrays): the pointer segment of the next child. */
  segment: string;
  index: number;
}

/**
 * One pass over JSON text before `JSON.parse`: refuses nesting beyond `maxDepth` (so a 10,000-deep
 * document never reaches a recursive walk) and finds duplicate keys, which `JSON.parse` silently
 * resolves to the last value. They are warnings, as duplicate YAML keys are, with the pointer of
 * the key. Strings are skipped with their escapes; the text is not otherwise validated here.
 */
export function scanJsonText(options: { file: string; text: string; maxDepth: number }): Warning[] {
  const { text, maxDepth } = options;
  const open: OpenBracket[] = [];
  const warnings: Warning[] = [];
  let duplicates = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      const end = stringEnd({ text, start: index });
      const top = open[open.length - 1];
      if (top?.isObject && top.expectKey) {
        const key = readKey(text.slice(index, end + 1));
        if (top.keys.has(key)) {
          duplicates++;
          if (duplicates <= MAX_DUPLICATE_WARNINGS) {
            warnings.push({ pointer: pointerOf({ open, last: key }), message: `duplicate JSON key ${JSON.stringify(key)}; the last value wins` });
          }
        }
        top.keys.add(key);
        top.segment = key;
        top.expectKey = false;
      }
      index = end;
    } else if (code === 123 || code === 91) {
      if (open.length >= maxDepth) {
        throw new SpecwireError(limitExceededMessage({ what: 'nesting depth', actual: `more than ${maxDepth} levels`, key: 'maxDepth', limit: maxDepth }), { file: options.file });
      }
      open.push({ isObject: code === 123, keys: new Set(), expectKey: code === 123, segment: '0', index: 0 });
    } else if (code === 125 || code === 93) {
      open.pop();
    } else if (code === 44) {
      const top = open[open.length - 1];
      if (top?.isObject) top.expectKey = true;
      else if (top !== undefined) top.segment = String(++top.index);
    }
  }
  if (duplicates > MAX_DUPLICATE_WARNINGS) {
    warnings.push({ pointer: '', message: `${duplicates - MAX_DUPLICATE_WARNINGS} more duplicate JSON keys not listed` });
  }
  return warnings;
}

/** Index of the closing quote of the string starting at `start` (or the end of the text). */
function stringEnd(options: { text: string; start: number }): number {
  const { text } = options;
  for (let index = options.start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 92) index++;
    else if (code === 34) return index;
  }
  return text.length - 1;
}

function readKey(raw: string): string {
  if (!raw.includes('\\')) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** Pointer of a key in the innermost open object: the segments of every enclosing container. */
function pointerOf(options: { open: OpenBracket[]; last: string }): string {
  const segments = options.open.slice(0, -1).map((bracket) => bracket.segment);
  return jsonPointer(...segments, options.last);
}
