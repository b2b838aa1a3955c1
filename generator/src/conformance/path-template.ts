/**
 * Matches a request against one operation's path key. Directory specs (APIs.guru's AWS and Azure
 * conversions) key several operations by one path with a suffix after `#` (`/#X-Amz-Target=…`,
 * `/analyze#overload=stream`); the suffix names no part of the URL, so it is left out here, and the
 * operation the request is meant for is judged directly. A query after `?` in the key
 * (`/export?filename={filename}`, `/rest?method=x.list`) is part of the URL: it is matched against
 * the request's query by `matchTemplateQuery`.
 */
export function templatePath(template: string): string {
  return template.replace(/[#?].*$/, '') || '/';
}

/**
 * Raw (still encoded) values of the template's `{name}` segments, or `undefined` if the path differs.
 * With the operation's `parameters`, a path parameter with a string enum matches only its values,
 * which is what splits adjacent placeholders (`/items/{id}{mediaTypeExtension}`, enum `.json`).
 */
export function matchPathTemplate(options: { template: string; path: string; parameters?: readonly unknown[] }): Record<string, string> | undefined {
  const names: string[] = [];
  const source = templatePath(options.template)
    .split(/(\{[^{}]*\})/)
    .map((part) => {
      const name = /^\{([^{}]*)\}$/.exec(part)?.[1];
      if (name === undefined) return literalPattern(part);
      names.push(name);
      const values = enumOfPathParameter({ parameters: options.parameters ?? [], name });
      return values ? `(${values.map(literalPattern).join('|')})` : '([^/]*)';
    })
    .join('');
  const match = new RegExp(`^${source}$`).exec(options.path);
  if (!match) return undefined;
  const values: Record<string, string> = {};
  names.forEach((name, index) => defineOwn({ record: values, key: name, value: match[index + 1] ?? '' }));
  return values;
}

/** The string values of a path parameter's enum, longest first, or `undefined` when it has none. */
function enumOfPathParameter(options: { parameters: readonly unknown[]; name: string }): string[] | undefined {
  for (const parameter of options.parameters) {
    if (typeof parameter !== 'object' || parameter === null) continue;
    const { in: location, name, schema } = parameter as { in?: unknown; name?: unknown; schema?: unknown };
    if (location !== 'path' || name !== options.name || typeof schema !== 'object' || schema === null) continue;
    const values = (schema as { enum?: unknown }).enum;
    if (!Array.isArray(values) || values.length === 0 || !values.every((value) => typeof value === 'string')) return undefined;
    return [...(values as string[])].sort((a, b) => b.length - a.length);
  }
  return undefined;
}

/** Characters a URL path carries as they are; any other literal character may arrive percent-encoded. */
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/%]/;

/** A literal part of a path key as a pattern that accepts it raw or percent-encoded (`a b` or `a%20b`). */
function literalPattern(literal: string): string {
  let pattern = '';
  for (const char of literal) {
    const escaped = char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    pattern += PATH_SAFE.test(char) ? escaped : `(?:${escaped}|${encodeURIComponent(char)})`;
  }
  return pattern;
}

export interface TemplateQueryMatch {
  /** Values of placeholders met in the key's query, percent-encoded like the raw path values. */
  values: Record<string, string>;
  /** The request's query without the pairs the key's query accounts for. */
  rest: URLSearchParams;
  /** Literal pairs of the key's query (`method=x.list`) the request does not carry. */
  missing: string[];
}

/**
 * Pairs the query part of a path key with the request's query: a literal pair must be present, a
 * pair with placeholders (`filename={filename}`, `{search}=1`) takes the first request pair it fits
 * and yields the placeholders' values. Each pair used is taken out of the query the validator sees,
 * since the spec declares those parameters (if at all) as path parameters.
 */
export function matchTemplateQuery(options: { template: string; query: URLSearchParams }): TemplateQueryMatch {
  const [beforeHash] = options.template.split('#', 1);
  const start = beforeHash!.indexOf('?');
  const pairs = start === -1 ? [] : beforeHash!.slice(start + 1).split('&').filter((pair) => pair !== '');
  const remaining = [...options.query.entries()];
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const [nameTemplate, valueTemplate] = equals === -1 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
    const nameMatcher = queryPartMatcher(safeDecode(nameTemplate));
    const valueMatcher = queryPartMatcher(safeDecode(valueTemplate));
    const index = remaining.findIndex(([name, value]) => nameMatcher.pattern.test(name) && valueMatcher.pattern.test(value));
    if (index === -1) {
      if (nameMatcher.names.length + valueMatcher.names.length === 0) missing.push(pair);
      continue;
    }
    const [name, value] = remaining[index]!;
    remaining.splice(index, 1);
    for (const [matcher, text] of [[nameMatcher, name], [valueMatcher, value]] as const) {
      const found = matcher.pattern.exec(text);
      matcher.names.forEach((placeholder, at) => defineOwn({ record: values, key: placeholder, value: encodeURIComponent(found?.[at + 1] ?? '') }));
    }
  }
  return { values, rest: new URLSearchParams(remaining), missing };
}

function queryPartMatcher(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split(/(\{[^{}]*\})/)
    .map((part) => {
      const name = /^\{([^{}]*)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      names.push(name);
      return '(.*)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`, 's'), names };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function defineOwn(options: { record: Record<string, string>; key: string; value: string }): void {
  Object.defineProperty(options.record, options.key, { value: options.value, enumerable: true, writable: true, configurable: true });
}
