import { escapePointerSegment, parsePointerFragment } from '../errors/index.ts';
import { renderPropertyKey } from './render-property-key.ts';
import { renderStringLiteral } from './render-string-literal.ts';

/**
 * `Object.prototype` member names. openapi-typescript's bundler (@redocly/openapi-core) looks every
 * key up as `type.properties[key]` and calls the result when it is a function, so a schema property or
 * component named `valueOf` or `hasOwnProperty` throws inside it (and leaves an unhandled rejection
 * that kills the process).
 */
const OBJECT_MEMBER_NAMES: ReadonlySet<string> = new Set([
  'constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable',
  '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);

export interface ShieldedDocument {
  document: unknown;
  /** Puts the real names back into openapi-typescript's output text. */
  restore(text: string): string;
}

/**
 * Replaces those names, wherever they are keys (and where a schema refers to a key by name: `required`,
 * `discriminator.propertyName`, `$ref` segments), by placeholders no spec text contains; `restore`
 * then writes each placeholder back as the escaped name (`"valueOf"` inside quotes, a property key
 * elsewhere). Works on a copy of plain JSON data.
 */
export function shieldObjectMemberKeys(document: unknown): ShieldedDocument {
  const text = JSON.stringify(document) ?? '';
  let nonce = 0;
  while (text.includes(`SpecwireKey${nonce}x`)) nonce++;
  const placeholders = new Map<string, string>();
  const placeholderOf = (name: string): string => {
    let placeholder = placeholders.get(name);
    if (placeholder === undefined) {
      placeholder = `SpecwireKey${nonce}x${placeholders.size}`;
      placeholders.set(name, placeholder);
    }
    return placeholder;
  };
  const rename = (name: string): string => (OBJECT_MEMBER_NAMES.has(name) ? placeholderOf(name) : name);

  const copy = (value: unknown, parentKey: string | undefined): unknown => {
    if (Array.isArray(value)) {
      return value.map((item) => (parentKey === 'required' && typeof item === 'string' ? rename(item) : copy(item, undefined)));
    }
    if (value === null || typeof value !== 'object') return value;
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      let next: unknown;
      if (key === '$ref' && typeof item === 'string') next = renameRefSegments({ ref: item, rename });
      else if (key === 'propertyName' && parentKey === 'discriminator' && typeof item === 'string') next = rename(item);
      else next = copy(item, key);
      Object.defineProperty(result, rename(key), { value: next, enumerable: true, writable: true, configurable: true });
    }
    return result;
  };

  const shielded = copy(document, undefined);
  return {
    document: shielded,
    restore(output: string): string {
      let restored = output;
      for (const [name, placeholder] of placeholders) {
        restored = restored.split(`"${placeholder}"`).join(renderStringLiteral(name)).split(placeholder).join(renderPropertyKey(name));
      }
      return restored;
    },
  };
}

function renameRefSegments(options: { ref: string; rename: (name: string) => string }): string {
  const segments = options.ref.startsWith('#') ? parsePointerFragment(options.ref) : undefined;
  if (segments === undefined) return options.ref;
  return `#${segments.map((segment) => `/${escapePointerSegment(options.rename(segment))}`).join('')}`;
}
