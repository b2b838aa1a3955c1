/**
 * Triggers planned from real vendor documents, then run by the runtime with deliveries signed the
 * way each vendor documents: GitHub (committed override, @octokit/openapi-webhooks), and from the
 * shared corpus Stripe (declared events), Resend (3.1 webhooks, Svix) and OpenAI (3.1 webhooks,
 * Standard Webhooks). Without the corpus the corpus cases skip.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConnector, type ConnectorDefinition, type JsonSchema } from '@specwire/runtime';
import { loadSpec } from '../../src/load/index.ts';
import { normaliseSpec } from '../../src/normalise/index.ts';
import { mergeSources } from '../../src/merge/index.ts';
import { applyOverrides, loadOverrides, parseOverrides } from '../../src/override/index.ts';
import { planConnector } from '../../src/plan/index.ts';
import { makeProvenance } from './factories.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const CORPUS = resolve(ROOT, '../shared/corpus/specs');
const FIXTURES = join(import.meta.dirname, '../fixtures/overrides');
const corpusPresent = existsSync(CORPUS);
if (!corpusPresent) process.stderr.write(`triggers-vendors: corpus cases skipped, the shared corpus is not at ${CORPUS}\n`);

async function definitionFor(options: { spec: string; overridesFile: string; overridesText?: string }): Promise<ConnectorDefinition> {
  const overrides = options.overridesText !== undefined ? parseOverrides({ file: options.overridesFile, text: options.overridesText }) : await loadOverrides(options.overridesFile);
  const loaded = await mergeSources({ loaded: await loadSpec({ file: options.spec }), overrides, workspaceRoot: ROOT });
  const curated = applyOverrides({ ir: normaliseSpec(loaded), overrides, defaultName: 'vendor' });
  return planConnector({ curated, provenance: makeProvenance() }).definition;
}

function corpusDefinition(spec: string, fixture: string): Promise<ConnectorDefinition> {
  const file = join(FIXTURES, fixture);
  return definitionFor({ spec: join(CORPUS, spec), overridesFile: file, overridesText: readFileSync(file, 'utf8') });
}

const summary = (definition: ConnectorDefinition) => definition.supported_triggers.map((trigger) => `${trigger.id} ← ${trigger.eventType}`);

describe('GitHub triggers (overrides/github.yaml)', () => {
  it('plans webhook events from @octokit/openapi-webhooks and polling triggers, and verifies a real delivery', { timeout: 120_000 }, async () => {
    const definition = await definitionFor({
      spec: join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json'),
      overridesFile: join(ROOT, 'overrides/github.yaml'),
    });
    expect(summary(definition)).toEqual([
      'issues_opened ← issues.opened',
      'issues_closed ← issues.closed',
      'issue_comment_created ← issue_comment.created',
      'pull_request_opened ← pull_request.opened',
      'pull_request_closed ← pull_request.closed',
      'push ← push',
      'release_published ← release.published',
      'new_issue ← poll:issues_list_for_repo',
      'new_release ← poll:repos_list_releases',
    ]);
    expect(definition.webhooks).toEqual({
      verification: { scheme: 'github' },
      eventType: [{ header: 'X-GitHub-Event' }, { payload: 'action' }],
      eventId: { header: 'X-GitHub-Delivery' },
    });
    const opened = definition.supported_triggers[0]!;
    expect(opened.webhook).toEqual({ source: 'webhooks', subscribeAction: 'repos_create_webhook', unsubscribeAction: 'repos_delete_webhook' });
    expect(sharedSchemaAt({ definition, schema: opened.outputSchema })).toMatchObject({ type: 'object', properties: { action: { enum: ['opened'] }, issue: expect.any(Object) } });
    // Each vendor schema is written once and stays small: descriptions dropped, wide schemas truncated.
    for (const schema of Object.values(definition.schemas ?? {})) expect(JSON.stringify(schema).length).toBeLessThan(40_000);
    const newIssue = definition.supported_triggers.find((trigger) => trigger.id === 'new_issue')!;
    expect(newIssue.polling).toMatchObject({ actionId: 'issues_list_for_repo', cursor: { kind: 'timestamp', path: 'created_at', param: 'since' } });
    expect(newIssue.inputSchema).toHaveProperty('owner');
    expect(newIssue.inputSchema).not.toHaveProperty('since');
    expect(newIssue.inputSchema).not.toHaveProperty('sort');

    const secret = 'generated-github-secret';
    const connector = createConnector(definition, { credentials: { webhookSecret: secret } });
    const body = JSON.stringify({ action: 'published', release: { tag_name: 'v1.0.0' } });
    const headers = { 'x-github-event': 'release', 'x-github-delivery': 'd-1', 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` };
    expect(await connector.handleWebhook('release_published', { headers, rawBody: body })).toMatchObject({ ok: true, event: { type: 'release.published', id: 'd-1' } });
    expect(await connector.handleWebhook('issues_opened', { headers: { ...headers, 'x-github-delivery': 'd-2' }, rawBody: body })).toMatchObject({ ok: false, reason: 'wrong_event_type' });
  });
});

describe.skipIf(!corpusPresent)('corpus vendors', () => {
  it('Stripe: declared events checked against PostWebhookEndpoints, registration, and a polled event list', { timeout: 120_000 }, async () => {
    const definition = await corpusDefinition('stripe.yaml', 'stripe-triggers.yaml');
    expect(summary(definition)).toEqual([
      'customer_created ← customer.created',
      'customer_updated ← customer.updated',
      'payment_succeeded ← payment_intent.succeeded',
      'invoice_paid ← invoice.paid',
      'charge_refunded ← charge.refunded',
      'new_event ← poll:list_events',
    ]);
    const created = definition.supported_triggers[0]!;
    expect(created.webhook).toEqual({ source: 'declared', subscribeAction: 'create_webhook_endpoint', unsubscribeAction: 'delete_webhook_endpoint' });
    expect(sharedSchemaAt({ definition, schema: created.outputSchema })).toMatchObject({ type: 'object', properties: { type: { type: 'string' }, data: expect.any(Object) } });
    expect(definition.webhooks).toEqual({ verification: { scheme: 'stripe' }, eventType: [{ payload: 'type' }], eventId: { payload: 'id' } });
    expect(sharedSchemaAt({ definition, schema: definition.supported_triggers[5]!.outputSchema })).toMatchObject({ properties: { id: { type: 'string' } } });

    const secret = 'whsec_corpus';
    const connector = createConnector(definition, { credentials: { webhookSecret: secret } });
    const body = JSON.stringify({ id: 'evt_1', type: 'invoice.paid', data: { object: {} } });
    const t = Math.floor(Date.now() / 1000);
    const headers = { 'stripe-signature': `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}` };
    expect(await connector.handleWebhook('invoice_paid', { headers, rawBody: body })).toMatchObject({ ok: true, event: { id: 'evt_1' } });

    const misspelt = readFileSync(join(FIXTURES, 'stripe-triggers.yaml'), 'utf8').replace('- invoice.paid', '- invoice.payd');
    await expect(definitionFor({ spec: join(CORPUS, 'stripe.yaml'), overridesFile: 'stripe-triggers.yaml', overridesText: misspelt })).rejects.toThrow(
      /webhook event "invoice.payd" is not in PostWebhookEndpoints.enabled_events \(did you mean "invoice.paid"\?\)/,
    );
  });

  it('Resend: every 3.1 webhook, typed by its payload, verified the Svix way', { timeout: 60_000 }, async () => {
    const definition = await corpusDefinition('resend.yaml', 'resend.yaml');
    const triggers = summary(definition);
    expect(triggers).toContain('email_sent ← email.sent');
    expect(triggers).toContain('contact_created ← contact.created');
    expect(triggers).toContain('domain_deleted ← domain.deleted');
    expect(triggers.length).toBe(17);
    expect(definition.supported_triggers[0]).toMatchObject({ name: 'Email sent', webhook: { source: 'webhooks', subscribeAction: 'webhooks_create', unsubscribeAction: 'webhooks_remove' } });
    expect(definition.webhooks).toEqual({ verification: { scheme: 'svix' }, eventType: [{ payload: 'type' }] });

    const key = Buffer.from('resend-corpus-key');
    const connector = createConnector(definition, { credentials: { webhookSecret: `whsec_${key.toString('base64')}` } });
    const body = JSON.stringify({ type: 'email.sent', created_at: '2025-01-01T00:00:00Z', data: {} });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', key).update(`msg_1.${timestamp}.${body}`).digest('base64');
    const headers = { 'svix-id': 'msg_1', 'svix-timestamp': timestamp, 'svix-signature': `v1,${signature}` };
    expect(await connector.handleWebhook('email_sent', { headers, rawBody: body })).toMatchObject({ ok: true, event: { type: 'email.sent', id: 'msg_1' } });
  });

  it('OpenAI: every 3.1 webhook, the event type read from each payload (batch_cancelled → batch.cancelled)', { timeout: 120_000 }, async () => {
    const definition = await corpusDefinition('openai.yaml.gz', 'openai.yaml');
    const triggers = summary(definition);
    expect(triggers).toContain('batch_cancelled ← batch.cancelled');
    expect(triggers).toContain('response_completed ← response.completed');
    expect(triggers.length).toBe(16);
    for (const trigger of definition.supported_triggers) expect(trigger.webhook).toEqual({ source: 'webhooks' });
    expect(definition.webhooks).toEqual({ verification: { scheme: 'standard-webhooks' }, eventType: [{ payload: 'type' }] });
  });
});

/** The shared schema an output schema refers to at its root (`{ $ref: "#/$defs/<name>" }`). */
function sharedSchemaAt(options: { definition: ConnectorDefinition; schema: JsonSchema | undefined }): JsonSchema | undefined {
  const ref = typeof options.schema === 'object' ? options.schema.$ref : undefined;
  const name = typeof ref === 'string' ? /^#\/\$defs\/(.+)$/.exec(ref)?.[1] : undefined;
  expect(name, 'the output schema refers to a shared schema').toBeDefined();
  return options.definition.schemas?.[name!];
}
