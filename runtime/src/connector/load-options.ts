/**
 * Dynamic choices for a field (`inputSchema[field].loadOptionsSource`): run the source action and
 * turn each item of its response into `{ label, value }`. Paths are dotted property names read as
 * own properties only; nothing in the definition is evaluated.
 */
import type { ActionDefinition, FieldOption, LoadOptionsSource } from '../definition.ts';
import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import type { ConnectorResponse } from '../response.ts';

/** What a host may pass: values already in its form, offered to the source action where it takes them. */
export interface LoadOptionsContext {
  input?: Record<string, unknown>;
}

/** `loadOptions` cuts off more choices than this; `loadOptionsPage` pages instead. */
export const MAX_LOADED_OPTIONS = 1000;

/** The field's source, or a configuration error naming what is missing. */
export function findOptionsSource(options: {
  actions: ReadonlyMap<string, ActionDefinition>;
  actionId: string;
  fieldName: string;
}): { source: LoadOptionsSource; sourceAction: ActionDefinition } {
  const { actions, actionId, fieldName } = options;
  const action = actions.get(actionId);
  if (!action) {
    throw new ConnectorError({ code: ErrorCode.unknownAction, message: `unknown action ${JSON.stringify(actionId.slice(0, 200))}` });
  }
  const field = Object.hasOwn(action.inputSchema, fieldName) ? action.inputSchema[fieldName] : undefined;
  const source = field?.loadOptionsSource;
  if (!source) {
    throw new ConnectorError({
      code: ErrorCode.configuration,
      message: `field ${JSON.stringify(fieldName.slice(0, 200))} of action "${action.id}" has no dynamic options`,
    });
  }
  const sourceAction = actions.get(source.action);
  if (!sourceAction) {
    throw new ConnectorError({ code: ErrorCode.configuration, message: `options source action "${source.action}" is not in the definition` });
  }
  return { source, sourceAction };
}

/** The source action's input: its constant input, plus the context values it accepts. */
export function optionsSourceInput(options: {
  source: LoadOptionsSource;
  sourceAction: ActionDefinition;
  context?: LoadOptionsContext;
}): Record<string, unknown> {
  const input: Array<[string, unknown]> = Object.entries(options.source.input ?? {});
  for (const [key, value] of Object.entries(options.context?.input ?? {})) {
    if (Object.hasOwn(options.sourceAction.inputSchema, key) && value !== undefined) input.push([key, value]);
  }
  return Object.fromEntries(input);
}

/** Maps a successful source response to options; a failed one is passed through unchanged. */
export function toFieldOptions(options: { source: LoadOptionsSource; response: ConnectorResponse; limit?: number }): ConnectorResponse<FieldOption[]> {
  const { source, response } = options;
  const limit = options.limit ?? MAX_LOADED_OPTIONS;
  if (!response.success) return response as ConnectorResponse<never>;
  const items = source.itemsPath === undefined ? response.data : readPath({ value: response.data, path: source.itemsPath });
  if (!Array.isArray(items)) {
    const where = source.itemsPath === undefined ? 'the response body' : `"${source.itemsPath}" in the response`;
    const error = new ConnectorError({ code: ErrorCode.configuration, message: `dynamic options: ${where} is not a list` });
    return { success: false, error: error.toErrorInfo(), metadata: response.metadata };
  }
  const choices: FieldOption[] = [];
  const seen = new Set<unknown>();
  for (const item of items) {
    if (choices.length >= limit) break;
    const value = readPath({ value: item, path: source.valuePath });
    if (!isOptionValue(value) || seen.has(value)) continue;
    seen.add(value);
    const label = source.labelPath === undefined ? undefined : readPath({ value: item, path: source.labelPath });
    choices.push({ label: isOptionValue(label) && label !== null ? String(label) : String(value), value });
  }
  return { success: true, data: choices, metadata: response.metadata };
}

function isOptionValue(value: unknown): value is FieldOption['value'] {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null;
}

/** `a.b.c` → value.a.b.c through own properties of plain objects (array indexes allowed); `''` is the value. */
export function readPath(options: { value: unknown; path: string }): unknown {
  if (options.path === '') return options.value;
  let current: unknown = options.value;
  for (const segment of options.path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
