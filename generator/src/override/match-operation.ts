import type { ApiIR, OperationIR } from '../ir/types.ts';
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

/**
 * The parts of a matcher that matched one operation, e.g. `operationId=issues/create` out of a list
 * of sixty: what a coverage line needs to say why, without repeating the whole rule.
 */
export function describeMatch(options: { matcher: OperationMatcher; operation: OperationIR }): string {
  const { matcher, operation } = options;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(matcher)) {
    if (Array.isArray(value)) {
      const hits = value.filter((item) => matchesOperation({ matcher: { [key]: item }, operation }));
      parts.push(`${key}=${(hits.length > 0 ? hits : value).join('|')}`);
    } else {
      parts.push(`${key}=${String(value)}`);
    }
  }
  return parts.join(' ');
}

/** operationId and `METHOD /path` → operation (an operationId repeated in the spec names its first). */
export function operationsByKey(ir: ApiIR): Map<string, OperationIR> {
  const byKey = new Map<string, OperationIR>();
  for (const operation of ir.operations) {
    byKey.set(operationKey(operation), operation);
    if (operation.operationId !== undefined && !byKey.has(operation.operationId)) byKey.set(operation.operationId, operation);
  }
  return byKey;
}
