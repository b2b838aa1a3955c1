/**
 * Webhook triggers: one per event, from the spec's `webhooks` / `x-webhooks`, the callbacks of
 * selected operations, or events the override file declares with a payload schema (Stripe). Event
 * names are matched loosely (`issues.opened` = `issues-opened`); unknown ones fail with a suggestion.
 */
import type { JsonSchema, TriggerDefinition, TriggerWebhook, WebhookValueSource } from '@specwire/runtime';
import { SpecwireError } from '../../errors/index.ts';
import type { OperationIR, SchemaIR, WebhookIR } from '../../ir/types.ts';
import { canonicalEventName } from '../../override/canonical-event-name.ts';
import { didYouMean } from '../../override/did-you-mean.ts';
import type { CuratedApi, TriggerDeclaration } from '../../override/types.ts';
import { chooseRequestMedia } from '../actions/choose-media-type.ts';
import { claimUnique, humanLabel, splitWords } from '../names.ts';
import { planOutputSchema } from '../schemas/output-schema.ts';
import { isPlainObject } from '../schemas/own-record.ts';
import { lookupRef, type SchemaTable } from '../schemas/resolve-schema.ts';

interface EventSource {
  eventType: string;
  kind: TriggerWebhook['source'];
  hook?: WebhookIR;
  /** The operation that declares a callback (its action subscribes). */
  operation?: OperationIR;
  declaration?: TriggerDeclaration;
  /** The event type is the webhook's name: its payload does not say which event it is. */
  unnamed?: boolean;
}

export interface WebhookTriggerContext {
  curated: CuratedApi;
  eventTypeParts: WebhookValueSource[];
  /** Action id of a selected operation; undefined when the operation is not an action. */
  actionIdOf(operation: OperationIR): string | undefined;
  /** Resolves an operationId (or `METHOD /path`) named at `at` to a selected action id, or fails there. */
  requireAction(options: { key: string; at: Array<string | number> }): string;
  taken: Set<string>;
}

/**
 * `namedByDelivery` is false when some spec webhook's payload does not name its event (no single
 * value at the event-type path): deliveries are then told apart by URL, one per trigger.
 */
export function planWebhookTriggers(context: WebhookTriggerContext): { triggers: TriggerDefinition[]; namedByDelivery: boolean } {
  const sources = collectEvents(context);
  const entry = context.curated.webhooks;
  const subscribeAction = entry?.subscribe !== undefined ? context.requireAction({ key: entry.subscribe, at: ['webhooks', 'subscribe'] }) : undefined;
  const unsubscribeAction = entry?.unsubscribe !== undefined ? context.requireAction({ key: entry.unsubscribe, at: ['webhooks', 'unsubscribe'] }) : undefined;
  const triggers = sources.map((source) => {
    const registration: TriggerWebhook =
      source.kind === 'callback'
        ? { source: 'callback', ...optionalAction('subscribeAction', source.operation ? context.actionIdOf(source.operation) : undefined) }
        : { source: source.kind, ...optionalAction('subscribeAction', subscribeAction), ...optionalAction('unsubscribeAction', unsubscribeAction) };
    const outputSchema = payloadSchema({ source, context });
    return {
      id: source.declaration?.id ?? claimUnique({ base: triggerIdOf(source.eventType), taken: context.taken, separator: '_' }),
      name: source.declaration?.name ?? displayName(source),
      description: source.declaration?.description ?? describe(source),
      eventType: source.eventType,
      inputSchema: {},
      ...(outputSchema !== undefined ? { outputSchema } : {}),
      webhookRequired: true,
      pollingEnabled: false,
      webhook: registration,
    };
  });
  return { triggers, namedByDelivery: sources.every((source) => !source.unnamed) };
}

