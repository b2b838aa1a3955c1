import type { OperationIR } from '../ir/types.ts';
import type { OperationMatcher, StringOrList } from './file-types.ts';

export function listOf(value: StringOrList | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** `METHOD /path`: how an operation without an operationId is named in override files. */
export function operationKey(operation: OperationIR): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

/** Whether every key the matcher gives matches the operation. */
export function matchesOperation(options: { matcher: OperationMatcher; operation: OperationIR }): boolean {
  const { matcher, operation } = options;
  const ids = listOf(matcher.operationId);
  if (ids.length > 0 && !ids.some((id) => id === operation.operationId || id === operationKey(operation))) return false;
  const tags = listOf(matcher.tag);
  if (tags.length > 0 && !tags.some((tag) => operation.tags.includes(tag))) return false;
  const methods = listOf(matcher.method).map((method) => method.toLowerCase());
  if (methods.length > 0 && !methods.includes(operation.method)) return false;
  const paths = listOf(matcher.path);
  if (paths.length > 0 && !paths.some((glob) => globToRegExp(glob).test(operation.path))) return false;
  if (matcher.deprecated !== undefined && matcher.deprecated !== operation.deprecated) return false;
  return true;
}

/** Path glob: `**` spans segments, `*` stays within one; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index];
    if (char === '*' && glob[index + 1] === '*') {
      source += '.*';
      index += 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else {
      source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

export function describeMatcher(matcher: OperationMatcher): string {
  return Object.entries(matcher)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('|') : String(value)}`)
    .join(' ');
}
