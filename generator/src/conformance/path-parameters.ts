/**
 * openapi-backend hands path parameters to the validator as raw, still percent-encoded text and
 * never splits arrays. This decodes each one by its declared style (simple, label, matrix), so the
 * validator sees the value the vendor's server would.
 */
import { isRecord } from './vendor-spec.ts';

export function decodePathParameters(options: { raw: Record<string, unknown>; parameters: readonly unknown[] }): Record<string, unknown> {
  const decoded: Record<string, unknown> = { ...options.raw };
  for (const parameter of options.parameters) {
    if (!isRecord(parameter) || parameter.in !== 'path' || typeof parameter.name !== 'string') continue;
    const raw = decoded[parameter.name];
    if (typeof raw !== 'string') continue;
    const style = typeof parameter.style === 'string' ? parameter.style : 'simple';
    const explode = parameter.explode === true;
    const isArray = isRecord(parameter.schema) && parameter.schema.type === 'array';
    let text = raw;
    let separator = ',';
    if (style === 'label') {
      text = text.startsWith('.') ? text.slice(1) : text;
      if (explode) separator = '.';
    } else if (style === 'matrix') {
      const prefix = `;${parameter.name}=`;
      if (explode && isArray) text = text.split(prefix).filter((part) => part !== '').join(',');
      else if (explode && isRecord(parameter.schema) && parameter.schema.type === 'object') text = text.split(';').filter((part) => part !== '').join(',');
      else if (text.startsWith(prefix)) text = text.slice(prefix.length);
    }
    const decode = (part: string): string => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    };
    const isObject = isRecord(parameter.schema) && parameter.schema.type === 'object';
    if (isObject) decoded[parameter.name] = objectOf({ parts: text.split(separator).map(decode), explode });
    else decoded[parameter.name] = isArray ? text.split(separator).map(decode) : decode(text);
  }
  return decoded;
}

/** `k,v,k,v`, or `k=v,k=v` when exploded (simple, label and matrix alike once their prefixes are gone). */
function objectOf(options: { parts: string[]; explode: boolean }): Record<string, string> {
  const record: Record<string, string> = {};
  const set = (key: string, value: string): void => {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  };
  if (options.explode) {
    for (const part of options.parts) {
      const at = part.indexOf('=');
      set(at === -1 ? part : part.slice(0, at), at === -1 ? '' : part.slice(at + 1));
    }
  } else {
    for (let index = 0; index < options.parts.length; index += 2) set(options.parts[index]!, options.parts[index + 1] ?? '');
  }
  return record;
}
