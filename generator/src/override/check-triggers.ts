import type { ApiIR } from '../ir/types.ts';
import { operationsByKey } from './match-operation.ts';
import { didYouMean } from './did-you-mean.ts';
import type { TriggerEntry, WebhooksEntry } from './file-types.ts';
import type { TriggerDeclaration } from './types.ts';
import { canonicalEventName } from './canonical-event-name.ts';

type Fail = (message: string, path: Array<string | number>) => never;

/**
 * Checks the names `triggers:` uses: a webhook event must be one the spec declares (webhooks,
 * x-webhooks or a callback; `issues.opened` matches `issues-opened`) or one of `webhooks.events`
 * when those have a declared payload schema; a polled action must name an operation.
 */
export function checkTriggers(options: {
  ir: ApiIR;
  triggers: Record<string, TriggerEntry> | undefined;
  webhooks?: WebhooksEntry;
  fail: Fail;
}): TriggerDeclaration[] {
  const { ir, triggers, fail } = options;
  if (!triggers) return [];
  const names = [...ir.webhooks, ...ir.operations.flatMap((operation) => operation.callbacks)].map((hook) => hook.name);
  const declared = options.webhooks?.payload_schema !== undefined ? (options.webhooks.events ?? []) : [];
  const known = new Set([...names, ...declared].map(canonicalEventName));
  const operations = operationsByKey(ir);
  return Object.entries(triggers).map(([id, trigger]) => {
    if (trigger.webhook === undefined && trigger.polling === undefined) {
      fail(`trigger "${id}" needs "webhook" or "polling"`, ['triggers', id]);
    }
    if (trigger.webhook !== undefined && trigger.polling !== undefined) {
      fail(`trigger "${id}" has both "webhook" and "polling"; choose one`, ['triggers', id]);
    }
    const event = trigger.webhook?.event;
    if (event !== undefined && !known.has(canonicalEventName(event))) {
      const candidates = [...names, ...declared];
      const hint = candidates.length === 0 ? ' (the spec declares no webhooks or callbacks)' : didYouMean({ name: event, candidates });
      fail(`trigger "${id}": webhook event "${event}" is not declared by the spec${hint}`, ['triggers', id, 'webhook', 'event']);
    }
    const action = trigger.polling?.action;
    if (action !== undefined && !operations.has(action)) {
      fail(`trigger "${id}": polling action "${action}" names no operation${didYouMean({ name: action, candidates: operations.keys() })}`, ['triggers', id, 'polling', 'action']);
    }
    return { id, ...trigger };
  });
}
