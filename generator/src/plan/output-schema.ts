/**
 * The output schema an action advertises: the success response's schema with component refs inlined
 * a few levels deep. Deeper refs, cycles and refs past the size budget become `{ title: <name> }`,
 * and past the budget inline schemas keep only `type`/`title`, so the definition stays small even for
 * GitHub's or Stripe's responses (measured: ~2-4 KB per action). Descriptions, examples and `x-*`
 * extensions are dropped for the same reason; the full types live in the types document.
 */
import type { JsonSchema } from '@specwire/runtime';
import type { SchemaIR } from '../ir/types.ts';
import { cloneJson, isPlainObject, recordFromEntries } from './own-record.ts';
import { componentNameOfRef, lookupRef, type SchemaTable } from './resolve-schema.ts';

export const MAX_OUTPUT_REF_DEPTH = 3;
/** Schema objects one output schema may copy from referenced components. */
export const OUTPUT_SCHEMA_BUDGET = 150;
/** Longer enums (country or merchant-category lists) are left out of output schemas. */
export const MAX_OUTPUT_ENUM_VALUES = 50;

/** Keywords whose value maps names (not keywords) to schemas. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is data, copied verbatim. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'required', 'type', 'discriminator']);
const DROPPED_KEYWORDS = new Set(['example', 'examples', 'xml', 'externalDocs', 'description']);

interface InlineState {
  schemas: SchemaTable;
  budget: { remaining: number };
}

export function planOutputSchema(options: { schema: SchemaIR; schemas: SchemaTable }): JsonSchema {
  return inlineSchema({ value: options.schema, stack: [], state: { schemas: options.schemas, budget: { remaining: OUTPUT_SCHEMA_BUDGET } } }) as JsonSchema;
}

function inlineSchema(options: { value: unknown; stack: readonly string[]; state: InlineState }): unknown {
  const { value, stack, state } = options;
  if (Array.isArray(value)) return value.map((item) => inlineSchema({ value: item, stack, state }));
  if (!isPlainObject(value)) return value;
  if (typeof value.$ref === 'string') {
    const ref = value.$ref;
    const name = componentNameOfRef(ref) ?? ref;
    const target = lookupRef({ ref, schemas: state.schemas });
    if (target === undefined || stack.includes(ref) || stack.length >= MAX_OUTPUT_REF_DEPTH || state.budget.remaining <= 0) {
      // Placeholders count too: a wide schema must not emit thousands of them.
      state.budget.remaining -= 1;
      return { title: name };
    }
    const { $ref: _ref, ...siblings } = value;
    const inlined = inlineSchema({ value: target, stack: [...stack, ref], state });
    if (typeof inlined === 'boolean' || Object.keys(siblings).length === 0) return inlined;
    // OAS 3.1 allows keywords beside a ref (`description`); they refine the target.
    return { ...(inlined as object), ...(inlineSchema({ value: siblings, stack, state }) as object) };
  }
  if (state.budget.remaining <= 0) return truncatedSchema(value);
  state.budget.remaining -= 1;
  const entries: Array<[string, unknown]> = [];
  for (const [key, item] of Object.entries(value)) {
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    if (key === 'enum' && Array.isArray(item) && item.length > MAX_OUTPUT_ENUM_VALUES) continue;
    if (DATA_KEYWORDS.has(key)) entries.push([key, cloneJson(item)]);
    else if (NAME_MAPS.has(key) && isPlainObject(item)) {
      entries.push([key, recordFromEntries(Object.entries(item).map(([name, schema]) => [name, inlineSchema({ value: schema, stack, state })]))]);
    } else if (isPlainObject(item) || Array.isArray(item)) entries.push([key, inlineSchema({ value: item, stack, state })]);
    else entries.push([key, item]);
  }
  return recordFromEntries(entries);
}

/** Past the budget a schema keeps only its type and title: enough to say what is there. */
function truncatedSchema(schema: { [key: string]: unknown }): { [key: string]: unknown } {
  return recordFromEntries(
    ['type', 'title'].filter((key) => schema[key] !== undefined).map((key) => [key, cloneJson(schema[key])] as const),
  );
}
