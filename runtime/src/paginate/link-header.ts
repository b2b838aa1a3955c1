/** The `rel="next"` target of an RFC 8288 Link header, unresolved. */
export function nextLinkOf(header: string | null): string | undefined {
  if (!header || header.length > 16_384) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/s.exec(part);
    if (!match) continue;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? '');
    const values = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (values.includes('next')) return match[1];
  }
  return undefined;
}
