/**
 * The output schemas a connector advertises, with each component schema written once. An action's
 * or trigger's `outputSchema` keeps a whole-component ref as `{ $ref: "#/$defs/<name>" }`; the
 * components those refs reach are planned once into the definition's `schemas` map. So a change to
 * one vendor schema changes one entry, not every action that returns it, and GitHub's `html_url`
 * is written once per schema instead of hundreds of times.
 *
 * Descriptions, examples and `x-*` extensions are dropped (the full types live in the types
 * document), so are enums longer than `MAX_OUTPUT_ENUM_VALUES`. A ref into part of a component
 * (`#/components/schemas/Pet/properties/tag`) is inlined a few levels deep; a ref that points
 * nowhere becomes `{ title: <name> }`.
 */
import type { JsonSchema } from '@specwire/runtime';
import type { SchemaIR } from '../../ir/types.ts';
import { escapePointerSegment } from '../../errors/index.ts';
import { cloneJson, isPlainObject, ownValue, recordFromEntries, setOwn } from './own-record.ts';
import { componentNameOfRef, lookupRef, refSegments, type SchemaTable } from './resolve-schema.ts';

/** How deep refs into part of a component are inlined before they become a `{ title }` placeholder. */
export const MAX_OUTPUT_REF_DEPTH = 3;
/** Schema objects one inline output schema (or one shared schema) may hold before it is truncated. */
export const OUTPUT_SCHEMA_BUDGET = 150;
/** Longer enums (country or merchant-category lists) are left out of output schemas. */
export const MAX_OUTPUT_ENUM_VALUES = 50;
/** Where shared schemas are referenced from an output schema: `#/$defs/<name>`. */
export const SHARED_SCHEMA_REF_PREFIX = '#/$defs/';

/** Keywords whose value maps names (not keywords) to schemas. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is data, copied verbatim. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'required', 'type', 'discriminator']);
const DROPPED_KEYWORDS = new Set(['example', 'examples', 'xml', 'externalDocs', 'description']);

interface InlineState {
  schemas: SchemaTable;
  budget: { remaining: number };
}

/** One action's (or trigger's) output schema: whole-component refs become `#/$defs/<name>` refs. */
export function planOutputSchema(options: { schema: SchemaIR; schemas: SchemaTable }): JsonSchema {
  return inlineSchema({ value: options.schema, stack: [], state: { schemas: options.schemas, budget: { remaining: OUTPUT_SCHEMA_BUDGET } } }) as JsonSchema;
}

/**
 * The shared schemas the given output schemas reach (transitively), by component name, in name
 * order so that adding a schema adds its lines in one place.
 */
export function planSharedSchemas(options: { roots: readonly (JsonSchema | undefined)[]; schemas: SchemaTable }): Record<string, JsonSchema> {
  const planned = new Map<string, JsonSchema>();
  const pending = options.roots.flatMap((root) => sharedRefsOf(root));
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (planned.has(name)) continue;
    const component = ownValue({ record: options.schemas, key: name });
    if (component === undefined) continue;
    const schema = planOutputSchema({ schema: component as SchemaIR, schemas: options.schemas });
    planned.set(name, schema);
    pending.push(...sharedRefsOf(schema));
  }
  const names = [...planned.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return recordFromEntries(names.map((name) => [name, planned.get(name)!] as const));
}

/** The component name of a `#/$defs/<name>` ref, or undefined for any other ref. */
export function sharedSchemaNameOfRef(ref: string): string | undefined {
  if (!ref.startsWith('#/$defs/')) return undefined;
  const segments = refSegments(ref);
  return segments && segments.length === 2 ? segments[1] : undefined;
}

/** Names of every shared schema a planned schema refers to, in document order. */
function sharedRefsOf(value: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isPlainObject(node)) {
      for (const [key, item] of Object.entries(node)) {
        if (key === '$ref' && typeof item === 'string') {
          const name = sharedSchemaNameOfRef(item);
          if (name !== undefined) found.push(name);
        } else visit(item);
      }
    }
  };
  visit(value);
  return found;
}

