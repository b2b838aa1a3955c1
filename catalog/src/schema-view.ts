// Output-schema viewer: a collapsible tree of properties and types, built from a self-contained schema.
import type { JsonSchema } from '@specwire/runtime';
import { h } from './dom.ts';

const MAX_DEPTH = 8;

export function renderSchema(schema: JsonSchema | undefined): HTMLElement {
  if (schema === undefined) return h('p', { class: 'schema-none' }, 'No output schema.');
  return h('div', { class: 'schema-view' }, renderNode({ schema, depth: 0 }));
}

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.oneOf)) return 'oneOf';
  if (Array.isArray(schema.anyOf)) return 'anyOf';
  if (Array.isArray(schema.allOf)) return 'allOf';
  if (schema.properties) return 'object';
  return 'any';
}

function renderNode(options: { schema: JsonSchema; depth: number }): HTMLElement {
  const { schema, depth } = options;
  if (typeof schema === 'boolean') return h('code', {}, String(schema));
  if (depth > MAX_DEPTH) return h('code', {}, '…');
  const list = h('ul', {});
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const [name, child] of Object.entries(properties ?? {})) {
    const childType = typeof child === 'object' ? typeOf(child) : String(child);
    list.append(h('li', {}, h('code', {}, name), required.has(name) ? ' *' : '', ` : ${childType}`, renderChildren({ schema: child, depth })));
  }
  const items = schema.items as JsonSchema | undefined;
  if (items !== undefined) list.append(h('li', {}, 'items: ', typeof items === 'object' ? typeOf(items) : '', renderNode({ schema: items, depth: depth + 1 })));
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    branches.forEach((branch: JsonSchema, index) => list.append(h('li', {}, `${key}[${index}]: `, typeof branch === 'object' ? typeOf(branch) : '', renderNode({ schema: branch, depth: depth + 1 }))));
  }
  return depth === 0 ? h('div', {}, h('code', {}, typeOf(schema)), list) : list;
}

function renderChildren(options: { schema: JsonSchema; depth: number }): HTMLElement | null {
  const { schema } = options;
  if (typeof schema !== 'object') return null;
  if (!schema.properties && !schema.items && !schema.oneOf && !schema.anyOf && !schema.allOf) return null;
  return renderNode({ schema, depth: options.depth + 1 });
}
