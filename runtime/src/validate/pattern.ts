import { RE2JS } from 're2js';

/**
 * Spec patterns run on RE2 (linear time) so a hostile `^(a+)+$` cannot stall the process. A pattern
 * RE2 cannot compile (look-around, back-references) is skipped rather than failing the action:
 * the server validates again anyway.
 */
const compiled = new Map<string, RE2JS | null>();
const MAX_CACHED_PATTERNS = 1_000;

export function compilePattern(pattern: string): RE2JS | null {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  let result: RE2JS | null;
  try {
    result = RE2JS.compile(pattern);
  } catch {
    result = null;
  }
  if (compiled.size >= MAX_CACHED_PATTERNS) compiled.clear();
  compiled.set(pattern, result);
  return result;
}

/** `undefined` when the pattern cannot be compiled (and so is not enforced). */
export function matchesPattern(options: { pattern: string; value: string }): boolean | undefined {
  const regex = compilePattern(options.pattern);
  if (regex === null) return undefined;
  // JSON Schema patterns are unanchored: `test` finds a match anywhere, like RegExp#test.
  return regex.test(options.value);
}
