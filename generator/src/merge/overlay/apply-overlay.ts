/**
 * OpenAPI Overlay 1.0: an ordered list of actions, each a JSONPath `target` with `update` (merged
 * into every selected object, appended to every selected array) or `remove: true`. Applied to a copy
 * of the spec document before normalising. A target that selects nothing is an error: an overlay
 * written for another version of the spec must not pass silently.
 */
import { readFile } from 'node:fs/promises';
import { SpecwireError } from '../../errors/index.ts';
import type { SpecDocument } from '../../load/types.ts';
import { MAX_ALIAS_COUNT } from '../../override/load-overrides.ts';
import { locateNode, parsePositionedYaml } from '../../override/yaml-positions.ts';
import { JsonPathError, parseJsonPath, selectJsonPath, type Segment } from './json-path.ts';

export interface OverlayAction {
  target: Segment[];
  /** The target as written, for messages. */
  targetText: string;
  update?: unknown;
  remove: boolean;
  /** Position of the action in the overlay file. */
  at: { line: number; column: number };
}

export interface LoadedOverlay {
  file: string;
  actions: OverlayAction[];
}

const ACTION_KEYS = new Set(['target', 'description', 'update', 'remove']);
const TOP_KEYS = new Set(['overlay', 'info', 'extends', 'actions']);

export async function loadOverlay(file: string): Promise<LoadedOverlay> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new SpecwireError('cannot read overlay file', { file });
  }
  return parseOverlay({ file, text });
}

/** Parses and checks an overlay document (YAML or JSON); errors carry file:line:column. */
export function parseOverlay(options: { file: string; text: string }): LoadedOverlay {
  const { file, text } = options;
  const { data, document, at } = parsePositionedYaml({ file, text, maxAliasCount: MAX_ALIAS_COUNT });
  const locate = (path: Array<string | number>, target: 'key' | 'auto' = 'auto') => ({ file, ...locateNode({ document, path, at, target }) });
  const fail = (message: string, path: Array<string | number>, target?: 'key'): never => {
    throw new SpecwireError(message, locate(path, target));
  };
  if (!isRecord(data)) return fail('an overlay must be a mapping with "overlay", "info" and "actions"', []);
  for (const key of Object.keys(data)) {
    if (!TOP_KEYS.has(key) && !key.startsWith('x-')) fail(`unknown key "${key}" in the overlay (expected overlay, info, extends, actions or x-…)`, [key], 'key');
  }
  if (typeof data.overlay !== 'string' || !/^1\.0\.\d+$/.test(data.overlay)) {
    fail('"overlay" must be the Overlay Specification version 1.0.x, e.g. "1.0.0"', ['overlay']);
  }
  const info = data.info;
  if (!isRecord(info) || typeof info.title !== 'string' || typeof info.version !== 'string') {
    fail('"info" must have a "title" and a "version" (strings)', ['info']);
  }
  if (!Array.isArray(data.actions) || data.actions.length === 0) fail('"actions" must be a non-empty list', ['actions']);
  const actions = (data.actions as unknown[]).map((raw, index): OverlayAction => {
    const where = ['actions', index];
    if (!isRecord(raw)) return fail(`actions[${index}] must be a mapping with "target" and "update" or "remove"`, where);
    for (const key of Object.keys(raw)) {
      if (!ACTION_KEYS.has(key) && !key.startsWith('x-')) {
        fail(`unknown key "${key}" in actions[${index}] (expected target, description, update, remove or x-…)`, [...where, key], 'key');
      }
    }
    if (typeof raw.target !== 'string') return fail(`actions[${index}] needs a "target" (a JSONPath starting with $)`, where);
    let target: Segment[];
    try {
      target = parseJsonPath(raw.target);
    } catch (error) {
      if (!(error instanceof JsonPathError)) throw error;
      return fail(`actions[${index}].target "${raw.target}" is not a supported JSONPath: ${error.message}`, [...where, 'target']);
    }
    if (raw.remove !== undefined && typeof raw.remove !== 'boolean') fail(`actions[${index}].remove must be true or false`, [...where, 'remove']);
    const remove = raw.remove === true;
    if (remove && raw.update !== undefined) fail(`actions[${index}] has both "update" and "remove: true"; split it into two actions`, where);
    if (!remove && raw.update === undefined) fail(`actions[${index}] needs "update" or "remove: true"`, where);
    return { target, targetText: raw.target, ...(remove ? {} : { update: raw.update }), remove, at: locate(where) };
  });
  return { file, actions };
}

/** The document with every action applied in order; the input is not modified. */
export function applyOverlay(options: { document: SpecDocument; overlay: LoadedOverlay }): SpecDocument {
  const { overlay } = options;
  const root: { document: unknown } = { document: structuredClone(options.document) };
  overlay.actions.forEach((action, index) => {
    const where = { file: overlay.file, ...action.at };
    const nodes = selectJsonPath({ document: root.document, path: action.target });
    if (nodes.length === 0) throw new SpecwireError(`actions[${index}].target "${action.targetText}" selects nothing in the spec`, where);
    if (action.remove) {
      if (nodes.some((node) => node.parent === undefined)) throw new SpecwireError(`actions[${index}] cannot remove the whole document`, where);
      // Array items from the end, so earlier indexes stay valid.
      const ordered = [...nodes].sort((a, b) => (typeof a.key === 'number' && typeof b.key === 'number' ? b.key - a.key : 0));
      for (const node of ordered) {
        if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1);
        else if (node.parent) delete node.parent[node.key as string];
      }
      return;
    }
    for (const node of nodes) {
      if (Array.isArray(node.value)) {
        const items = Array.isArray(action.update) ? action.update : [action.update];
        node.value.push(...items.map((item) => structuredClone(item)));
      } else if (isRecord(node.value) && isRecord(action.update)) {
        mergeInto({ target: node.value, update: action.update });
      } else {
        throw new SpecwireError(
          `actions[${index}].target "${action.targetText}" selects a ${describe(node.value)}; update needs an object target (with an object update) or an array target`,
          where,
        );
      }
    }
  });
  if (!isRecord(root.document)) throw new SpecwireError('the overlay left no document', { file: overlay.file });
  return root.document;
}

/** Objects merge recursively; anything else replaces. Keys are defined as own data properties. */
function mergeInto(options: { target: Record<string, unknown>; update: Record<string, unknown> }): void {
  for (const [key, value] of Object.entries(options.update)) {
    const existing = Object.hasOwn(options.target, key) ? options.target[key] : undefined;
    if (isRecord(existing) && isRecord(value)) {
      mergeInto({ target: existing, update: value });
    } else {
      Object.defineProperty(options.target, key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : `${typeof value} value`;
}
