import type { BodyEncodingIR, SchemaIR } from '../ir/types.ts';

const BINARY_MEDIA_TYPES = new Set([
  'application/octet-stream', 'application/pdf', 'application/zip', 'application/gzip', 'application/x-gzip',
  'application/x-tar', 'application/vnd.ms-excel', 'application/msword',
]);

/**
 * How a body of this media type is encoded on the wire. Unknown types fall back on the schema: a
 * binary string is sent as bytes, an object as JSON, anything else as text. XML is text (we never
 * serialise it, but the user can pass it through).
 */
export function classifyMediaType(options: { mediaType: string; schema: SchemaIR }): BodyEncodingIR {
  const base = options.mediaType.split(';')[0].trim().toLowerCase();
  if (base.startsWith('multipart/')) return 'multipart';
  if (base === 'application/x-www-form-urlencoded') return 'form';
  if (base === 'application/json' || base.endsWith('+json') || /^application\/.*json/.test(base)) return 'json';
  if (isBinaryStringSchema(options.schema)) return 'binary';
  if (base.startsWith('text/') || base === 'application/xml' || base.endsWith('+xml')) return 'text';
  if (BINARY_MEDIA_TYPES.has(base) || /^(image|audio|video|font)\//.test(base)) return 'binary';
  if (isObjectSchema(options.schema)) return 'json';
  return 'text';
}

function isBinaryStringSchema(schema: SchemaIR): boolean {
  return typeof schema === 'object' && schema.format === 'binary' && (schema.type === 'string' || schema.type === undefined);
}

function isObjectSchema(schema: SchemaIR): boolean {
  if (typeof schema !== 'object') return false;
  const type = schema.type;
  return type === 'object' || (Array.isArray(type) && type.includes('object')) || 'properties' in schema || '$ref' in schema;
}
