import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { SpecwireError } from '../errors/index.ts';
import type { OverridesFile } from './file-types.ts';
import { locateNode, parsePositionedYaml } from './yaml-positions.ts';

/** An override file, parsed and checked against `generator/schema/overrides.schema.json`. */
export interface LoadedOverrides {
  file: string;
  data: OverridesFile;
  sha256: string;
  /**
   * Line/column (1-based) at a path of keys, for errors raised after loading: a scalar's value, or
   * the key of a map entry that holds a collection (or when `target` is `key`).
   */
  locate(path: Array<string | number>, target?: 'key' | 'auto'): { line: number; column: number };
}

/** YAML aliases beyond this count are refused: an override file has no need for alias bombs. */
export const MAX_ALIAS_COUNT = 50;

const require = createRequire(import.meta.url);
let overridesValidator: ValidateFunction | undefined;

/**
 * The override file's schema, compiled on first use: a run that validates no override file (a spec
 * generated without one) never loads Ajv or compiles the schema, about 0.15 s of CPU. Loaded with
 * `require`, since Ajv is CommonJS (see `emit/ts-morph-module.ts`).
 */
function validateOverrides(data: unknown): { valid: boolean; errors: ErrorObject[] } {
  if (!overridesValidator) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    overridesValidator = new Ajv({ allErrors: false, strict: false }).compile(require('../../schema/overrides.schema.json') as object);
  }
  const valid = overridesValidator(data);
  return { valid, errors: overridesValidator.errors ?? [] };
}

export async function loadOverrides(file: string): Promise<LoadedOverrides> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SpecwireError(`cannot read override file (${describeIoError(error)})`, { file });
  }
  return parseOverrides({ file, text });
}

export function parseOverrides(options: { file: string; text: string }): LoadedOverrides {
  const { file, text } = options;
  const parsed = parsePositionedYaml({ file, text, maxAliasCount: MAX_ALIAS_COUNT });
  const { document, at } = parsed;
  const data = parsed.data ?? {};
  const locate = (path: Array<string | number>, target: 'key' | 'auto' = 'auto') => locateNode({ document, path, at, target });
  const validation = validateOverrides(data);
  if (!validation.valid) {
    const problem = validation.errors[0];
    const path = problem ? pathOfError(problem) : [];
    const target = problem?.keyword === 'additionalProperties' ? 'key' : 'auto';
    throw new SpecwireError(describeSchemaError(problem), { file, ...locate(path, target) });
  }
  return { file, data: data as OverridesFile, sha256: createHash('sha256').update(text).digest('hex'), locate };
}

function pathOfError(error: ErrorObject): Array<string | number> {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  if (error.keyword === 'additionalProperties') {
    segments.push(String((error.params as { additionalProperty: string }).additionalProperty));
  }
  return segments;
}

function describeSchemaError(error: ErrorObject | undefined): string {
  if (!error) return 'does not match the overrides schema';
  const dotted = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  const where = error.instancePath === '' ? 'the file' : `"${dotted}"`;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${(error.params as { additionalProperty: string }).additionalProperty}" in ${where}`;
    case 'enum':
      return `${where} must be one of: ${((error.params as { allowedValues: unknown[] }).allowedValues).join(', ')}`;
    case 'type':
      return `${where} must be ${(error.params as { type: string }).type}`;
    case 'pattern':
      return `${where} must match ${(error.params as { pattern: string }).pattern}`;
    case 'required':
      return `${where} is missing "${(error.params as { missingProperty: string }).missingProperty}"`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

function describeIoError(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'read failed');
}
