/**
 * Parameters whose declaration defines no wire form. OpenAPI's query and path styles (form,
 * spaceDelimited, pipeDelimited, simple, label, matrix) serialise primitives, arrays of primitives
 * and flat objects; an array of objects or of arrays, or an object holding objects, has no
 * serialisation under them (only deepObject or a `content` media type could carry it). Whatever the connector sends,
 * the validator then refuses text where the schema wants an object: that is the spec's own
 * contradiction, not a fault of the request. Schemas are read through local `$ref`s and `allOf`
 * (`items: { allOf: [{ $ref: Tag }, { xml }] }` is as much an array of objects as an inline one).
 */
import type { ErrorObject } from 'ajv';
import { flattenSchema } from './schema-shape.ts';
import { isRecord } from './vendor-spec.ts';

export function splitUnserialisableParameterErrors(options: { errors: readonly ErrorObject[]; parameters: readonly unknown[]; document?: unknown }): { errors: ErrorObject[]; contradictions: string[] } {
  const read = (schema: unknown): Record<string, unknown> | undefined => flattenSchema({ schema, document: options.document });
  const unserialisable = new Map<string, string>();
  for (const parameter of options.parameters) {
    if (!isRecord(parameter) || (parameter.in !== 'query' && parameter.in !== 'path') || typeof parameter.name !== 'string' || parameter.content !== undefined) continue;
    if (parameter.style === 'deepObject') continue;
    const shape = nestedShape({ schema: parameter.schema, read });
    if (shape) unserialisable.set(`/${parameter.in}/${escapePointer(parameter.name)}`, `${parameter.in} parameter '${parameter.name}' is ${shape}, which its style (${typeof parameter.style === 'string' ? parameter.style : parameter.in === 'query' ? 'form' : 'simple'}) cannot serialise`);
  }
  const errors: ErrorObject[] = [];
  const contradictions = new Set<string>();
  for (const error of options.errors) {
    const prefix = [...unserialisable.keys()].find((key) => error.instancePath === key || error.instancePath.startsWith(`${key}/`));
    if (prefix === undefined) errors.push(error);
    else contradictions.add(unserialisable.get(prefix)!);
  }
  return { errors, contradictions: [...contradictions] };
}

type SchemaReader = (schema: unknown) => Record<string, unknown> | undefined;

/** "an array of objects" / "an array of arrays" / "an object holding objects", or `undefined` for a shape the styles can carry. */
function nestedShape(options: { schema: unknown; read: SchemaReader }): string | undefined {
  const { read } = options;
  const schema = read(options.schema);
  if (!schema) return undefined;
  if (schema.type === 'array' || schema.items !== undefined) {
    const items = read(schema.items);
    if (isObjectSchema(items)) return 'an array of objects';
    return items?.type === 'array' ? 'an array of arrays' : undefined;
  }
  if (!isObjectSchema(schema)) return undefined;
  const values = [...Object.values(isRecord(schema.properties) ? schema.properties : {}), schema.additionalProperties].map(read);
  return values.some((value) => isObjectSchema(value) || value?.type === 'array') ? 'an object holding objects or arrays' : undefined;
}

function isObjectSchema(schema: Record<string, unknown> | undefined): boolean {
  return schema !== undefined && (schema.type === 'object' || (schema.type === undefined && (isRecord(schema.properties) || isRecord(schema.additionalProperties))));
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
