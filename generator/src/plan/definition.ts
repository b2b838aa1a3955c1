/** The connector definition: metadata, auth, endpoints and the planned actions. */
import type { ConnectorDefinition, ActionDefinition } from '@specwire/runtime';
import type { CuratedApi } from '../override/types.ts';
import type { AuthPlan } from './auth.ts';
import { planEndpoints } from './servers.ts';

export function planDefinition(options: {
  curated: CuratedApi;
  auth: AuthPlan;
  actions: ActionDefinition[];
}): ConnectorDefinition {
  const { curated, auth } = options;
  const meta = curated.connector;
  return {
    name: meta.name,
    display_name: meta.displayName,
    category: meta.category,
    description: meta.description,
    ...(meta.icon !== undefined ? { icon: meta.icon } : {}),
    ...(meta.documentationUrl !== undefined ? { documentation_url: meta.documentationUrl } : {}),
    auth_type: auth.authType,
    auth_fields: auth.fields,
    auth: auth.schemes,
    ...(auth.oauthConfig ? { oauth_config: auth.oauthConfig } : {}),
    endpoints: planEndpoints(curated.servers),
    // Triggers (webhooks, callbacks) are planned later; until then none are offered.
    webhook_support: false,
    ...(curated.rateLimits ? { rate_limits: { ...curated.rateLimits } } : {}),
    supported_actions: options.actions,
    supported_triggers: [],
  };
}
