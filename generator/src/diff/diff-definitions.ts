import type { ActionDefinition, AuthScheme, ConnectorDefinition, TriggerDefinition } from '@specwire/runtime';
import { diffInputSchemas } from './diff-inputs.ts';
import { diffSharedSchemas } from './diff-schemas.ts';
import { diffShownText } from './diff-text.ts';
import type { Change } from './types.ts';

/**
 * The contract changes between two versions of one connector's definition, in a stable order:
 * connector-level (auth, base URL), then actions by id, then triggers, then shared response
 * schemas. Pure: no I/O, no clock.
 * An action whose id changed but whose method and endpoint did not is reported as renamed (breaking:
 * saved workflows call it by id), and its inputs are compared under the new id.
 */
export function diffDefinitions(before: ConnectorDefinition, after: ConnectorDefinition): Change[] {
  const connector = after.name;
  return [
    ...diffShownText({
      before: { display_name: before.display_name, category: before.category, description: before.description },
      after: { display_name: after.display_name, category: after.category, description: after.description },
      kind: 'connector-text-changed',
      connector,
      subject: `connector ${connector}`,
    }),
    ...diffAuth({ before, after, connector }),
    ...diffBaseUrl({ before, after, connector }),
    ...diffActions({ before: before.supported_actions ?? [], after: after.supported_actions ?? [], connector }),
    ...diffTriggers({ before: before.supported_triggers ?? [], after: after.supported_triggers ?? [], connector }),
    ...diffSharedSchemas({ before, after }),
  ];
}

/** A connector package that exists on one side only. */
export function diffConnectorPresence(options: { before?: ConnectorDefinition; after?: ConnectorDefinition }): Change[] {
  const { before, after } = options;
  if (before && !after) {
    return [{ kind: 'connector-removed', breaking: true, connector: before.name, message: `connector ${before.name} was removed` }];
  }
  if (after && !before) {
    const actions = (after.supported_actions ?? []).length;
    return [{ kind: 'connector-added', breaking: false, connector: after.name, message: `connector ${after.name} added with ${actions} action(s)` }];
  }
  return [];
}

interface Sides<T> {
  before: T;
  after: T;
  connector: string;
}

function diffAuth({ before, after, connector }: Sides<ConnectorDefinition>): Change[] {
  const changes: Change[] = [];
  if (before.auth_type !== after.auth_type) {
    changes.push({ kind: 'auth-type-changed', breaking: true, connector, message: `auth type changed from ${before.auth_type} to ${after.auth_type}` });
  }
  const schemesBefore = byId(before.auth ?? []);
  const schemesAfter = byId(after.auth ?? []);
  for (const [id, scheme] of schemesBefore) {
    const next = schemesAfter.get(id);
    if (!next) {
      changes.push({ kind: 'auth-scheme-removed', breaking: true, connector, message: `auth scheme "${id}" (${describeScheme(scheme)}) was removed` });
    } else if (describeScheme(scheme) !== describeScheme(next)) {
      changes.push({
        kind: 'auth-scheme-changed',
        breaking: true,
        connector,
        message: `auth scheme "${id}" changed from ${describeScheme(scheme)} to ${describeScheme(next)}`,
      });
    }
  }
  for (const [id, scheme] of schemesAfter) {
    if (!schemesBefore.has(id)) {
      changes.push({ kind: 'auth-scheme-added', breaking: false, connector, message: `auth scheme "${id}" (${describeScheme(scheme)}) added` });
    }
  }
  const fieldsBefore = new Map((before.auth_fields ?? []).map((field) => [field.key, field]));
  const fieldsAfter = new Map((after.auth_fields ?? []).map((field) => [field.key, field]));
  for (const key of fieldsBefore.keys()) {
    if (!fieldsAfter.has(key)) {
      changes.push({ kind: 'auth-field-removed', breaking: false, connector, message: `credential field "${key}" is no longer asked for` });
    }
  }
  for (const [key, field] of fieldsAfter) {
    const previous = fieldsBefore.get(key);
    if (!previous || (field.required && !previous.required)) {
      // Existing connections lack a newly required credential.
      changes.push({
        kind: 'auth-field-added',
        breaking: field.required,
        connector,
        message: previous ? `credential field "${key}" is now required` : `${field.required ? 'required' : 'optional'} credential field "${key}" added`,
      });
    }
  }
  return changes;
}

/** The parts of a scheme that decide how a request is signed; ids and labels aside. */
function describeScheme(scheme: AuthScheme): string {
  switch (scheme.type) {
    case 'apiKey':
      return `API key in ${scheme.in} "${scheme.name}"`;
    case 'bearer':
      return scheme.scheme ? `bearer (${scheme.scheme})` : 'bearer token';
    case 'basic':
      return 'basic auth';
    case 'oauth2':
      return `OAuth2${scheme.flow ? ` ${scheme.flow}` : ''}${scheme.tokenUrl ? ` via ${scheme.tokenUrl}` : ''}`;
    default:
      return JSON.stringify(scheme);
  }
}

