/**
 * Matches a request path against one operation's path template. Directory specs (APIs.guru's AWS and
 * Azure conversions) key several operations by one path with a suffix after `#` or `?`
 * (`/#X-Amz-Target=…`, `/analyze#overload=stream`); the suffix names no part of the URL path, so it
 * is left out here, and the operation the request is meant for is judged directly.
 */
export function templatePath(template: string): string {
  return template.replace(/[#?].*$/, '') || '/';
}

/** Raw (still encoded) values of the template's `{name}` segments, or `undefined` if the path differs. */
export function matchPathTemplate(options: { template: string; path: string }): Record<string, string> | undefined {
  const names: string[] = [];
  const source = templatePath(options.template)
    .split(/(\{[^{}]*\})/)
    .map((part) => {
      const name = /^\{([^{}]*)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]*)';
    })
    .join('');
  const match = new RegExp(`^${source}$`).exec(options.path);
  if (!match) return undefined;
  const values: Record<string, string> = {};
  names.forEach((name, index) => Object.defineProperty(values, name, { value: match[index + 1] ?? '', enumerable: true, writable: true, configurable: true }));
  return values;
}
