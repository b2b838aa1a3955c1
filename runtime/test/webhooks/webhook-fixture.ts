import { createConnector, type BaseConnector, type TriggerDefinition, type WebhookSettings } from '@specwire/runtime';
import { defineConnector } from '../fixtures/define.ts';
import { createTestClock, type TestClock } from '../support/test-clock.ts';

export function webhookTrigger(id: string, eventType: string): TriggerDefinition {
  return { id, name: id, description: '', eventType, inputSchema: {}, webhookRequired: true, pollingEnabled: false, webhook: { source: 'webhooks' } };
}

/** A connector with webhook triggers, a pinned clock and the secret in `credentials.webhookSecret`. */
export function webhookConnector(options: {
  webhooks: WebhookSettings;
  triggers: TriggerDefinition[];
  secret?: string;
  now?: number;
}): { connector: BaseConnector; time: TestClock } {
  const time = createTestClock({ start: options.now ?? Date.parse('2025-01-01T00:00:00Z') });
  const connector = createConnector(
    defineConnector({ name: 'hooks', webhook_support: true, webhooks: options.webhooks, supported_triggers: options.triggers }),
    { credentials: options.secret === undefined ? {} : { webhookSecret: options.secret }, clock: time.clock },
  );
  return { connector, time };
}
