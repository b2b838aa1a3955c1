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
      else if (text.startsWith(prefix)) text = text.slice(prefix.length);
    }
    const decode = (part: string): string => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    };
    decoded[parameter.name] = isArray ? text.split(separator).map(decode) : decode(text);
  }
  return decoded;
}
