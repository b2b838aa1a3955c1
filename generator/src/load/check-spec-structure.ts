import type { Warning } from '../ir/types.ts';
import { SpecwireError } from '../errors/index.ts';
import type { SpecDocument, SpecLimits, SpecVersion } from './types.ts';
import { isPlainRecord } from './plain-record.ts';
import { limitExceededMessage } from './limit-message.ts';

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * The structural checks generation depends on. Deliberately not a full schema validation: strict
 * validators reject usable vendor specs (e.g. `4xx` response keys), so invalid shapes are warnings
 * and cost only the part they are in; the operation count is the one error (a resource limit).
 */
export function checkSpecStructure(options: {
  file: string;
  document: SpecDocument;
  specVersion: SpecVersion;
  limits: Pick<SpecLimits, 'maxOperations'>;
  warnings: Warning[];
}): void {
  const { file, document, specVersion, warnings } = options;
  if (!isPlainRecord(document.info)) {
    warnings.push({ pointer: '/info', message: '"info" is missing or not an object' });
  }
  const paths = Object.hasOwn(document, 'paths') ? document.paths : undefined;
  if (paths === undefined) {
    // 3.1 allows a webhooks-only document; earlier versions require paths but an empty API is clear.
    if (specVersion !== '3.1') warnings.push({ pointer: '/paths', message: '"paths" is missing; the API has no operations' });
    return;
  }
  if (!isPlainRecord(paths)) {
    warnings.push({ pointer: '/paths', message: `"paths" must be an object, found ${describeType(paths)}; the API has no operations`, effect: 'degraded' });
    return;
  }
  let operations = 0;
  // A path item that is not an object (or an `x-` extension such as `x-codegen-contextRoot: /v2`)
  // holds no operations; the normaliser warns about the former where it skips it.
  for (const item of Object.values(paths)) {
    if (isPlainRecord(item)) for (const key of Object.keys(item)) if (HTTP_METHODS.has(key)) operations++;
  }
  if (operations > options.limits.maxOperations) {
    throw new SpecwireError(limitExceededMessage({ what: 'operation count', actual: String(operations), key: 'maxOperations', limit: options.limits.maxOperations }), { file, pointer: '/paths' });
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