function collectEvents(context: WebhookTriggerContext): EventSource[] {
  const { curated } = context;
  const entry = curated.webhooks;
  const fail = (message: string, at: Array<string | number>): never => {
    throw new SpecwireError(message, curated.locate(at));
  };
  const hooks: EventSource[] = [
    ...firstPerName(curated.ir.webhooks).map((hook) => ({ eventType: '', kind: 'webhooks' as const, hook })),
    ...curated.selected.flatMap(({ operation }) =>
      firstPerName(operation.callbacks).map((hook) => ({ eventType: '', kind: 'callback' as const, hook, operation })),
    ),
  ];
  const byName = new Map<string, EventSource>();
  for (const hook of hooks) if (!byName.has(canonicalEventName(hook.hook!.name))) byName.set(canonicalEventName(hook.hook!.name), hook);
  const resolve = (event: string, at: Array<string | number>): EventSource => {
    const found = byName.get(canonicalEventName(event));
    if (found) return { ...found, eventType: event };
    if (entry?.payload_schema !== undefined) return { eventType: event, kind: 'declared' };
    const names = hooks.map((hook) => hook.hook!.name);
    const hint = names.length === 0 ? ' (the spec declares no webhooks or callbacks; declare webhooks.payload_schema for events it does not describe)' : didYouMean({ name: event, candidates: names });
    return fail(`webhook event "${event}" is not declared by the spec${hint}`, at);
  };

  const chosen: EventSource[] = entry?.events
    ? entry.events.map((event, index) => resolve(event, ['webhooks', 'events', index]))
    : hooks.map((hook) => {
        const derived = deriveEventType({ hook: hook.hook!, parts: context.eventTypeParts, schemas: curated.ir.schemas });
        return { ...hook, eventType: derived ?? hook.hook!.name, ...(derived === undefined ? { unnamed: true } : {}) };
      });
  // `triggers: { id: { webhook: { event } } }` names (and maybe adds) one event.
  for (const declaration of curated.triggers) {
    const event = declaration.webhook?.event;
    if (event === undefined) continue;
    const at = ['triggers', declaration.id, 'webhook', 'event'];
    const index = chosen.findIndex((source) => canonicalEventName(source.eventType) === canonicalEventName(event) || (source.hook && canonicalEventName(source.hook.name) === canonicalEventName(event)));
    if (index >= 0) chosen[index] = { ...chosen[index]!, declaration };
    else chosen.push({ ...resolve(event, at), declaration });
  }
  checkCatalog({ curated, events: chosen.map((source) => source.eventType), fail });
  for (const declaration of curated.triggers) context.taken.add(declaration.id);
  return chosen;
}

/** `webhooks.event_catalog`: the event names must be values of the API's own list (an enum of a request property). */
function checkCatalog(options: { curated: CuratedApi; events: string[]; fail: (message: string, at: Array<string | number>) => never }): void {
  const catalog = options.curated.webhooks?.event_catalog;
  if (!catalog) return;
  const at = ['webhooks', 'event_catalog'];
  const operation = options.curated.ir.operations.find((candidate) => candidate.operationId === catalog.operation || `${candidate.method.toUpperCase()} ${candidate.path}` === catalog.operation);
  if (!operation) options.fail(`webhooks.event_catalog.operation "${catalog.operation}" names no operation`, [...at, 'operation']);
  const media = chooseRequestMedia(operation.requestBody);
  const property = media ? propertySchema({ schema: media.schema, path: [catalog.property], schemas: options.curated.ir.schemas }) : undefined;
  const values = enumValues({ schema: property, schemas: options.curated.ir.schemas });
  if (values.length === 0) options.fail(`webhooks.event_catalog: request property "${catalog.property}" of "${catalog.operation}" lists no event names`, [...at, 'property']);
  const allowed = new Set(values);
  options.events.forEach((event, index) => {
    if (!allowed.has(event)) options.fail(`webhook event "${event}" is not in ${catalog.operation}.${catalog.property}${didYouMean({ name: event, candidates: values })}`, ['webhooks', 'events', index]);
  });
}

/** A spec webhook's event type: the single value its payload allows at the event-type path (`type: email.sent`). */
function deriveEventType(options: { hook: WebhookIR; parts: WebhookValueSource[]; schemas: SchemaTable }): string | undefined {
  const payloadParts = options.parts.filter((part): part is { payload: string } => 'payload' in part);
  const media = chooseRequestMedia(options.hook.requestBody);
  if (payloadParts.length === 1 && options.parts.length === 1 && media) {
    const property = propertySchema({ schema: media.schema, path: payloadParts[0]!.payload.split('.'), schemas: options.schemas });
    const values = enumValues({ schema: property, schemas: options.schemas });
    if (values.length === 1) return values[0]!;
  }
  return undefined;
}

