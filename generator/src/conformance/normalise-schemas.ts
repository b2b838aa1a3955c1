/**
 * Rewrites the two OpenAPI 3.0 schema spellings ajv (draft-07) reads differently, keeping their
 * meaning: boolean `exclusiveMinimum`/`exclusiveMaximum` become the numeric bound, and `nullable`
 * without `type` is dropped (OpenAPI 3.0.3: it then has no effect; ajv refuses to compile it). An
 * untyped enum of booleans or of numbers gets that type, so parameter text is coerced to it. In
 * OpenAPI 3.0 documents, keys beside a `$ref` are dropped, as that version says to ignore them.
 */
export function normaliseSchemaSpellings(root: unknown, options: { refSiblingsIgnored: boolean }): void {
  const stack: unknown[] = [root];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (!Array.isArray(node)) {
      const record = node as Record<string, unknown>;
      // OpenAPI 3.0: "properties adjacent to a $ref SHALL be ignored" (3.1 lets them apply).
      if (options.refSiblingsIgnored && typeof record.$ref === 'string') {
        for (const key of Object.keys(record)) if (key !== '$ref') delete record[key];
        continue;
      }
      rewrite(record);
    }
    for (const child of Object.values(node)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
}

function rewrite(schema: Record<string, unknown>): void {
  if (Object.hasOwn(schema, 'nullable') && !Object.hasOwn(schema, 'type')) delete schema.nullable;
  // `enum: [true]` without `type`: the values are all of one type, so stating it allows the same
  // values, and lets the validator read a parameter's text (`retry=true`) as that type.
  if (!Object.hasOwn(schema, 'type') && Array.isArray(schema.enum) && schema.enum.length > 0) {
    const types = new Set(schema.enum.map((value) => typeof value));
    const [only] = types;
    if (types.size === 1 && (only === 'boolean' || only === 'number')) schema.type = only;
  }
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof schema[exclusive] !== 'boolean') continue;
    if (schema[exclusive] === true && typeof schema[bound] === 'number') {
      schema[exclusive] = schema[bound];
      delete schema[bound];
    } else delete schema[exclusive];
  }
}
