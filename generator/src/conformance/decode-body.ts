/**
 * Turns a recorded request body into what the validator checks: JSON stays text (the validator parses
 * it), form and multipart bodies become objects. Bracketed form keys (`a[b][0]=x`) become nesting, as
 * the deepObject convention and form-encoding vendors such as Stripe write them; a repeated key becomes
 * an array. A key the form's schema declares as a property of its own (`vendor[name]`, as Rails APIs
 * name their fields) stays flat. Values stay strings (the form validator coerces them by the spec's
 * schema), except a multipart part sent as JSON, which is the value it encodes.
 */
export type DecodedBody = { kind: 'none' } | { kind: 'json'; text: string } | { kind: 'form'; fields: Record<string, unknown> } | { kind: 'other'; mediaType: string };

export async function decodeBody(options: { body: Buffer; contentType: string | undefined; method: string; flatKeys?: ReadonlySet<string> }): Promise<DecodedBody> {
  const { body, contentType } = options;
  const flatKeys = options.flatKeys ?? new Set<string>();
  if (body.length === 0 && contentType === undefined) return { kind: 'none' };
  const mediaType = mediaTypeOf(contentType);
  if (/^application\/(?:[^;]*\+)?json$/.test(mediaType)) return { kind: 'json', text: body.toString('utf8') };
  if (mediaType === 'application/x-www-form-urlencoded') {
    return { kind: 'form', fields: nestFields({ entries: [...new URLSearchParams(body.toString('utf8'))], flatKeys }) };
  }
  if (mediaType === 'multipart/form-data') {
    const form = await new Request('http://judge.invalid/', { method: 'POST', headers: { 'content-type': contentType ?? '' }, body: new Uint8Array(body) }).formData();
    const entries: Array<[string, unknown]> = [];
    const textParts = textPartsOf({ body, contentType: contentType ?? '' });
    form.forEach((value, name) => entries.push([name, typeof value === 'string' ? (textParts.get(name)?.shift() ?? value) : `(file ${value.size} bytes)`]));
    return { kind: 'form', fields: nestFields({ entries, flatKeys }) };
  }
  return { kind: 'other', mediaType };
}

/**
 * The value of each text part of a multipart body, by part name in order: a part sent as JSON
 * (`Content-Type: application/json`, OpenAPI's default for an object or array property) is the value
 * it encodes, any other text part its text. The platform's form parser keeps the text only.
 */
function textPartsOf(options: { body: Buffer; contentType: string }): Map<string, unknown[]> {
  const parts = new Map<string, unknown[]>();
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(options.contentType);
  const delimiter = boundary?.[1] ?? boundary?.[2];
  if (delimiter === undefined) return parts;
  const segments = options.body.toString('latin1').split(`--${delimiter}`).slice(1);
  for (const segment of segments) {
    if (segment.startsWith('--')) break;
    const headerEnd = segment.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = segment.slice(0, headerEnd);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined || /;\s*filename\*?=/i.test(disposition)) continue;
    const text = Buffer.from(segment.slice(headerEnd + 4).replace(/\r\n$/, ''), 'latin1').toString('utf8');
    const type = mediaTypeOf(/content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]);
    let value: unknown = text;
    if (/^application\/(?:[^;]*\+)?json$/.test(type)) {
      try {
        value = JSON.parse(text);
      } catch {
        // Not JSON after all: the text is judged as it is.
      }
    }
    const list = parts.get(name) ?? [];
    list.push(value);
    parts.set(name, list);
  }
  return parts;
}

export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function nestFields(options: { entries: Array<[string, unknown]>; flatKeys: ReadonlySet<string> }): Record<string, unknown> {
  const root: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of options.entries) {
    const match = options.flatKeys.has(key) ? null : /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    const path = match ? [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1]!)] : [key];
    insert({ container: root, path, value });
  }
  return toPlain(root) as Record<string, unknown>;
}

function insert(options: { container: Record<string, unknown>; path: string[]; value: unknown }): void {
  const [head, ...rest] = options.path;
  const key = head === '' ? String(Object.keys(options.container).length) : head!;
  if (rest.length === 0) {
    const existing = options.container[key];
    if (existing === undefined) options.container[key] = options.value;
    else options.container[key] = Array.isArray(existing) ? [...(existing as unknown[]), options.value] : [existing, options.value];
    return;
  }
  let child = options.container[key];
  if (typeof child !== 'object' || child === null || Array.isArray(child)) {
    child = Object.create(null) as Record<string, unknown>;
    options.container[key] = child;
  }
  insert({ container: child as Record<string, unknown>, path: rest, value: options.value });
}

/** Objects whose keys are 0, 1, 2 … (from `a[]=`/`a[0]=`) become arrays; prototypes become plain. */
function toPlain(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value).map(([key, child]) => [key, toPlain(child)] as const);
  if (entries.length > 0 && entries.every(([key], index) => key === String(index))) return entries.map(([, child]) => child);
  const plain: Record<string, unknown> = {};
  for (const [key, child] of entries) Object.defineProperty(plain, key, { value: child, enumerable: true, writable: true, configurable: true });
  return plain;
}
