import { SpecwireError, jsonPointer } from '../errors/index.ts';
import type { SpecLimits } from './types.ts';
import { limitExceededMessage } from './limit-message.ts';

/**
 * Walks the parsed value once for depth, node count and cycles (a YAML alias inside its own anchor
 * produces a cyclic object graph). Recursion is safe: it stops at `maxDepth`.
 */
export function checkDocumentSize(options: { file: string; value: unknown; limits: Pick<SpecLimits, 'maxDepth' | 'maxNodes'> }): void {
  const { file, limits } = options;
  const ancestors = new Set<object>();
  const path: string[] = [];
  let nodes = 0;

  const visit = (value: unknown): void => {
    nodes++;
    if (nodes > limits.maxNodes) {
      throw new SpecwireError(limitExceededMessage({ what: 'document node count', actual: `more than ${limits.maxNodes}`, key: 'maxNodes', limit: limits.maxNodes }), { file });
    }
    if (typeof value !== 'object' || value === null) return;
    if (ancestors.has(value)) {
      throw new SpecwireError('the document contains itself (a YAML alias inside its own anchor)', { file, pointer: jsonPointer(...path) });
    }
    if (ancestors.size >= limits.maxDepth) {
      throw new SpecwireError(limitExceededMessage({ what: 'nesting depth', actual: `more than ${limits.maxDepth} levels`, key: 'maxDepth', limit: limits.maxDepth }), { file, pointer: jsonPointer(...path.slice(0, 8)) });
    }
    ancestors.add(value);
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(String(index));
        visit(value[index]);
        path.pop();
      }
    } else {
      for (const key of Object.keys(value)) {
        path.push(key);
        visit((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
    ancestors.delete(value);
  };

  visit(options.value);
}
