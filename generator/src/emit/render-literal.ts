import { renderStringLiteral } from './render-string-literal.ts';
import { renderValuePropertyKey } from './render-property-key.ts';
import { escapePointerSegment } from '../errors/index.ts';

/**
 * Renders JSON-like data as a pretty-printed TypeScript expression: objects and arrays with 2-space
 * indentation, keys in their own order, strings through `renderStringLiteral`. Nothing but data can
 * come out: a function, symbol, bigint, class instance, non-finite number or cycle throws, and so does
 * `undefined` in an array (an object property whose value is `undefined` is left out, as JSON does).
 */
export function renderLiteral(value: unknown, options: { indent?: string; where?: string; lineWidth?: number } = {}): string {
  return renderValue({ value, indent: options.indent ?? '', where: options.where ?? '', seen: new Set(), lineWidth: options.lineWidth ?? 0 });
}

interface RenderState {
  value: unknown;
  indent: string;
  /** JSON pointer of `value` inside the rendered root, for error messages. */
  where: string;
  seen: Set<object>;
  /**
   * An object or array whose items are all one line goes on one line when it fits this width
   * (indentation included); 0 puts every item on its own line.
   */
  lineWidth: number;
}

function renderValue(state: RenderState): string {
  const { value, indent, where, seen, lineWidth } = state;
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
      ? renderArray({ items: object, indent, where, seen, lineWidth })
      : renderObject({ object, indent, where, seen, lineWidth });
  } finally {
    seen.delete(object);
  }
}

type ContainerOptions = Omit<RenderState, 'value'>;

function renderArray(options: ContainerOptions & { items: unknown[] }): string {
  const { items, indent, where, seen, lineWidth } = options;
  if (items.length === 0) return '[]';
  const inner = `${indent}  `;
  const parts = items.map((item, index) => {
    const itemWhere = `${where}/${index}`;
    if (item === undefined) throw new TypeError(`renderLiteral: undefined array item at ${itemWhere}`);
    return renderValue({ value: item, indent: inner, where: itemWhere, seen, lineWidth });
  });
  return joinParts({ parts, open: '[', close: ']', indent, lineWidth });
}

/** One line (`{ in: "body", name: "id" }`) when every part is one line and it fits; else a line per part. */
function joinParts(options: { parts: string[]; open: string; close: string; indent: string; lineWidth: number }): string {
  const { parts, open, close, indent, lineWidth } = options;
  if (lineWidth > 0 && parts.every((part) => !part.includes('\n'))) {
    const oneLine = open === '{' ? `{ ${parts.join(', ')} }` : `[${parts.join(', ')}]`;
    if (indent.length + oneLine.length <= lineWidth) return oneLine;
  }
  const inner = `${indent}  `;
  return `${open}\n${parts.map((part) => `${inner}${part},`).join('\n')}\n${indent}${close}`;
}

function renderObject(options: ContainerOptions & { object: object }): string {
  const { object, indent, where, seen, lineWidth } = options;
  const prototype: unknown = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`renderLiteral: only plain objects are data (at ${where || '/'})`);
  }
  const inner = `${indent}  `;
  const parts: string[] = [];
  for (const [key, item] of Object.entries(object)) {
    if (item === undefined) continue;
    const itemWhere = `${where}/${escapePointerSegment(key)}`;
    parts.push(`${renderValuePropertyKey(key)}: ${renderValue({ value: item, indent: inner, where: itemWhere, seen, lineWidth })}`);
  }
  return parts.length === 0 ? '{}' : joinParts({ parts, open: '{', close: '}', indent, lineWidth });
}
