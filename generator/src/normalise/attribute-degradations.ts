import type { OperationIR, SchemaIR, Warning } from '../ir/types.ts';
import { escapePointerSegment } from '../errors/index.ts';
import type { NormaliseContext } from './normalise-context.ts';

const COMPONENT_REF_PREFIX = '#/components/schemas/';

/**
 * Tells each operation which degraded parts of the spec it uses, so `coverage.md` can say
 * "degraded: …" on its row: parts inside the operation itself or the shared parameters, bodies and
 * responses its `$ref`s led to (`sources`), and parts inside any component schema it reaches
 * through `$ref`s, however indirectly. Operations are returned as given when nothing was degraded.
 */
export function attributeDegradations(options: {
  context: NormaliseContext;
  operations: OperationIR[];
  sources: Map<OperationIR, Set<string>>;
  schemas: Record<string, SchemaIR>;
  /** Pointer of the spec's own component schemas (`/components/schemas` or `/definitions`). */
  schemaBase: string;
  degradations: Warning[];
}): OperationIR[] {
  const { operations, degradations } = options;
  if (degradations.length === 0) return operations;
  const byComponent = degradationsByComponent(options);
  const refsOf = memoisedComponentRefs(options.schemas);
  return operations.map((operation) => {
    const prefixes = [operation.pointer, ...(options.sources.get(operation) ?? [])];
    const found = new Map<string, Warning>();
    for (const degradation of degradations) {
      if (prefixes.some((prefix) => isUnder({ pointer: degradation.pointer, prefix }))) found.set(keyOf(degradation), degradation);
    }
    if (byComponent.size > 0) {
      for (const name of reachableComponents({ roots: operationSchemas(operation), refsOf })) {
        for (const degradation of byComponent.get(name) ?? []) found.set(keyOf(degradation), degradation);
      }
    }
    if (found.size === 0) return operation;
    const sorted = [...found.values()].sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
    return { ...operation, degradations: sorted };
  });
}

function keyOf(warning: Warning): string {
  return `${warning.pointer}\u0000${warning.message}`;
}

function isUnder(options: { pointer: string; prefix: string }): boolean {
  return options.pointer === options.prefix || options.pointer.startsWith(`${options.prefix}/`);
}

/** Component name → the degradations inside its source (the spec's own or a hoisted schema's). */
function degradationsByComponent(options: {
  context: NormaliseContext;
  schemas: Record<string, SchemaIR>;
  schemaBase: string;
  degradations: Warning[];
}): Map<string, Warning[]> {
  const nameByPointer = new Map<string, string>();
  const hoisted = new Set(options.context.hoistedNames.values());
  for (const name of Object.keys(options.schemas)) {
    if (!hoisted.has(name)) nameByPointer.set(`${options.schemaBase}/${escapePointerSegment(name)}`, name);
  }
  for (const [pointer, name] of options.context.hoistedNames) nameByPointer.set(pointer, name);
  const result = new Map<string, Warning[]>();
  for (const degradation of options.degradations) {
    // The innermost component holding the pointer: try its prefixes from the longest.
    let prefix = degradation.pointer;
    while (prefix !== '') {
      const name = nameByPointer.get(prefix);
      if (name !== undefined) {
        result.set(name, [...(result.get(name) ?? []), degradation]);
        break;
      }
      prefix = prefix.slice(0, prefix.lastIndexOf('/'));
    }
  }
  return result;
}

/** The schemas an operation's inputs and outputs are written with. */
function operationSchemas(operation: OperationIR): SchemaIR[] {
  return [
    ...operation.parameters.map((parameter) => parameter.schema),
    ...(operation.requestBody?.contents.map((content) => content.schema) ?? []),
    ...operation.responses.flatMap((response) => response.contents.map((content) => content.schema)),
    ...operation.callbacks.flatMap((callback) => callback.requestBody?.contents.map((content) => content.schema) ?? []),
  ];
}

function memoisedComponentRefs(schemas: Record<string, SchemaIR>): (name: string) => string[] {
  const cache = new Map<string, string[]>();
  return (name) => {
    let refs = cache.get(name);
    if (refs === undefined) {
      refs = Object.hasOwn(schemas, name) ? componentRefs(schemas[name]!) : [];
      cache.set(name, refs);
    }
    return refs;
  };
}

/** Component names a schema refers to directly (iterative: schemas may nest deeply). */
function componentRefs(schema: SchemaIR): string[] {
  const names = new Set<string>();
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(COMPONENT_REF_PREFIX)) {
        names.add(child.slice(COMPONENT_REF_PREFIX.length).replace(/~1/g, '/').replace(/~0/g, '~'));
      } else stack.push(child);
    }
  }
  return [...names];
}

function reachableComponents(options: { roots: SchemaIR[]; refsOf: (name: string) => string[] }): Set<string> {
  const reached = new Set<string>();
  const queue = options.roots.flatMap((schema) => componentRefs(schema));
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (reached.has(name)) continue;
    reached.add(name);
    queue.push(...options.refsOf(name));
  }
  return reached;
}
