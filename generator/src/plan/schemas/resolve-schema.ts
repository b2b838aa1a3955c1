/**
 * Reading IR schemas: following `$ref`s to `#/components/schemas/*`, merging `allOf`, and folding a
 * `null` alternative into a flag. Refs stay refs in the IR (circular schemas are finite), so every
 * walk carries the refs already followed on its path and stops when one comes round again.
 */
import type { SchemaIR } from '../../ir/types.ts';
import { parsePointerFragment } from '../../errors/index.ts';
import { isPlainObject, ownValue, recordFromEntries, type PlainObject } from './own-record.ts';

export type SchemaTable = Record<string, SchemaIR>;

/** Parsed ref fragments: the same few hundred refs are read tens of thousands of times per plan. */
const refSegmentsCache = new Map<string, readonly string[] | undefined>();
const MAX_CACHED_REFS = 50_000;

/** `parsePointerFragment(ref)`, remembered; callers only read the segments. */
export function refSegments(ref: string): readonly string[] | undefined {
  if (refSegmentsCache.has(ref)) return refSegmentsCache.get(ref);
  if (refSegmentsCache.size >= MAX_CACHED_REFS) refSegmentsCache.clear();
  const segments = parsePointerFragment(ref);
  refSegmentsCache.set(ref, segments);
  return segments;
}

/** The component schema name a ref points into (`#/components/schemas/Pet/properties/x` → `Pet`). */
export function componentNameOfRef(ref: string): string | undefined {
  const segments = refSegments(ref);
  if (!segments || segments.length < 3 || segments[0] !== 'components' || segments[1] !== 'schemas') return undefined;
  return segments[2];
}

/** The schema a local ref points at, or undefined when it points nowhere in `schemas`. */
export function lookupRef(options: { ref: string; schemas: SchemaTable }): SchemaIR | undefined {
  const segments = refSegments(options.ref);
  if (!segments || segments.length < 3 || segments[0] !== 'components' || segments[1] !== 'schemas') return undefined;
  let current: unknown = ownValue({ record: options.schemas, key: segments[2] });
  for (let index = 3; index < segments.length; index++) {
    const segment = segments[index];
    if (Array.isArray(current)) current = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
    else if (isPlainObject(current)) current = ownValue({ record: current, key: segment });
    else return undefined;
  }
  return typeof current === 'boolean' || isPlainObject(current) ? current : undefined;
}

export function refOf(schema: unknown): string | undefined {
  return isPlainObject(schema) && typeof schema.$ref === 'string' ? schema.$ref : undefined;
}

export interface ResolvedSchema {
  /** The schema with no top-level `$ref` or `allOf` left (siblings of a ref override the target). */
  schema: PlainObject;
  /** Refs followed to get here; callers add them to the path they carry. */
  refs: string[];
  /** Component name of the first ref followed, when there was one. */
  refName?: string;
  /** `cycle`: a ref already on the path; `unresolved`: a ref to nothing. */
  problem?: 'cycle' | 'unresolved';
  /** The schema allowed `null` (type list, `nullable`, or a `null` alternative). */
  nullable: boolean;
}

const MAX_RESOLVE_STEPS = 64;

/**
 * Resolves the top level of a schema: follows refs, merges `allOf`, and turns `anyOf/oneOf: [X, null]`
 * into X plus `nullable`. Nested schemas are left as they are.
 */
export function resolveSchema(options: {
  schema: SchemaIR;
  schemas: SchemaTable;
  stack: readonly string[];
}): ResolvedSchema {
  const refs: string[] = [];
  let refName: string | undefined;
  let nullable = false;
  let current: PlainObject = toObject(options.schema);
  for (let step = 0; step < MAX_RESOLVE_STEPS; step += 1) {
    const ref = refOf(current);
    if (ref !== undefined) {
      refName ??= componentNameOfRef(ref);
      if (options.stack.includes(ref) || refs.includes(ref)) return { schema: current, refs, refName, problem: 'cycle', nullable };
      const target = lookupRef({ ref, schemas: options.schemas });
      if (target === undefined) return { schema: current, refs, refName, problem: 'unresolved', nullable };
      refs.push(ref);
      const { $ref: _ref, ...siblings } = current;
      current = { ...toObject(target), ...siblings };
      continue;
    }
    const folded = foldNullAlternative(current);
    nullable ||= folded.nullable;
    if (folded.changed) {
      current = folded.schema;
      continue;
    }
    if (Array.isArray(current.allOf)) {
      current = mergeAllOf({ schema: current, schemas: options.schemas, stack: refs.length === 0 ? options.stack : options.stack.concat(refs) });
      continue;
    }
    return { schema: current, refs, refName, nullable };
  }
  return { schema: current, refs, refName, problem: 'cycle', nullable };
}

