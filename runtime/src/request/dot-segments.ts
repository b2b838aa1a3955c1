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

/** A final URL path segment that WHATWG URL parsing would resolve as `.` or `..`. */
export function isDotSegment(segment: string): boolean {
  const normalised = segment.replace(/%2e/gi, '.');
  return normalised === '.' || normalised === '..';
}
