import { jsonPointer, parsePointerFragment } from '../errors/index.ts';
import { resolvePointer } from '../load/resolve-pointer.ts';
import { degrade, type NormaliseContext } from './normalise-context.ts';

/**
 * Rewrites a schema `$ref` so it always names `#/components/schemas/<name>`: 2.0 `#/definitions/X`
 * is renamed; a ref to a schema anywhere else (inside a path, a response, another schema's
 * property) is hoisted into a synthetic component whose name is derived from its pointer. Hoisting
 * rather than inlining keeps circular schemas finite and gives every ref one target kind.
 * Returns undefined when the ref cannot be followed (the caller substitutes `{}`).
 */
export function rewriteSchemaRef(options: { context: NormaliseContext; ref: string; pointer: string }): string | undefined {
  const { context, ref, pointer } = options;
  const known = context.rewrittenRefs.get(ref);
  if (known !== undefined) return known;
  const rewritten = rewriteUncached({ context, ref, pointer });
  if (rewritten !== undefined) context.rewrittenRefs.set(ref, rewritten);
  return rewritten;
}

function rewriteUncached(options: { context: NormaliseContext; ref: string; pointer: string }): string | undefined {
  const { context, ref, pointer } = options;
  const segments = ref.startsWith('#') ? parsePointerFragment(ref) : undefined;
  if (segments === undefined) {
    degrade(context, pointer, `schema $ref "${ref}" is not an internal JSON pointer; treated as untyped`);
    return undefined;
  }
  const target = resolvePointer({ root: context.document, fragment: ref });
  if (!target.found) {
    degrade(context, pointer, `schema $ref "${ref}" does not resolve; treated as untyped`);
    return undefined;
  }
  const componentName = directComponentName({ context, segments });
  if (componentName !== undefined) return `#${jsonPointer('components', 'schemas', componentName)}`;
  const sourcePointer = jsonPointer(...segments);
  let name = context.hoistedNames.get(sourcePointer);
  if (name === undefined) {
    name = uniqueSchemaName({ context, base: hoistedBaseName(segments) });
    context.hoistedNames.set(sourcePointer, name);
    context.hoistQueue.push({ name, pointer: sourcePointer, source: target.value });
  }
  return `#${jsonPointer('components', 'schemas', name)}`;
}

function directComponentName(options: { context: NormaliseContext; segments: string[] }): string | undefined {
  const { context, segments } = options;
  if (segments.length !== (context.version === '2.0' ? 2 : 3)) return undefined;
  if (context.version === '2.0') return segments[0] === 'definitions' ? segments[1] : undefined;
  return segments[0] === 'components' && segments[1] === 'schemas' ? segments[2] : undefined;
}

/** `/paths/~1pets/get/responses/200/schema` → `paths_pets_get_responses_200_schema`. */
function hoistedBaseName(segments: string[]): string {
  const words = segments
    .map((segment) => segment.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, ''))
    .filter((word) => word !== '');
  return words.join('_') || 'schema';
}

export function uniqueSchemaName(options: { context: NormaliseContext; base: string }): string {
  const { context, base } = options;
  let name = base;
  for (let suffix = 2; context.schemaNames.has(name); suffix++) name = `${base}_${suffix}`;
  context.schemaNames.add(name);
  return name;
}