function toObject(schema: SchemaIR): PlainObject {
  return typeof schema === 'boolean' ? {} : schema;
}

function isNullSchema(schema: unknown): boolean {
  return isPlainObject(schema) && (schema.type === 'null' || (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null));
}

/** `type: [X, 'null']`, `nullable: true`, `anyOf/oneOf: [X, {type:'null'}]` → X and a flag. */
function foldNullAlternative(schema: PlainObject): { schema: PlainObject; nullable: boolean; changed: boolean } {
  let nullable = schema.nullable === true;
  let changed = false;
  let result = schema;
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const rest = schema.type.filter((type) => type !== 'null');
    result = { ...result, type: rest.length === 1 ? rest[0] : rest };
    if (rest.length === 0) delete result.type;
    nullable = true;
    changed = true;
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const alternatives = result[keyword];
    if (!Array.isArray(alternatives) || !alternatives.some(isNullSchema)) continue;
    const rest = alternatives.filter((alternative) => !isNullSchema(alternative));
    const { [keyword]: _dropped, ...siblings } = result;
    // One alternative left: it is the schema (merged with the siblings through allOf).
    result = rest.length === 1 ? { ...siblings, allOf: [rest[0]] } : { ...siblings, [keyword]: rest };
    nullable = true;
    changed = true;
  }
  if ('nullable' in result) {
    const { nullable: _flag, ...rest } = result;
    result = rest;
    changed = changed || _flag !== undefined;
  }
  return { schema: result, nullable, changed };
}

/**
 * Merges `allOf` members into one schema: properties and `required` are unioned (later members refine
 * earlier ones), other keywords come from the outer schema first, then the first member that has them.
 * A member that is a ref already on the path is skipped (a self-extending schema adds nothing new).
 */
export function mergeAllOf(options: { schema: PlainObject; schemas: SchemaTable; stack: readonly string[] }): PlainObject {
  const { allOf, ...outer } = options.schema;
  const members = Array.isArray(allOf) ? allOf : [];
  const properties = new Map<string, unknown>();
  const required: string[] = [];
  const keywords = new Map<string, unknown>();
  const absorb = (schema: PlainObject): void => {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && isPlainObject(value)) {
        for (const [name, property] of Object.entries(value)) properties.set(name, property);
      } else if (key === 'required' && Array.isArray(value)) {
        for (const name of value) if (typeof name === 'string' && !required.includes(name)) required.push(name);
      } else if (!keywords.has(key)) {
        keywords.set(key, value);
      }
    }
  };
  const memberObjects: PlainObject[] = [];
  for (const member of members) {
    if (typeof member !== 'boolean' && !isPlainObject(member)) continue;
    const resolved = resolveSchema({ schema: member, schemas: options.schemas, stack: options.stack });
    if (resolved.problem === undefined) memberObjects.push(resolved.schema);
  }
  // Outer keywords first so they win; properties are absorbed in member order, outer last (refines).
  for (const [key, value] of Object.entries(outer)) {
    if (key !== 'properties' && key !== 'required') keywords.set(key, value);
  }
  memberObjects.forEach(absorb);
  absorb({ properties: outer.properties, required: outer.required });
  const merged: PlainObject = recordFromEntries(keywords);
  // No `type` is added for merged properties: `impliedType` infers `object` where that is unambiguous.
  if (properties.size > 0) merged.properties = recordFromEntries(properties);
  if (required.length > 0) merged.required = required;
  return merged;
}

/** The schema's types as a list (`type: 'x'` or `type: [...]`), empty when unstated. */
export function schemaTypes(schema: PlainObject): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((type): type is string => typeof type === 'string');
  return [];
}

/** Keywords that only constrain strings, numbers or arrays: beside `properties`, the type is open. */
const NON_OBJECT_KEYWORDS = ['format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'items', 'minItems', 'maxItems'];

/**
 * The type a schema implies: stated, else `object` for properties, `array` for items. Without a
 * `type`, `properties` constrain objects only and any other value is valid, so `object` is inferred
 * only when nothing else points at another type (a string/number/array keyword, a non-object
 * example or default); otherwise the type stays open and the field accepts any JSON value.
 */
export function impliedType(schema: PlainObject): string | undefined {
  const types = schemaTypes(schema);
  if (types.length === 1) return types[0];
  if (types.length > 1) return undefined;
  if (isPlainObject(schema.properties) || isPlainObject(schema.additionalProperties)) {
    return pointsAtOtherType(schema) ? undefined : 'object';
  }
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function pointsAtOtherType(schema: PlainObject): boolean {
  if (NON_OBJECT_KEYWORDS.some((keyword) => keyword in schema)) return true;
  return [schema.example, schema.default].some((value) => value !== undefined && value !== null && !isPlainObject(value));
}
