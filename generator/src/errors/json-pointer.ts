/** Escapes one JSON pointer segment (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON pointer (without `#`) from raw segments: `jsonPointer('paths', '/pets')` → `/paths/~1pets`. */
export function jsonPointer(...segments: Array<string | number>): string {
  return segments.map((segment) => `/${escapePointerSegment(segment)}`).join('');
}

/** Appends raw segments to an existing pointer. */
export function childPointer(pointer: string, ...segments: Array<string | number>): string {
  return pointer + jsonPointer(...segments);
}

/**
 * Splits a `$ref` fragment (`#/a/b~1c`, possibly percent-encoded as URI fragments are) into raw
 * segments. Returns undefined when the fragment is not a JSON pointer.
 */
export function parsePointerFragment(fragment: string): string[] | undefined {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (body === '') return [];
  if (!body.startsWith('/')) return undefined;
  return body
    .slice(1)
    .split('/')
    .map((segment) => unescapePointerSegment(percentDecode(segment)));
}

function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function percentDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray `%` is more likely a literal character than broken encoding.
    return segment;
  }
}
