/**
 * A string matching a simple pattern, built from the pattern itself: anchored sequences of literals,
 * character classes, `\d`/`\w`, `.`, and quantifiers (`^AC[0-9a-fA-F]{32}$` → `AC000…0`). Groups,
 * alternation and negated classes give `undefined`; the caller still checks the result.
 */
const MAX_REPEAT = 256;

function readAtom(options: { pattern: string; index: number }): { text: string; next: number } | undefined {
  const { pattern, index } = options;
  const char = pattern[index];
  if (char === undefined || '()|^$'.includes(char)) return undefined;
  if (char === '[') {
    const close = pattern.indexOf(']', index + 2);
    if (close === -1 || pattern[index + 1] === '^') return undefined;
    const first = pattern[index + 1];
    if (first === undefined || first === '\\') return undefined;
    return { text: first, next: close + 1 };
  }
  if (char === '\\') {
    const escaped = pattern[index + 1];
    if (escaped === undefined) return undefined;
    if (escaped === 'd') return { text: '1', next: index + 2 };
    if (escaped === 'w') return { text: 'a', next: index + 2 };
    if (/[A-Za-z0-9]/.test(escaped)) return undefined;
    return { text: escaped, next: index + 2 };
  }
  if (char === '.') return { text: 'a', next: index + 1 };
  if ('*+?{'.includes(char)) return undefined;
  return { text: char, next: index + 1 };
}

function readRepeat(options: { pattern: string; index: number }): { count: number; next: number } {
  const { pattern, index } = options;
  const char = pattern[index];
  if (char === '+') return { count: 1, next: index + 1 };
  if (char === '*' || char === '?') return { count: 0, next: index + 1 };
  if (char === '{') {
    const match = /^\{(\d+)(,\d*)?\}/.exec(pattern.slice(index));
    if (match) return { count: Math.min(Number(match[1]), MAX_REPEAT), next: index + match[0].length };
  }
  return { count: 1, next: index };
}

export function sampleForPattern(pattern: string): string | undefined {
  const body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  let result = '';
  for (let index = 0; index < body.length; ) {
    const atom = readAtom({ pattern: body, index });
    if (!atom) return undefined;
    const repeat = readRepeat({ pattern: body, index: atom.next });
    result += atom.text.repeat(repeat.count);
    index = repeat.next;
  }
  return result;
}

/** Fallback samples tested against a spec pattern are at most this long. */
export const MAX_TESTED_SAMPLE_LENGTH = 40;

/**
 * Whether running the pattern on a short string is cheap: no quantified group (the shape of
 * catastrophic backtracking) and few quantifiers (polynomial backtracking over ≤40 characters).
 */
export function isCheapToRun(pattern: string): boolean {
  if (/\)[*+?{]/.test(pattern)) return false;
  return (pattern.match(/[*+{]/g) ?? []).length <= 4;
}
