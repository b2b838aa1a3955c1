export { handleWebhookDelivery, type HandleDeliveryOptions } from './handle-webhook.ts';
export { InMemoryWebhookReplayStore, type WebhookReplayStore } from './replay-store.ts';
export type {
  HandleWebhookOptions,
  WebhookConnectorOptions,
  WebhookEvent,
  WebhookHeaders,
  WebhookRejection,
  WebhookRejectionReason,
  WebhookRequest,
  WebhookResult,
} from './webhook-types.ts';
