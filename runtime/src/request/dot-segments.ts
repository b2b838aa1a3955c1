import { safeDecodeURIComponent } from './percent-encode.ts';

/**
 * Whether a value is, or decodes (up to three rounds, for servers that decode twice) to, one of
 * the segments that change the path's meaning: empty, `.` or `..`. WHATWG URLs treat `%2e` as `.`
 * when resolving dot segments, so `%2e%2e` is as dangerous as `..`.
 */
export function isDangerousSegment(value: string): boolean {
  let current = value;
  for (let round = 0; round < 4; round++) {
    if (current === '' || current === '.' || current === '..') return true;
    const decoded = safeDecodeURIComponent(current);
    if (decoded === current) return false;
    current = decoded;
  }
  return false;
}

/**
 * A raw path segment that means `.` or `..` to URL parsing (`%2e` is a dot there) or to a server
 * that decodes once or twice more (`%252e%252e`). Judge segments of the raw text, never of a parsed
 * URL: parsing has already resolved them.
 */
export function isDotSegment(segment: string): boolean {
  let current = segment;
  for (let round = 0; round < 4; round++) {
    const dotted = current.replace(/%2e/gi, '.');
    if (dotted === '.' || dotted === '..') return true;
    const decoded = safeDecodeURIComponent(current);
    if (decoded === current) return false;
    current = decoded;
  }
  return false;
}
