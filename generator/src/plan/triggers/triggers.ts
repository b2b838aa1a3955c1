/**
 * Triggers of a connector: webhook events (spec `webhooks`, `x-webhooks`, callbacks, or declared in
 * the override file) and polling triggers on list actions, plus the connector-wide webhook settings
 * the runtime verifies deliveries with. Ids are decided here, like every other name.
 */
import type { ActionDefinition, TriggerDefinition, WebhookSettings } from '@specwire/runtime';
import { SpecwireError } from '../../errors/index.ts';
import type { OperationIR } from '../../ir/types.ts';
import { didYouMean } from '../../override/did-you-mean.ts';
import { operationsByKey } from '../../override/match-operation.ts';
import type { CuratedApi } from '../../override/types.ts';
import { planPollingTriggers } from './triggers-polling.ts';
import { planWebhookSettings } from './triggers-verification.ts';
import { planWebhookTriggers } from './triggers-webhook.ts';

export interface PlannedTriggers {
  triggers: TriggerDefinition[];
  /** Present when any trigger is a webhook. */
  webhooks?: WebhookSettings;
}

/** `actions` are the planned action definitions, in the order of `curated.selected`. */
export function planTriggers(options: { curated: CuratedApi; actions: readonly ActionDefinition[] }): PlannedTriggers {
  const { curated, actions } = options;
  const actionIdOf = (operation: OperationIR): string | undefined => {
    const index = curated.selected.findIndex((entry) => entry.operation === operation);
    return index >= 0 ? actions[index]?.id : undefined;
  };
  const byKey = operationsByKey(curated.ir);
  const requireAction = ({ key, at }: { key: string; at: Array<string | number> }): string => {
    const operation = byKey.get(key);
    if (!operation) throw new SpecwireError(`"${key}" names no operation${didYouMean({ name: key, candidates: byKey.keys() })}`, curated.locate(at));
    const actionId = actionIdOf(operation);
    if (actionId === undefined) throw new SpecwireError(`"${key}" is not an action of this connector; include it in operations`, curated.locate(at));
    return actionId;
  };
  const settings = planWebhookSettings(curated.webhooks);
  const taken = new Set<string>();
  const { triggers: webhookTriggers, namedByDelivery } = planWebhookTriggers({ curated, eventTypeParts: settings.eventType, actionIdOf, requireAction, taken });
  // Deliveries that do not name their event are routed by URL: the runtime then checks no type.
  if (!namedByDelivery && curated.webhooks?.event_type === undefined) settings.eventType = [];
  const pollingTriggers = planPollingTriggers({ curated, requireAction, actions: new Map(actions.map((action) => [action.id, action])) });
  return {
    triggers: [...webhookTriggers, ...pollingTriggers],
    ...(webhookTriggers.length > 0 ? { webhooks: settings } : {}),
  };
}
