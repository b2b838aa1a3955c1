/**
 * Parameters whose declaration defines no wire form. OpenAPI's query and path styles (form,
 * spaceDelimited, pipeDelimited, simple, label, matrix) serialise primitives, arrays of primitives
 * and flat objects; an array of objects, or an object holding objects, has no serialisation under
 * them (only deepObject or a `content` media type could carry it). Whatever the connector sends,
 * the validator then refuses text where the schema wants an object: that is the spec's own
 * contradiction, not a fault of the request.
 */
import type { ErrorObject } from 'ajv';
import { isRecord } from './vendor-spec.ts';

export function splitUnserialisableParameterErrors(options: { errors: readonly ErrorObject[]; parameters: readonly unknown[] }): { errors: ErrorObject[]; contradictions: string[] } {
  const unserialisable = new Map<string, string>();
  for (const parameter of options.parameters) {
    if (!isRecord(parameter) || (parameter.in !== 'query' && parameter.in !== 'path') || typeof parameter.name !== 'string' || parameter.content !== undefined) continue;
    if (parameter.style === 'deepObject') continue;
    const shape = nestedShape(parameter.schema);
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

/** "an array of objects" / "an object holding objects", or `undefined` for a shape the styles can carry. */
function nestedShape(schema: unknown): string | undefined {
  if (!isRecord(schema)) return undefined;
  if (schema.type === 'array' || isRecord(schema.items)) return isObjectSchema(schema.items) ? 'an array of objects' : undefined;
  if (!isObjectSchema(schema)) return undefined;
  const values = [...Object.values(isRecord(schema.properties) ? schema.properties : {}), schema.additionalProperties];
  return values.some((value) => isObjectSchema(value) || (isRecord(value) && value.type === 'array')) ? 'an object holding objects or arrays' : undefined;
}

function isObjectSchema(schema: unknown): boolean {
  return isRecord(schema) && (schema.type === 'object' || (schema.type === undefined && (isRecord(schema.properties) || isRecord(schema.additionalProperties))));
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
