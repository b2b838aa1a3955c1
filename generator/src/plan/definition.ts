/** The connector definition: metadata, auth, endpoints, the planned actions and triggers. */
import type { ConnectorDefinition, ActionDefinition, AuthField, ConnectionTest, InputField, WebhookSettings } from '@specwire/runtime';
import type { CuratedApi } from '../override/types.ts';
import type { AuthPlan } from './auth.ts';
import { planSharedSchemas } from './schemas/output-schema.ts';
import { planEndpoints } from './servers.ts';
import { planTriggers } from './triggers/triggers.ts';

export function planDefinition(options: {
  curated: CuratedApi;
  auth: AuthPlan;
  actions: ActionDefinition[];
  connectionTest?: ConnectionTest;
}): ConnectorDefinition {
  const { curated, auth } = options;
  const meta = curated.connector;
  const actions = options.actions.map(withoutDefaults);
  const { triggers, webhooks } = planTriggers({ curated, actions });
  const schemas = planSharedSchemas({
    roots: [...actions.map((action) => action.outputSchema), ...triggers.map((trigger) => trigger.outputSchema)],
    schemas: curated.ir.schemas,
  });
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
    ...(curated.retry?.maxAttempts !== undefined ? { retry: { maxAttempts: curated.retry.maxAttempts } } : {}),
    supported_actions: actions,
    supported_triggers: triggers,
    ...(options.connectionTest ? { connection_test: structuredClone(options.connectionTest) } : {}),
    ...(Object.keys(schemas).length > 0 ? { schemas } : {}),
  };
}

/**
 * An action without the values its readers assume when they are absent (no constant headers, an
 * input that is not required), so the definition says only what is particular to the action.
 */
function withoutDefaults(action: ActionDefinition): ActionDefinition {
  const { headers, ...api } = action.api;
  return {
    ...action,
    api: headers !== undefined && Object.keys(headers).length > 0 ? { ...api, headers } : api,
    inputSchema: Object.fromEntries(Object.entries(action.inputSchema).map(([name, field]) => [name, fieldWithoutDefaults(field)])),
  };
}

function fieldWithoutDefaults(field: InputField): InputField {
  const { required, properties, itemSchema, variants, additionalProperties, ...rest } = field;
  return {
    ...rest,
    ...(required ? { required } : {}),
    ...(properties ? { properties: Object.fromEntries(Object.entries(properties).map(([name, inner]) => [name, fieldWithoutDefaults(inner)])) } : {}),
    ...(additionalProperties !== undefined ? { additionalProperties: typeof additionalProperties === 'boolean' ? additionalProperties : fieldWithoutDefaults(additionalProperties) } : {}),
    ...(itemSchema ? { itemSchema: fieldWithoutDefaults(itemSchema) } : {}),
    ...(variants ? { variants: variants.map((variant) => ({ ...variant, field: fieldWithoutDefaults(variant.field) })) } : {}),
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
