import type { Warning } from '../ir/types.ts';
import { SpecwireError } from '../errors/index.ts';
import type { SpecDocument, SpecVersion } from './types.ts';

export interface DetectedVersion {
  specVersion: SpecVersion;
  declaredVersion: string;
}

/**
 * Reads `openapi` / `swagger`. YAML turns an unquoted `3.0` or `2.0` into a number; that is accepted
 * with a warning because the intent is clear. OAS 3.2 is read as 3.1 (a superset for our purposes).
 */
export function detectSpecVersion(options: { file: string; document: SpecDocument; warnings: Warning[] }): DetectedVersion {
  const { file, document, warnings } = options;
  const openapi = Object.hasOwn(document, 'openapi') ? document.openapi : undefined;
  const swagger = Object.hasOwn(document, 'swagger') ? document.swagger : undefined;
  if (openapi !== undefined) {
    const declared = versionText({ value: openapi, pointer: '/openapi', warnings });
    if (/^3\.0(\.|$)/.test(declared)) return { specVersion: '3.0', declaredVersion: declared };
    if (/^3\.1(\.|$)/.test(declared)) return { specVersion: '3.1', declaredVersion: declared };
    if (/^3\.2(\.|$)/.test(declared)) {
      warnings.push({ pointer: '/openapi', message: `OpenAPI ${declared} is read as 3.1; features new in 3.2 are ignored` });
      return { specVersion: '3.1', declaredVersion: declared };
    }
    throw new SpecwireError(`unsupported OpenAPI version "${declared}" (supported: 2.0, 3.0.x, 3.1.x)`, { file, pointer: '/openapi' });
  }
  if (swagger !== undefined) {
    const declared = versionText({ value: swagger, pointer: '/swagger', warnings });
    if (declared === '2.0') return { specVersion: '2.0', declaredVersion: declared };
    throw new SpecwireError(`unsupported Swagger version "${declared}" (supported: 2.0)`, { file, pointer: '/swagger' });
  }
  throw new SpecwireError('not an OpenAPI document: no "openapi" or "swagger" version field', { file, pointer: '/openapi' });
}

function versionText(options: { value: unknown; pointer: string; warnings: Warning[] }): string {
  const { value, pointer, warnings } = options;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') {
    const text = Number.isInteger(value) ? `${value}.0` : String(value);
    warnings.push({ pointer, message: `version given as the number ${value}; read as "${text}" (quote it in YAML)` });
    return text;
  }
  return String(JSON.stringify(value)).slice(0, 40);
}
