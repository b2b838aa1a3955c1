import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { SpecwireError } from '../errors/index.ts';
import type { OverridesFile } from './file-types.ts';

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

/** Keys that could pollute prototypes when merged; refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** YAML aliases beyond this count are refused: an override file has no need for alias bombs. */
const MAX_ALIAS_COUNT = 50;

const require = createRequire(import.meta.url);
const overridesSchema = require('../../schema/overrides.schema.json') as object;
const validateOverrides = new Ajv({ allErrors: false, strict: false }).compile(overridesSchema);

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
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, customTags: [] });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const firstProblem = document.errors[0] ?? document.warnings[0];
  if (firstProblem) {
    throw new SpecwireError(`invalid YAML: ${firstProblem.message.split('\n')[0]}`, { file, ...at(firstProblem.pos[0]) });
  }
  refuseForbiddenKeys({ node: document.contents, file, at });

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    throw new SpecwireError(`refused: ${error instanceof Error ? error.message : String(error)}`, { file, line: 1, column: 1 });
  }
  const locate = (path: Array<string | number>, target: 'key' | 'auto' = 'auto') => locateNode({ document, path, at, target });
  if (!validateOverrides(data)) {
    const problem = (validateOverrides.errors ?? [])[0];
    const path = problem ? pathOfError(problem) : [];
    const target = problem?.keyword === 'additionalProperties' ? 'key' : 'auto';
    throw new SpecwireError(describeSchemaError(problem), { file, ...locate(path, target) });
  }
  return { file, data: data as OverridesFile, sha256: createHash('sha256').update(text).digest('hex'), locate };
}

function refuseForbiddenKeys(options: {
  node: unknown;
  file: string;
  at: (offset: number) => { line: number; column: number };
}): void {
  const { node, file, at } = options;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && FORBIDDEN_KEYS.has(key)) {
        const offset = (pair.key as Node).range?.[0] ?? 0;
        throw new SpecwireError(`key "${key}" is not allowed (it could alter object prototypes)`, { file, ...at(offset) });
      }
      refuseForbiddenKeys({ node: pair.value, file, at });
    }
  } else if (isSeq(node)) {
    for (const item of node.items) refuseForbiddenKeys({ node: item, file, at });
  }
}

function locateNode(options: {
  document: ReturnType<typeof parseDocument>;
  path: Array<string | number>;
  at: (offset: number) => { line: number; column: number };
  target: 'key' | 'auto';
}): { line: number; column: number } {
  const { document, path, at, target } = options;
  // Walk down as far as the path exists, so an error about a missing key points at its parent.
  for (let length = path.length; length >= 0; length -= 1) {
    const node = document.getIn(path.slice(0, length), true) as Node | undefined;
    if (node && typeof node === 'object' && node.range) {
      // A scalar is pointed at where its value stands; a collection (or a refused key) at its key.
      const wantKey = target === 'key' || !isScalar(node) || length < path.length;
      const keyNode = length > 0 && wantKey ? findKeyNode({ document, path: path.slice(0, length) }) : undefined;
      return at((keyNode ?? node).range?.[0] ?? 0);
    }
  }
  return { line: 1, column: 1 };
}

function findKeyNode(options: { document: ReturnType<typeof parseDocument>; path: Array<string | number> }): Node | undefined {
  const { document, path } = options;
  const parent = document.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
  return pair && isScalar(pair.key) ? pair.key : undefined;
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
  const where = error.instancePath === '' ? 'the file' : `"${error.instancePath.slice(1).replace(/\//g, '.')}"`;
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
