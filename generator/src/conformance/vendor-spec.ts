/**
 * Reads the vendor's document for the judge with plain parsers of its own (JSON, YAML), not with the
 * generator's loader, and turns Swagger 2.0 into OpenAPI 3.0 with swagger2openapi: the judge must not
 * share the generator's reading of the spec, or a misreading would pass on both sides.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { convertObj } from 'swagger2openapi';
import { parse as parseYaml } from 'yaml';

export type VendorDocument = Record<string, unknown>;

export async function readVendorSpec(file: string): Promise<VendorDocument> {
  let bytes = await readFile(file);
  if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
  const text = bytes.toString('utf8');
  const parsed: unknown = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1, merge: true });
  if (!isRecord(parsed)) throw new Error(`${file}: not an object document`);
  return parsed;
}

/** OpenAPI 3.x as is; Swagger 2.0 converted. The input is not modified. */
export async function toOpenApi3(document: VendorDocument): Promise<VendorDocument> {
  if (typeof document.openapi === 'string') return structuredClone(document);
  if (document.swagger !== '2.0') throw new Error('neither an OpenAPI 3.x nor a Swagger 2.0 document');
  const converted = await convertObj(structuredClone(document), { patch: true, warnOnly: true, resolve: false });
  return converted.openapi;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
