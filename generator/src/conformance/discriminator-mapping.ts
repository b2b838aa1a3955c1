/**
 * OpenAPI's discriminator chooses the variant by the tag's value: with `mapping: {script: '#/…/Script'}`
 * a value whose `action_type` is `script` is validated against Script alone. ajv knows nothing of
 * this, so a tagged value that fits two variants (both declare `action_type` as `script` or
 * `process_automation`) fails the `oneOf`. Each variant the mapping names is read here as that
 * variant with its tag restricted to the values that choose it (its mapping keys, and its schema name,
 * OpenAPI's implicit mapping), which is what the discriminator means. A variant the mapping does not
 * name is chosen by its schema name, unless it declares the tag property itself: vendors often leave
 * the mapping out and mean the variant's own enum, which then decides as written.
 */
import { forEachObject, resolveLocalRef } from './local-ref.ts';
import { isRecord, type VendorDocument } from './vendor-spec.ts';

export function applyDiscriminatorMappings(document: VendorDocument): void {
  forEachObject(document, (node) => restrictTags({ document, schema: node }));
}

function restrictTags(options: { document: VendorDocument; schema: Record<string, unknown> }): void {
  const { schema } = options;
  const discriminator = schema.discriminator;
  if (!isRecord(discriminator) || typeof discriminator.propertyName !== 'string') return;
  const property = discriminator.propertyName;
  const mapping = Object.entries(isRecord(discriminator.mapping) ? discriminator.mapping : {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const variants = schema[keyword];
    if (!Array.isArray(variants)) continue;
    schema[keyword] = variants.map((variant) => {
      if (!isRecord(variant) || typeof variant.$ref !== 'string') return variant;
      const ref = variant.$ref;
      const name = ref.startsWith('#/components/schemas/') ? decodeName(ref.slice('#/components/schemas/'.length)) : undefined;
      const tags = mapping.filter(([, target]) => target === ref || (name !== undefined && target === name)).map(([tag]) => tag);
      // Unmapped, the tag is the schema's name; a variant that declares the tag property itself
      // (its own enum, often the real tag values) is left to that declaration.
      if (tags.length === 0 && (name === undefined || declares({ document: options.document, schema: variant, name: property, depth: 0 }))) return variant;
      const values = name === undefined || tags.includes(name) ? tags : [...tags, name];
      return { allOf: [variant, { properties: { [property]: { enum: values } } }] };
    });
  }
}

/** Whether the schema (through local references and allOf) declares the property. */
function declares(options: { document: VendorDocument; schema: unknown; name: string; depth: number }): boolean {
  const schema = resolveLocalRef({ document: options.document, value: options.schema });
  if (!isRecord(schema) || options.depth > 12) return false;
  if (isRecord(schema.properties) && Object.hasOwn(schema.properties, options.name)) return true;
  return Array.isArray(schema.allOf) && schema.allOf.some((member) => declares({ ...options, schema: member, depth: options.depth + 1 }));
}

function decodeName(token: string): string {
  try {
    return decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return token;
  }
}
