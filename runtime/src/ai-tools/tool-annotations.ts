import type { ActionDefinition } from '../definition.ts';

/** MCP's behaviour hints for a tool, read off the action's HTTP semantics. */
export interface ToolBehaviourHints {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  /** Every action talks to an outside API. */
  openWorldHint: true;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/**
 * GET/HEAD only read; DELETE destroys; PUT and DELETE are idempotent by HTTP's definition, and so is
 * a POST/PATCH carrying an idempotency key (the runtime sends the same key on every attempt).
 */
export function actionBehaviourHints(action: ActionDefinition): ToolBehaviourHints {
  const method = action.api.method;
  return {
    title: action.name,
    readOnlyHint: SAFE_METHODS.has(method),
    destructiveHint: method === 'DELETE',
    idempotentHint: IDEMPOTENT_METHODS.has(method) || action.api.idempotencyHeader !== undefined,
    openWorldHint: true,
  };
}
