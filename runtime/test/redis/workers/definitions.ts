import type { ConnectorDefinition, TriggerDefinition } from '@specwire/runtime';
import { defineAction, defineConnector, field } from '../../fixtures/define.ts';

/** Shared by the multi-process tests and their workers (no test-runner imports here). */

export function oauthDefinition(options: { tokenUrl: string }): ConnectorDefinition {
  return defineConnector({
    name: 'shared_oauth',
    auth: [
      {
        id: 'oauth',
        type: 'oauth2',
        credential: 'accessToken',
        authorizationUrl: 'https://auth.example.invalid/authorize',
        tokenUrl: options.tokenUrl,
        scopes: ['read'],
      },
    ],
    supported_actions: [defineAction({ api: { security: [['oauth']] } })],
  });
}

export const WEBHOOK_SECRET = 'shared-webhook-secret-0123';

export function webhookDefinition(): ConnectorDefinition {
  const trigger: TriggerDefinition = {
    id: 'issues_opened',
    name: 'issues_opened',
    description: '',
    eventType: 'issues.opened',
    inputSchema: {},
    webhookRequired: true,
    pollingEnabled: false,
    webhook: { source: 'webhooks' },
  };
  return defineConnector({
    name: 'shared_hooks',
    webhook_support: true,
    webhooks: { verification: { scheme: 'github' }, eventType: [{ header: 'X-GitHub-Event' }, { payload: 'action' }], eventId: { header: 'X-GitHub-Delivery' } },
    supported_triggers: [trigger],
  });
}

export function pollingDefinition(options: { baseUrl: string }): ConnectorDefinition {
  const trigger: TriggerDefinition = {
    id: 'new_issue',
    name: 'new_issue',
    description: '',
    eventType: 'poll:list_issues',
    inputSchema: {},
    webhookRequired: false,
    pollingEnabled: true,
    polling: {
      actionId: 'list_issues',
      intervalSeconds: 60,
      dedupeKey: 'id',
      order: 'newest_first',
      input: { per_page: 3, sort: 'created' },
      cursor: { kind: 'timestamp', path: 'created_at' },
    },
  };
  const query = (name: string) => ({ in: 'query' as const, name, style: 'form' as const, explode: true });
  return defineConnector({
    name: 'shared_poll',
    endpoints: { base_url: options.baseUrl, servers: [] },
    supported_actions: [
      defineAction({
        id: 'list_issues',
        inputSchema: { per_page: field('number'), page: field('number'), sort: field('string') },
        api: { endpoint: '/issues', paramMapping: { per_page: query('per_page'), page: query('page'), sort: query('sort') }, pagination: { style: 'link_header' } },
      }),
    ],
    supported_triggers: [trigger],
  });
}
