import { renderStringLiteral } from './render-string-literal.ts';
import { renderValuePropertyKey } from './render-property-key.ts';
import { escapePointerSegment } from '../errors/index.ts';

/**
 * Renders JSON-like data as a pretty-printed TypeScript expression: objects and arrays with 2-space
 * indentation, keys in their own order, strings through `renderStringLiteral`. Nothing but data can
 * come out: a function, symbol, bigint, class instance, non-finite number or cycle throws, and so does
 * `undefined` in an array (an object property whose value is `undefined` is left out, as JSON does).
 */
export function renderLiteral(value: unknown, options: { indent?: string; where?: string } = {}): string {
  return renderValue({ value, indent: options.indent ?? '', where: options.where ?? '', seen: new Set() });
}

interface RenderState {
  value: unknown;
  indent: string;
  /** JSON pointer of `value` inside the rendered root, for error messages. */
  where: string;
  seen: Set<object>;
}

function renderValue(state: RenderState): string {
  const { value, indent, where, seen } = state;
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return renderStringLiteral(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`renderLiteral: non-finite number at ${where || '/'}`);
      // `-0` would print as `0` in JSON anyway; keep the output JSON-compatible.
      return Object.is(value, -0) ? '0' : String(value);
    case 'object':
      break;
    default:
      throw new TypeError(`renderLiteral: ${typeof value} is not data (at ${where || '/'})`);
  }
  const object = value as object;
  if (seen.has(object)) throw new TypeError(`renderLiteral: cycle at ${where || '/'}`);
  seen.add(object);
  try {
    return Array.isArray(object)
      ? renderArray({ items: object, indent, where, seen })
      : renderObject({ object, indent, where, seen });
  } finally {
    seen.delete(object);
  }
}

function renderArray(options: { items: unknown[]; indent: string; where: string; seen: Set<object> }): string {
  const { items, indent, where, seen } = options;
  if (items.length === 0) return '[]';
  const inner = `${indent}  `;
  const lines = items.map((item, index) => {
    const itemWhere = `${where}/${index}`;
    if (item === undefined) throw new TypeError(`renderLiteral: undefined array item at ${itemWhere}`);
    return `${inner}${renderValue({ value: item, indent: inner, where: itemWhere, seen })},`;
  });
  return `[\n${lines.join('\n')}\n${indent}]`;
}

function renderObject(options: { object: object; indent: string; where: string; seen: Set<object> }): string {
  const { object, indent, where, seen } = options;
  const prototype: unknown = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`renderLiteral: only plain objects are data (at ${where || '/'})`);
  }
  const inner = `${indent}  `;
  const lines: string[] = [];
  for (const [key, item] of Object.entries(object)) {
    if (item === undefined) continue;
    const itemWhere = `${where}/${escapePointerSegment(key)}`;
    lines.push(`${inner}${renderValuePropertyKey(key)}: ${renderValue({ value: item, indent: inner, where: itemWhere, seen })},`);
  }
  return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`;
}
