/** The connector definition: metadata, auth, endpoints, the planned actions and triggers. */
import type { ConnectorDefinition, ActionDefinition, AuthField, WebhookSettings } from '@specwire/runtime';
import type { CuratedApi } from '../override/types.ts';
import type { AuthPlan } from './auth.ts';
import { planEndpoints } from './servers.ts';
import { planTriggers } from './triggers.ts';

export function planDefinition(options: {
  curated: CuratedApi;
  auth: AuthPlan;
  actions: ActionDefinition[];
  connectionTest?: { actionId: string };
}): ConnectorDefinition {
  const { curated, auth } = options;
  const meta = curated.connector;
  const { triggers, webhooks } = planTriggers({ curated, actions: options.actions });
  return {
    name: meta.name,
    display_name: meta.displayName,
    category: meta.category,
    description: meta.description,
    ...(meta.icon !== undefined ? { icon: meta.icon } : {}),
    ...(meta.documentationUrl !== undefined ? { documentation_url: meta.documentationUrl } : {}),
    auth_type: auth.authType,
    auth_fields: webhookSecretField({ fields: auth.fields, webhooks }),
    auth: auth.schemes,
    ...(auth.oauthConfig ? { oauth_config: auth.oauthConfig } : {}),
    endpoints: planEndpoints(curated.servers),
    webhook_support: webhooks !== undefined,
    ...(webhooks ? { webhooks } : {}),
    ...(curated.rateLimits ? { rate_limits: { ...curated.rateLimits } } : {}),
    supported_actions: options.actions,
    supported_triggers: triggers,
    ...(options.connectionTest ? { connection_test: { ...options.connectionTest } } : {}),
  };
}

/** Signed webhooks need the signing secret: an optional credential field (hosts without webhooks skip it). */
function webhookSecretField(options: { fields: AuthField[]; webhooks: WebhookSettings | undefined }): AuthField[] {
  const scheme = options.webhooks?.verification?.scheme;
  const key = options.webhooks?.secretCredential ?? 'webhookSecret';
  if (scheme === undefined || scheme === 'none' || options.fields.some((field) => field.key === key)) return options.fields;
  return [
    ...options.fields,
    { key, label: 'Webhook signing secret', type: 'password', required: false, description: 'The secret the API signs webhook deliveries with; needed by webhook triggers only.' },
  ];
}
