/**
 * Renders any string as a double-quoted TypeScript string literal. JSON.stringify escapes quotes,
 * backslashes and control characters but leaves U+2028/U+2029 raw; they are legal in string literals
 * since ES2019, yet older tools and some editors treat them as line breaks, so they are escaped too.
 */
export function renderStringLiteral(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