function diffBaseUrl({ before, after, connector }: Sides<ConnectorDefinition>): Change[] {
  const from = before.endpoints?.base_url;
  const to = after.endpoints?.base_url;
  if (from === to) return [];
  return [{ kind: 'base-url-changed', breaking: true, connector, message: `base URL changed from ${from ?? '(none)'} to ${to ?? '(none)'}` }];
}

function diffActions({ before, after, connector }: Sides<ActionDefinition[]>): Change[] {
  const oldById = byId(before);
  const newById = byId(after);
  const removed = before.filter((action) => !newById.has(action.id));
  const added = after.filter((action) => !oldById.has(action.id));
  const renamedTo = matchRenames({ removed, added });
  const renamedFrom = new Map([...renamedTo].map(([from, to]) => [to.id, from]));
  const changes: Change[] = [];
  for (const action of before) {
    const next = newById.get(action.id) ?? renamedTo.get(action.id);
    if (!next) {
      changes.push({ kind: 'action-removed', breaking: true, connector, action: action.id, message: `action ${action.id} (${route(action)}) was removed` });
      continue;
    }
    if (next.id !== action.id) {
      changes.push({
        kind: 'action-renamed',
        breaking: true,
        connector,
        action: next.id,
        message: `action ${action.id} was renamed to ${next.id} (${route(next)})`,
      });
    } else if (route(action) !== route(next) || (action.api?.baseUrl ?? '') !== (next.api?.baseUrl ?? '')) {
      changes.push({
        kind: 'action-endpoint-changed',
        breaking: true,
        connector,
        action: next.id,
        message: `action ${next.id} now calls ${route(next)}${next.api?.baseUrl ? ` on ${next.api.baseUrl}` : ''} instead of ${route(action)}`,
      });
    }
    changes.push(
      ...diffShownText({ before: shownText(action), after: shownText(next), kind: 'action-text-changed', connector, action: next.id, subject: `action ${next.id}` }),
      ...diffInputSchemas({
        before: action.inputSchema ?? {},
        after: next.inputSchema ?? {},
        scope: { connector, action: next.id },
        mapping: { before: action.api?.paramMapping ?? {}, after: next.api?.paramMapping ?? {} },
      }),
    );
  }
  for (const action of added) {
    if (renamedFrom.has(action.id)) continue;
    changes.push({ kind: 'action-added', breaking: false, connector, action: action.id, message: `action ${action.id} (${route(action)}) added` });
  }
  return changes;
}

/** Removed and added actions with the same method and endpoint, when that pairing is unambiguous. */
function matchRenames(options: { removed: ActionDefinition[]; added: ActionDefinition[] }): Map<string, ActionDefinition> {
  const addedByRoute = groupByRoute(options.added);
  const removedByRoute = groupByRoute(options.removed);
  const renames = new Map<string, ActionDefinition>();
  for (const [key, removed] of removedByRoute) {
    const added = addedByRoute.get(key);
    if (removed.length === 1 && added?.length === 1) renames.set(removed[0]!.id, added[0]!);
  }
  return renames;
}

function groupByRoute(actions: ActionDefinition[]): Map<string, ActionDefinition[]> {
  const groups = new Map<string, ActionDefinition[]>();
  for (const action of actions) {
    const key = route(action);
    groups.set(key, [...(groups.get(key) ?? []), action]);
  }
  return groups;
}

function route(action: ActionDefinition): string {
  return `${action.api?.method ?? '?'} ${action.api?.endpoint ?? '?'}`;
}

function diffTriggers({ before, after, connector }: Sides<TriggerDefinition[]>): Change[] {
  const oldById = byId(before);
  const newById = byId(after);
  const changes: Change[] = [];
  for (const trigger of before) {
    const next = newById.get(trigger.id);
    if (!next) {
      changes.push({ kind: 'trigger-removed', breaking: true, connector, action: trigger.id, message: `trigger ${trigger.id} was removed` });
      continue;
    }
    changes.push(
      ...diffShownText({ before: shownText(trigger), after: shownText(next), kind: 'trigger-text-changed', connector, action: next.id, subject: `trigger ${next.id}` }),
      ...diffInputSchemas({ before: trigger.inputSchema ?? {}, after: next.inputSchema ?? {}, scope: { connector, action: next.id } }),
    );
  }
  for (const trigger of after) {
    if (!oldById.has(trigger.id)) {
      changes.push({ kind: 'trigger-added', breaking: false, connector, action: trigger.id, message: `trigger ${trigger.id} (${trigger.eventType}) added` });
    }
  }
  return changes;
}

/** What a host shows of an action or trigger; `category` only actions have. */
function shownText(item: { name: string; description: string; category?: string }): Record<string, string | undefined> {
  return { name: item.name, ...('category' in item ? { category: item.category } : {}), description: item.description };
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
