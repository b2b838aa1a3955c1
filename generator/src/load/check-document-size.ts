import { SpecwireError, jsonPointer } from '../errors/index.ts';
import type { SpecLimits } from './types.ts';
import { limitExceededMessage } from './limit-message.ts';

/** A container being walked: its children still to visit, and the key it sits under. */
interface OpenContainer {
  value: object;
  keys: string[];
  next: number;
  key: string;
}

/**
 * Walks the parsed value once for depth, node count and cycles (a YAML alias inside its own anchor
 * produces a cyclic object graph). Iterative, with its own stack: `--max-depth` may be raised far
 * beyond what the call stack would survive.
 */
export function checkDocumentSize(options: { file: string; value: unknown; limits: Pick<SpecLimits, 'maxDepth' | 'maxNodes'> }): void {
  const { file, limits } = options;
  const ancestors = new Set<object>();
  const open: OpenContainer[] = [];
  let nodes = 0;
  const pointer = (extra?: string): string => jsonPointer(...open.map((entry) => entry.key).slice(1), ...(extra === undefined ? [] : [extra]));

  const enter = (value: unknown, key: string): void => {
    nodes++;
    if (nodes > limits.maxNodes) {
      throw new SpecwireError(limitExceededMessage({ what: 'document node count', actual: `more than ${limits.maxNodes}`, key: 'maxNodes', limit: limits.maxNodes }), { file });
    }
    if (typeof value !== 'object' || value === null) return;
    if (ancestors.has(value)) {
      throw new SpecwireError('the document contains itself (a YAML alias inside its own anchor)', { file, pointer: pointer(open.length === 0 ? undefined : key) });
    }
    if (ancestors.size >= limits.maxDepth) {
      const segments = [...open.map((entry) => entry.key).slice(1), key].slice(0, 8);
      throw new SpecwireError(limitExceededMessage({ what: 'nesting depth', actual: `more than ${limits.maxDepth} levels`, key: 'maxDepth', limit: limits.maxDepth }), { file, pointer: jsonPointer(...segments) });
    }
    ancestors.add(value);
    open.push({ value, keys: Array.isArray(value) ? [] : Object.keys(value), next: 0, key });
  };

  enter(options.value, '');
  while (open.length > 0) {
    const top = open[open.length - 1]!;
    const length = Array.isArray(top.value) ? top.value.length : top.keys.length;
    if (top.next >= length) {
      ancestors.delete(top.value);
      open.pop();
      continue;
    }
    const index = top.next++;
    if (Array.isArray(top.value)) enter(top.value[index], String(index));
    else {
      const key = top.keys[index]!;
      enter((top.value as Record<string, unknown>)[key], key);
    }
  }
}
