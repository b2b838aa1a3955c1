/**
 * Polling triggers: `triggers.<id>.polling` on a selected list action. The trigger asks the user for
 * the action's inputs except those it fixes (sort order, cursor); its output is one item.
 */
import type { ActionDefinition, InputField, JsonSchema, TriggerDefinition, TriggerPolling } from '@specwire/runtime';
import { SpecwireError } from '../../errors/index.ts';
import type { CuratedApi, TriggerDeclaration } from '../../override/types.ts';
import { suggestInputName } from '../inputs/curate-input.ts';
import { followSharedRef } from '../schemas/output-schema.ts';
import { isPlainObject } from '../schemas/own-record.ts';
import type { SchemaTable } from '../schemas/resolve-schema.ts';

export const DEFAULT_POLL_INTERVAL_SECONDS = 300;

export function planPollingTriggers(options: {
  curated: CuratedApi;
  requireAction(options: { key: string; at: Array<string | number> }): string;
  actions: ReadonlyMap<string, ActionDefinition>;
}): TriggerDefinition[] {
  return options.curated.triggers.flatMap((declaration) => (declaration.polling ? [planPollingTrigger({ ...options, declaration })] : []));
}

function planPollingTrigger(options: {
  curated: CuratedApi;
  declaration: TriggerDeclaration;
  requireAction(options: { key: string; at: Array<string | number> }): string;
  actions: ReadonlyMap<string, ActionDefinition>;
}): TriggerDefinition {
  const { declaration, curated } = options;
  const entry = declaration.polling!;
  const at = ['triggers', declaration.id, 'polling'];
  const actionId = options.requireAction({ key: entry.action, at: [...at, 'action'] });
  const action = options.actions.get(actionId)!;
  const inputNames = Object.keys(action.inputSchema);
  const checkInput = (name: string, where: Array<string | number>): void => {
    if (!inputNames.includes(name)) {
      throw new SpecwireError(`trigger "${declaration.id}": "${name}" is not an input of action "${actionId}"${suggestInputName({ name, names: inputNames })}`, curated.locate(where));
    }
  };
  for (const name of Object.keys(entry.input ?? {})) checkInput(name, [...at, 'input', name]);
  if (entry.cursor?.param !== undefined) checkInput(entry.cursor.param, [...at, 'cursor', 'param']);

  const itemsPath = entry.items_path ?? action.api.pagination?.itemsPath;
  const polling: TriggerPolling = {
    actionId,
    intervalSeconds: entry.interval_seconds ?? DEFAULT_POLL_INTERVAL_SECONDS,
    ...(entry.input && Object.keys(entry.input).length > 0 ? { input: structuredClone(entry.input) } : {}),
    ...(entry.items_path !== undefined ? { itemsPath: entry.items_path } : {}),
    dedupeKey: entry.dedupe_path ?? 'id',
    ...(entry.version_path !== undefined ? { versionPath: entry.version_path } : {}),
    order: entry.order ?? 'newest_first',
    ...(entry.cursor ? { cursor: { kind: entry.cursor.type, path: entry.cursor.path, ...(entry.cursor.param !== undefined ? { param: entry.cursor.param } : {}) } } : {}),
    ...(entry.max_pages !== undefined ? { maxPages: entry.max_pages } : {}),
  };
  const outputSchema = itemSchema({ schema: action.outputSchema, itemsPath, schemas: curated.ir.schemas });
  return {
    id: declaration.id,
    name: declaration.name ?? `New item: ${action.name}`,
    description: declaration.description ?? `Polls "${action.name}" and fires once for each new item.`,
    eventType: `poll:${actionId}`,
    inputSchema: triggerInputs({ action, polling }),
    ...(outputSchema !== undefined ? { outputSchema } : {}),
    webhookRequired: false,
    pollingEnabled: true,
    polling,
  };
}

/** The action's inputs minus what the trigger sets itself: fixed input, the cursor, pagination's own inputs. */
function triggerInputs(options: { action: ActionDefinition; polling: TriggerPolling }): Record<string, InputField> {
  const { action, polling } = options;
  const pagination = action.api.pagination;
  const owned = new Set<string>([
    ...Object.keys(polling.input ?? {}),
    ...(polling.cursor?.param !== undefined ? [polling.cursor.param] : []),
    ...(pagination?.style === 'cursor' ? [pagination.cursorParam] : []),
    ...(pagination?.style === 'offset' ? [pagination.offsetParam] : []),
    ...(pagination?.style === 'page' ? [pagination.pageParam] : []),
  ]);
  return Object.fromEntries(Object.entries(action.inputSchema).filter(([name]) => !owned.has(name)));
}

/** One item of the list: the array at `itemsPath` (or the body array, or its only array property). */
function itemSchema(options: { schema: JsonSchema | undefined; itemsPath: string | undefined; schemas: SchemaTable }): JsonSchema | undefined {
  // Output schemas refer to shared schemas (`#/$defs/<name>`): follow them on the way down.
  const follow = (schema: unknown): unknown => followSharedRef({ schema, schemas: options.schemas });
  let current: unknown = follow(options.schema);
  for (const key of options.itemsPath ? options.itemsPath.split('.') : []) {
    const properties = isPlainObject(current) ? current.properties : undefined;
    current = follow(isPlainObject(properties) && Object.hasOwn(properties, key) ? properties[key] : undefined);
  }
  if (isPlainObject(current) && options.itemsPath === undefined && current.type !== 'array' && isPlainObject(current.properties)) {
    const arrays = Object.values(current.properties).filter((property) => isPlainObject(property) && property.type === 'array');
    if (arrays.length === 1) current = follow(arrays[0]);
  }
  if (isPlainObject(current) && current.type === 'array' && (isPlainObject(current.items) || typeof current.items === 'boolean')) return current.items as JsonSchema;
  return undefined;
}