function payloadSchema(options: { source: EventSource; context: WebhookTriggerContext }): JsonSchema | undefined {
  const { source, context } = options;
  const schemas = context.curated.ir.schemas;
  if (source.kind === 'declared') {
    const name = context.curated.webhooks?.payload_schema ?? '';
    if (!Object.hasOwn(schemas, name)) {
      throw new SpecwireError(`webhooks.payload_schema "${name}" is not a component schema${didYouMean({ name, candidates: Object.keys(schemas) })}`, context.curated.locate(['webhooks', 'payload_schema']));
    }
    return planOutputSchema({ schema: { $ref: `#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` }, schemas });
  }
  const media = chooseRequestMedia(source.hook?.requestBody);
  return media ? planOutputSchema({ schema: media.schema, schemas }) : undefined;
}

function propertySchema(options: { schema: SchemaIR | undefined; path: string[]; schemas: SchemaTable }): SchemaIR | undefined {
  let current = resolveRef({ schema: options.schema, schemas: options.schemas });
  for (const key of options.path) {
    if (!isPlainObject(current)) return undefined;
    const found = propertyOf({ schema: current, key, schemas: options.schemas });
    current = resolveRef({ schema: found, schemas: options.schemas });
  }
  return current;
}

function propertyOf(options: { schema: { [key: string]: unknown }; key: string; schemas: SchemaTable }): SchemaIR | undefined {
  const properties = options.schema.properties;
  if (isPlainObject(properties) && Object.hasOwn(properties, options.key)) return properties[options.key] as SchemaIR;
  for (const member of Array.isArray(options.schema.allOf) ? options.schema.allOf : []) {
    const resolved = resolveRef({ schema: member as SchemaIR, schemas: options.schemas });
    if (!isPlainObject(resolved)) continue;
    const found = propertyOf({ schema: resolved, key: options.key, schemas: options.schemas });
    if (found !== undefined) return found;
  }
  return undefined;
}

function resolveRef(options: { schema: SchemaIR | undefined; schemas: SchemaTable }): SchemaIR | undefined {
  let current = options.schema;
  for (let hops = 0; hops < 10 && isPlainObject(current) && typeof current.$ref === 'string'; hops += 1) {
    current = lookupRef({ ref: current.$ref, schemas: options.schemas });
  }
  return current;
}

/** String values a schema allows: `const`, `enum`, or an array's item enum. */
function enumValues(options: { schema: SchemaIR | undefined; schemas: SchemaTable }): string[] {
  const schema = options.schema;
  if (!isPlainObject(schema)) return [];
  if (typeof schema.const === 'string') return [schema.const];
  if (Array.isArray(schema.enum)) return schema.enum.filter((value): value is string => typeof value === 'string');
  if (schema.items !== undefined) return enumValues({ schema: resolveRef({ schema: schema.items as SchemaIR, schemas: options.schemas }), schemas: options.schemas });
  return [];
}

function firstPerName(hooks: readonly WebhookIR[]): WebhookIR[] {
  const seen = new Set<string>();
  return hooks.filter((hook) => !seen.has(hook.name) && seen.add(hook.name) !== undefined);
}

/** `issues.opened` → `issues_opened`; ids start with a letter. */
function triggerIdOf(eventType: string): string {
  const id = splitWords(eventType).map((word) => word.toLowerCase()).join('_').slice(0, 70);
  return /^[a-z]/.test(id) ? id : `on_${id || 'event'}`;
}

/** A short summary (`Email sent`), else the event type in words (`Pull request opened`). */
function displayName(source: EventSource): string {
  const summary = source.hook?.summary?.trim();
  if (summary && summary.length <= 60 && !summary.includes('\n')) return summary;
  const words = humanLabel(source.eventType.replace(/[._/-]+/g, ' ')).toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describe(source: EventSource): string {
  const text = (source.hook?.description ?? source.hook?.summary ?? '').trim().split(/\n\s*\n/)[0]?.trim() ?? '';
  return text === '' ? `Fires on the "${source.eventType}" event.` : text.slice(0, 500);
}

function optionalAction<K extends 'subscribeAction' | 'unsubscribeAction'>(key: K, actionId: string | undefined): Partial<Record<K, string>> {
  return actionId === undefined ? {} : ({ [key]: actionId } as Partial<Record<K, string>>);
}
