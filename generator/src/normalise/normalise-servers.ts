import type { ServerIR, ServerVariableIR } from '../ir/types.ts';
import { childPointer } from '../errors/index.ts';
import { isPlainRecord } from '../load/plain-record.ts';
import { field, optionalString, recordEntries, warn, type NormaliseContext } from './normalise-context.ts';

/** OpenAPI 3 server list; relative URLs are kept as written (the planner decides what they mean). */
export function normaliseServers(options: { context: NormaliseContext; value: unknown; pointer: string }): ServerIR[] {
  const { context, value, pointer } = options;
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    warn(context, pointer, '"servers" is not an array; ignored');
    return [];
  }
  const servers: ServerIR[] = [];
  value.forEach((raw, index) => {
    const at = childPointer(pointer, index);
    const url = isPlainRecord(raw) ? optionalString(field(raw, 'url')) : undefined;
    if (!isPlainRecord(raw) || url === undefined) {
      warn(context, at, 'server without a string "url"; ignored');
      return;
    }
    const server: ServerIR = { url, variables: normaliseVariables({ context, value: field(raw, 'variables'), pointer: childPointer(at, 'variables') }) };
    const description = optionalString(field(raw, 'description'));
    if (description !== undefined) server.description = description;
    servers.push(server);
  });
  return servers;
}

function normaliseVariables(options: { context: NormaliseContext; value: unknown; pointer: string }): Record<string, ServerVariableIR> {
  const entries = recordEntries(options.value).map(([name, raw]): [string, ServerVariableIR] => {
    const variable = isPlainRecord(raw) ? raw : {};
    const rawDefault = field(variable, 'default');
    const rawEnum = field(variable, 'enum');
    const result: ServerVariableIR = { default: scalarText(rawDefault) ?? '' };
    if (rawDefault === undefined) warn(options.context, childPointer(options.pointer, name), `server variable "${name}" has no default; using ""`);
    if (Array.isArray(rawEnum)) result.enum = rawEnum.map((item) => scalarText(item)).filter((item): item is string => item !== undefined);
    const description = optionalString(field(variable, 'description'));
    if (description !== undefined) result.description = description;
    return [name, result];
  });
  return Object.fromEntries(entries);
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * 2.0 `schemes` + `host` + `basePath` → servers, https first (when offered) so the default is TLS.
 * Without `host` the base path alone is kept as a relative server, as in 3.x.
 */
export function swagger2Servers(context: NormaliseContext): ServerIR[] {
  const host = optionalString(field(context.document, 'host'));
  const rawBasePath = optionalString(field(context.document, 'basePath'));
  const basePath = rawBasePath === undefined || rawBasePath === '/' ? '' : rawBasePath.replace(/\/+$/, '');
  if (host === undefined) return basePath === '' ? [] : [{ url: basePath, variables: {} }];
  const declared = field(context.document, 'schemes');
  const schemes = (Array.isArray(declared) ? declared : []).filter((scheme): scheme is string => scheme === 'https' || scheme === 'http');
  const ordered = schemes.length === 0 ? ['https'] : [...new Set([...schemes.filter((scheme) => scheme === 'https'), ...schemes])];
  return ordered.map((scheme) => ({ url: `${scheme}://${host}${basePath}`, variables: {} }));
}
