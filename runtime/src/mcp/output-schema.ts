import type { ToolJsonSchema } from '../ai-tools/input-json-schema.ts';
import type { ActionDefinition } from '../definition.ts';

/** JSON Schema's own formats and OpenAPI's: the ones a client's validator may know. */
const KNOWN_FORMATS = new Set([
  'date-time', 'time', 'date', 'duration', 'email', 'idn-email', 'hostname', 'idn-hostname', 'ipv4', 'ipv6',
  'uri', 'uri-reference', 'iri', 'iri-reference', 'uuid', 'uri-template', 'json-pointer', 'relative-json-pointer',
  'regex', 'int32', 'int64', 'float', 'double', 'byte', 'binary', 'password',
]);

/** Keywords whose values are data, not schemas: never rewritten. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example']);

/**
 * MCP requires an output schema to describe an object, and a tool that declares one must return
 * that object as `structuredContent`. So only a JSON response whose schema is an object is declared;
 * arrays, text and files are returned as content alone. Formats no validator knows (specs put prose
 * there) are dropped: clients compile these schemas and warn about each one.
 */
export function mcpOutputSchema(action: ActionDefinition): (ToolJsonSchema & { type: 'object' }) | undefined {
  const schema = action.outputSchema;
  if (action.api.response.type !== 'json' || typeof schema !== 'object' || schema === null) return undefined;
  if (schema.type !== 'object') return undefined;
  return withoutUnknownFormats(schema) as ToolJsonSchema & { type: 'object' };
}

function withoutUnknownFormats(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUnknownFormats);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'format' && typeof child === 'string' && !KNOWN_FORMATS.has(child)) continue;
    // defineProperty: a `__proto__` property name stays an own key, never the prototype.
    Object.defineProperty(out, key, {
      value: DATA_KEYWORDS.has(key) ? child : withoutUnknownFormats(child),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
