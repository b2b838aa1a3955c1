import type { ToolJsonSchema } from '../ai-tools/input-json-schema.ts';
import type { ActionDefinition, ConnectorDefinition, JsonSchema } from '../definition.ts';

/** JSON Schema's own formats and OpenAPI's: the ones a client's validator may know. */
const KNOWN_FORMATS = new Set([
  'date-time', 'time', 'date', 'duration', 'email', 'idn-email', 'hostname', 'idn-hostname', 'ipv4', 'ipv6',
  'uri', 'uri-reference', 'iri', 'iri-reference', 'uuid', 'uri-template', 'json-pointer', 'relative-json-pointer',
  'regex', 'int32', 'int64', 'float', 'double', 'byte', 'binary', 'password',
]);

/** Keywords whose values are data, not schemas: never rewritten or searched for refs. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example']);

const SHARED_REF = /^#\/\$defs\/(.+)$/;
/** A chain of root refs (`A` → `B` → …) longer than this is not followed. */
const MAX_ROOT_HOPS = 8;

type ObjectOutputSchema = ToolJsonSchema & { type: 'object' };

/**
 * The output schema an MCP tool declares. MCP requires it to describe an object, and a tool that
 * declares one must return that object as `structuredContent`; so only a JSON response whose
 * schema is (or refers to) an object is declared, while arrays, text and files are content alone.
 * The schema is self-contained with only the shared schemas (`definition.schemas`) it reaches, so
 * a listing does not repeat the whole map per tool. Formats no validator knows (specs put prose
 * there) are dropped: clients compile these schemas and warn about each one.
 */
export function mcpOutputSchema(options: { definition: ConnectorDefinition; action: ActionDefinition }): ObjectOutputSchema | undefined {
  const { action } = options;
  const shared = options.definition.schemas ?? {};
  if (action.api.response.type !== 'json') return undefined;
  const root = resolveRoot({ schema: action.outputSchema, shared });
  if (!root || root.type !== 'object') return undefined;
  const defs = reachableShared({ schema: root, shared });
  const whole = Object.keys(defs).length > 0 ? { ...root, $defs: defs } : root;
  return withoutUnknownFormats(whole) as ObjectOutputSchema;
}

/** The root schema with `$ref`s to shared schemas replaced by their target (siblings kept). */
function resolveRoot(options: { schema: JsonSchema | undefined; shared: Record<string, JsonSchema> }): ToolJsonSchema | undefined {
  let current = options.schema;
  for (let hop = 0; hop <= MAX_ROOT_HOPS; hop += 1) {
    if (typeof current !== 'object' || current === null) return undefined;
    const name = sharedName(current.$ref);
    if (name === undefined) return current;
    const target = Object.hasOwn(options.shared, name) ? options.shared[name] : undefined;
    if (typeof target !== 'object' || target === null) return undefined;
    const { $ref: _ref, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  return undefined;
}

/** Every shared schema the given one reaches through `#/$defs/<name>` refs, transitively. */
function reachableShared(options: { schema: ToolJsonSchema; shared: Record<string, JsonSchema> }): Record<string, JsonSchema> {
  const found: Record<string, JsonSchema> = {};
  const pending: unknown[] = [options.schema];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      if (DATA_KEYWORDS.has(key)) continue;
      const name = key === '$ref' ? sharedName(child) : undefined;
      if (name !== undefined && !Object.hasOwn(found, name) && Object.hasOwn(options.shared, name)) {
        const target = options.shared[name]!;
        Object.defineProperty(found, name, { value: target, enumerable: true, writable: true, configurable: true });
        pending.push(target);
      } else if (typeof child === 'object') {
        pending.push(child);
      }
    }
  }
  return found;
}

/** `#/$defs/a~1b` → `a/b` (a JSON Pointer segment); undefined for any other ref. */
function sharedName(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const match = SHARED_REF.exec(ref);
  if (!match || match[1]!.includes('/')) return undefined;
  return match[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
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
