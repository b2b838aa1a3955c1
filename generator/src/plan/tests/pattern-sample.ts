/**
 * A string matching a simple pattern, built from the pattern itself: anchored sequences of literals,
 * character classes (negated and escaped ones by trying a few characters), `\d`/`\w`, `\p{…}`, `.`,
 * groups without alternation, and quantifiers (`^AC[0-9a-fA-F]{32}$` → `AC000…0`). Alternation and
 * lookarounds give `undefined`.
 */
const MAX_REPEAT = 256;

/** Characters tried, in order, against a class or property escape that is not read literally. */
const CLASS_CANDIDATES = ['a', 'A', '1', '_', '-', '.', ' '];

/** The first candidate the one-character pattern `atom` (a class, `\\p{L}`) matches, under the `u` flag. */
function firstMember(atom: string): string | undefined {
  for (const flags of ['u', '']) {
    try {
      const test = new RegExp(`^(?:${atom})$`, flags);
      return CLASS_CANDIDATES.find((candidate) => test.test(candidate));
    } catch {
      // Not valid under this flag (`[\\w-\\.]` under `u`): try the next.
    }
  }
  return undefined;
}

/** The end of a character class starting at `index` (`[`), past escaped characters. */
function classEnd(options: { pattern: string; index: number }): number {
  const { pattern } = options;
  for (let at = options.index + 1; at < pattern.length; at += 1) {
    if (pattern[at] === '\\') at += 1;
    else if (pattern[at] === ']' && at > options.index + 1) return at;
  }
  return -1;
}

/** A group without alternation: its own sample, read by the same rules. */
function readGroup(options: { pattern: string; index: number }): { text: string; next: number } | undefined {
  const { pattern, index } = options;
  let depth = 0;
  for (let at = index; at < pattern.length; at += 1) {
    const char = pattern[at];
    if (char === '\\') at += 1;
    else if (char === '[') {
      at = classEnd({ pattern, index: at });
      if (at === -1) return undefined;
    } else if (char === '(') depth += 1;
    else if (char === ')' && --depth === 0) {
      const inner = pattern.slice(index + 1, at).replace(/^\?:/, '');
      if (inner.startsWith('?')) return undefined;
      const text = sampleSequence(inner);
      return text === undefined ? undefined : { text, next: at + 1 };
    }
  }
  return undefined;
}

function readAtom(options: { pattern: string; index: number }): { text: string; next: number } | undefined {
  const { pattern, index } = options;
  const char = pattern[index];
  if (char === '(') return readGroup(options);
  if (char === undefined || ')|^$'.includes(char)) return undefined;
  if (char === '[') {
    const close = classEnd({ pattern, index });
    if (close === -1) return undefined;
    const first = pattern[index + 1];
    if (first === undefined) return undefined;
    if (first !== '\\' && first !== '^') return { text: first, next: close + 1 };
    const member = firstMember(pattern.slice(index, close + 1));
    return member === undefined ? undefined : { text: member, next: close + 1 };
  }
  if (char === '\\') {
    const escaped = pattern[index + 1];
    if (escaped === undefined) return undefined;
    if (escaped === 'd') return { text: '1', next: index + 2 };
    if (escaped === 'w') return { text: 'a', next: index + 2 };
    if ((escaped === 'p' || escaped === 'P') && pattern[index + 2] === '{') {
      const close = pattern.indexOf('}', index + 3);
      const member = close === -1 ? undefined : firstMember(pattern.slice(index, close + 1));
      return member === undefined ? undefined : { text: member, next: close + 1 };
    }
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
  return sampleSequence(pattern.replace(/^\^/, '').replace(/\$$/, ''));
}

function sampleSequence(body: string): string | undefined {
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
