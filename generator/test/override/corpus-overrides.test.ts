/**
 * Override files for two real specs of the shared corpus (Stripe, Slack), curated to the connector a
 * workflow platform would ship. The corpus is not part of the repository: without it these skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/index.ts';
import { normaliseSpec } from '../../src/normalise/index.ts';
import { applyOverrides, parseOverrides } from '../../src/override/index.ts';
import { describeUnmentioned, planCoverage } from '../../src/plan/coverage.ts';
import { planConnector } from '../../src/plan/index.ts';
import type { ConnectorPlan } from '../../src/plan/types.ts';
import { makeProvenance } from '../plan/factories.ts';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus/specs');
const FIXTURES = join(import.meta.dirname, '../fixtures/overrides');
const corpusPresent = existsSync(CORPUS);

if (!corpusPresent) {
  process.stderr.write(`corpus-overrides: skipped, the shared corpus is not at ${CORPUS}\n`);
}

async function curateCorpusSpec(options: { spec: string; overrides: string }): Promise<{ plan: ConnectorPlan; unmentioned?: string }> {
  const file = `test/fixtures/overrides/${options.overrides}`;
  const overrides = parseOverrides({ file, text: readFileSync(join(FIXTURES, options.overrides), 'utf8') });
  const ir = normaliseSpec(await loadSpec({ file: join(CORPUS, options.spec) }));
  const curated = applyOverrides({ ir, overrides, defaultName: 'corpus' });
  const plan = planConnector({ curated, provenance: makeProvenance() });
  const coverage = planCoverage({ curated, actionIds: plan.actions.map((action) => action.actionId), specSource: options.spec });
  return { plan, unmentioned: describeUnmentioned({ coverage, overridesFile: file }) };
}

function actionOf(plan: ConnectorPlan, id: string) {
  const action = plan.definition.supported_actions.find((candidate) => candidate.id === id);
  if (!action) throw new Error(`no action ${id}`);
  return action;
}

describe.skipIf(!corpusPresent)('corpus specs curated by override files', () => {
  it('Stripe: eleven named actions, a secret key, dynamic customers, hidden expand', { timeout: 120_000 }, async () => {
    const { plan, unmentioned } = await curateCorpusSpec({ spec: 'stripe.yaml', overrides: 'stripe.yaml' });
    expect(unmentioned).toBeUndefined();
    const definition = plan.definition;
    expect(definition.supported_actions.map((action) => `${action.category}/${action.id}`)).toEqual([
      'Account/get_balance',
      'Payments/list_charges',
      'Customers/list_customers',
      'Customers/create_customer',
      'Customers/get_customer',
      'Payments/list_payment_intents',
      'Payments/create_payment',
      'Catalogue/create_price',
      'Catalogue/list_products',
      'Catalogue/create_product',
      'Payments/refund_payment',
    ]);
    expect(definition.auth_type).toBe('bearer_token');
    expect(definition.auth_fields).toEqual([
      { key: 'accessToken', label: 'Secret key', type: 'password', required: true, placeholder: 'sk_live_…', description: 'A restricted or secret API key from the Stripe dashboard.', schemes: ['bearerAuth'] },
    ]);
    expect(definition.connection_test).toEqual({ actionId: 'get_balance' });
    for (const action of definition.supported_actions) expect(action.inputSchema).not.toHaveProperty('expand');
    const payment = actionOf(plan, 'create_payment');
    expect(Object.keys(payment.inputSchema).slice(0, 4)).toEqual(['amount', 'currency', 'customer', 'description']);
    expect(payment.api.defaultValues).toEqual({ currency: 'usd' });
    expect(payment.inputSchema.customer!.loadOptionsSource).toEqual({ action: 'list_customers', itemsPath: 'data', valuePath: 'id', labelPath: 'email' });
    expect(actionOf(plan, 'list_customers').api.defaultValues).toEqual({ limit: 100 });
    expect(actionOf(plan, 'get_customer').inputSchema.customer).toMatchObject({ label: 'Customer', required: true, loadOptionsMethod: 'loadOptions' });
    // Declared pagination and idempotency reach the executable api block the runtime reads.
    expect(actionOf(plan, 'list_customers').api.pagination).toEqual({
      style: 'cursor', cursorParam: 'starting_after', cursorPath: 'id', cursorSource: 'lastItem', hasMorePath: 'has_more', itemsPath: 'data',
    });
    expect(payment.api.idempotencyHeader).toBe('Idempotency-Key');
    expect(actionOf(plan, 'create_customer').api.idempotencyHeader).toBe('Idempotency-Key');
    expect(actionOf(plan, 'list_customers').api.idempotencyHeader).toBeUndefined();
  });

  it('Slack: messaging actions over OAuth2 with the redundant token inputs hidden', { timeout: 120_000 }, async () => {
    const { plan, unmentioned } = await curateCorpusSpec({ spec: 'slack.json', overrides: 'slack.yaml' });
    expect(unmentioned).toBeUndefined();
    const definition = plan.definition;
    expect(definition.auth_type).toBe('oauth2');
    expect(definition.oauth_config).toEqual({
      authorization_url: 'https://slack.com/oauth/v2/authorize',
      token_url: 'https://slack.com/api/oauth.v2.access',
      scopes: ['chat:write', 'channels:read', 'channels:history', 'users:read', 'reactions:write'],
    });
    expect(definition.connection_test).toEqual({ actionId: 'auth_test' });
    for (const action of definition.supported_actions) {
      expect(action.inputSchema, action.id).not.toHaveProperty('token');
      expect(action.api.paramMapping, action.id).not.toHaveProperty('token');
    }
    const send = actionOf(plan, 'chat_post_message');
    expect(send.name).toBe('Send message');
    expect(Object.keys(send.inputSchema).slice(0, 2)).toEqual(['channel', 'text']);
    expect(send.inputSchema.channel!.loadOptionsSource).toEqual({ action: 'conversations_list', itemsPath: 'channels', valuePath: 'id', labelPath: 'name', input: { limit: 200 } });
    expect(actionOf(plan, 'reactions_add').api.paramMapping.emoji).toEqual({ in: 'body', name: 'name' });
    expect(definition.supported_actions.map((action) => `${action.category}/${action.id}`)).toEqual([
      'auth/auth_test',
      'Messages/chat_post_message',
      'Messages/chat_update',
      'Channels/conversations_history',
      'Channels/conversations_info',
      'Channels/conversations_list',
      'Messages/reactions_add',
      'Users/users_info',
      'Users/users_list',
    ]);
  });
});