function inlineSchema(options: { value: unknown; stack: readonly string[]; state: InlineState }): unknown {
  const { value, stack, state } = options;
  if (Array.isArray(value)) return value.map((item) => inlineSchema({ value: item, stack, state }));
  if (!isPlainObject(value)) return value;
  if (typeof value.$ref === 'string') return refSchema({ value, ref: value.$ref, stack, state });
  if (state.budget.remaining <= 0) return truncatedSchema(value);
  state.budget.remaining -= 1;
  // Built in place, key by key, in the order (and with the budget spent in the order) of the source.
  const result: { [key: string]: unknown } = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    if (key === 'enum' && Array.isArray(item) && item.length > MAX_OUTPUT_ENUM_VALUES) continue;
    if (DATA_KEYWORDS.has(key)) setOwn(result, key, cloneJson(item));
    else if (NAME_MAPS.has(key) && isPlainObject(item)) {
      const map: { [name: string]: unknown } = {};
      for (const name of Object.keys(item)) setOwn(map, name, inlineSchema({ value: item[name], stack, state }));
      setOwn(result, key, map);
    } else if (isPlainObject(item) || Array.isArray(item)) setOwn(result, key, inlineSchema({ value: item, stack, state }));
    else setOwn(result, key, item);
  }
  return result;
}

function refSchema(options: { value: { [key: string]: unknown }; ref: string; stack: readonly string[]; state: InlineState }): unknown {
  const { value, ref, stack, state } = options;
  const { $ref: _ref, ...siblings } = value;
  const kept = Object.keys(siblings).length === 0 ? undefined : (inlineSchema({ value: siblings, stack, state }) as object);
  const name = componentNameOfRef(ref);
  const target = lookupRef({ ref, schemas: state.schemas });
  if (name !== undefined && target !== undefined && refSegments(ref)?.length === 3) {
    // OAS 3.1 allows keywords beside a ref (`description`); in 2020-12 they sit beside `$ref` too.
    return { $ref: `${SHARED_SCHEMA_REF_PREFIX}${escapePointerSegment(name)}`, ...kept };
  }
  if (target === undefined || stack.includes(ref) || stack.length >= MAX_OUTPUT_REF_DEPTH || state.budget.remaining <= 0) {
    // Placeholders count too: a wide schema must not emit thousands of them.
    state.budget.remaining -= 1;
    return { title: name ?? ref };
  }
  const inlined = inlineSchema({ value: target, stack: [...stack, ref], state });
  if (typeof inlined === 'boolean' || kept === undefined) return inlined;
  return { ...(inlined as object), ...kept };
}

/** Past the budget a schema keeps only its type and title: enough to say what is there. */
function truncatedSchema(schema: { [key: string]: unknown }): { [key: string]: unknown } {
  return recordFromEntries(
    ['type', 'title'].filter((key) => schema[key] !== undefined).map((key) => [key, cloneJson(schema[key])] as const),
  );
}

/**
 * A planned schema with a `#/$defs/<name>` ref at its root replaced by that shared schema (as
 * `planSharedSchemas` plans it), for planners that look inside an output schema (a polling
 * trigger's item). Other schemas come back as they are.
 */
export function followSharedRef(options: { schema: unknown; schemas: SchemaTable }): unknown {
  let current = options.schema;
  const seen = new Set<string>();
  while (isPlainObject(current) && typeof current.$ref === 'string') {
    const name = sharedSchemaNameOfRef(current.$ref);
    const component = name === undefined ? undefined : ownValue({ record: options.schemas, key: name });
    if (name === undefined || component === undefined || seen.has(name)) return current;
    seen.add(name);
    current = planOutputSchema({ schema: component, schemas: options.schemas });
  }
  return current;
}
