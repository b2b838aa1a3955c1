import type { SchemaIR } from '../ir/types.ts';
import { childPointer } from '../errors/index.ts';
import { isPlainRecord, plainRecordFromEntries, type PlainRecord } from '../load/plain-record.ts';
import { degrade, type NormaliseContext } from './normalise-context.ts';
import { rewriteSchemaRef } from './schema-ref.ts';
import { makeNullable } from './nullable-schema.ts';

/** Keywords whose value is one subschema. */
const SINGLE_SCHEMA_KEYS = new Set([
  'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems', 'not', 'if', 'then',
  'else', 'contains', 'propertyNames', 'contentSchema',
]);
/** Keywords whose value is an array of subschemas. */
const SCHEMA_LIST_KEYS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAP_KEYS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);

/**
 * Keywords kept beside a 2.0/3.0 `$ref`: annotations, and `nullable`, which vendors write there
 * meaning "this reference or null" and validators of 3.0 documents commonly honour.
 */
const KEPT_BESIDE_REF = new Set(['description', 'title', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'nullable', 'x-nullable', 'default']);

/**
 * Converts one schema to the IR's 2020-12 form. Refs are rewritten, never followed, so recursion
 * only goes as deep as the document itself, which `loadSpec` bounds.
 */
export function normaliseSchema(options: { context: NormaliseContext; schema: unknown; pointer: string }): SchemaIR {
  const { context, schema, pointer } = options;
  if (typeof schema === 'boolean') return schema;
  if (!isPlainRecord(schema)) {
    degrade(context, pointer, 'schema is not an object; treated as untyped');
    return {};
  }
  let entries: Array<[string, unknown]> = [];
  let nullable = false;
  const refOnly = context.version !== '3.1' && typeof schema.$ref === 'string';
  for (const key of Object.keys(schema)) {
    const value = schema[key];
    // OpenAPI 2.0 and 3.0: a Reference Object's siblings are ignored (`type: object` beside a ref to
    // a string schema would otherwise override it); annotations stay for labels and forms.
    if (refOnly && key !== '$ref' && !KEPT_BESIDE_REF.has(key) && !key.startsWith('x-')) continue;
    if (key === 'nullable' || key === 'x-nullable') {
      nullable = nullable || value === true;
      continue;
    }
    if (key === '$ref' && typeof value === 'string') {
      const ref = rewriteSchemaRef({ context, ref: value, pointer });
      if (ref !== undefined) entries.push(['$ref', ref]);
      continue;
    }
    if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value === 'boolean') {
      continue; // folded into minimum/maximum below
    }
    if ((key === 'minimum' || key === 'maximum') && exclusiveFlag(schema, key)) {
      entries.push([key === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum', value]);
      continue;
    }
    if (key === 'type' && value === 'file') {
      // Swagger 2.0 file upload/download: a binary string in OpenAPI 3 terms.
      entries.push(['type', 'string']);
      if (!Object.hasOwn(schema, 'format')) entries.push(['format', 'binary']);
      continue;
    }
    if (key === 'discriminator') {
      entries.push([key, normaliseDiscriminator({ context, value, pointer: pointerTo(pointer, key) })]);
      continue;
    }
    if (key === 'items' && Array.isArray(value)) {
      // Tuple form from draft 4; 2020-12 spells it prefixItems.
      const at = pointerTo(pointer, key);
      entries.push(['prefixItems', value.map((item, index) => normaliseSchema({ context, schema: item, pointer: `${at}/${index}` }))]);
      continue;
    }
    if (key === 'items' || SINGLE_SCHEMA_KEYS.has(key)) {
      entries.push([key, typeof value === 'boolean' || isPlainRecord(value) ? normaliseSchema({ context, schema: value, pointer: pointerTo(pointer, key) }) : value]);
      continue;
    }
    if (SCHEMA_LIST_KEYS.has(key) && Array.isArray(value)) {
      const at = pointerTo(pointer, key);
      entries.push([key, value.map((item, index) => normaliseSchema({ context, schema: item, pointer: `${at}/${index}` }))]);
      continue;
    }
    if (SCHEMA_MAP_KEYS.has(key) && isPlainRecord(value)) {
      entries.push([key, normaliseSchemaMap({ context, map: value, pointer: pointerTo(pointer, key) })]);
      continue;
    }
    entries.push([key, value]);
  }
  if (nullable) entries = makeNullable(entries);
  return plainRecordFromEntries(entries);
}

function normaliseSchemaMap(options: { context: NormaliseContext; map: PlainRecord; pointer: string }): PlainRecord {
  const { context, map, pointer } = options;
  const result: Array<[string, SchemaIR]> = [];
  for (const name of Object.keys(map)) result.push([name, normaliseSchema({ context, schema: map[name], pointer: pointerTo(pointer, name) })]);
  return plainRecordFromEntries(result);
}

/**
 * `childPointer(pointer, key)` for one key, built only where a subschema or warning needs it. Most
 * keys need no escaping; those are appended as they are (the same text `childPointer` builds).
 */
function pointerTo(pointer: string, key: string): string {
  return key.includes('~') || key.includes('/') ? childPointer(pointer, key) : `${pointer}/${key}`;
}

/** OpenAPI 3.0 / 2.0 boolean `exclusiveMinimum: true` modifies `minimum`; 2020-12 carries the bound itself. */
function exclusiveFlag(schema: PlainRecord, bound: 'minimum' | 'maximum'): boolean {
  const flag = bound === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum';
  return Object.hasOwn(schema, flag) && schema[flag] === true;
}

/** 2.0 gives the property name as a string; 3.x mapping values may be refs in the old `definitions` form. */
function normaliseDiscriminator(options: { context: NormaliseContext; value: unknown; pointer: string }): unknown {
  const { context, value, pointer } = options;
  if (typeof value === 'string') return { propertyName: value };
  if (!isPlainRecord(value) || !isPlainRecord(value.mapping)) return value;
  const mapping = value.mapping;
  const rewritten = Object.keys(mapping).map((key): [string, unknown] => {
    const target = mapping[key];
    if (typeof target !== 'string' || !target.startsWith('#')) return [key, target];
    return [key, rewriteSchemaRef({ context, ref: target, pointer: childPointer(pointer, 'mapping', key) })];
  });
  // A mapping entry whose schema is missing is dropped (warned above): no dangling ref goes on.
  return { ...value, mapping: Object.fromEntries(rewritten.filter(([, target]) => target !== undefined)) };
}
