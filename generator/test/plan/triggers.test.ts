/** Planning triggers from IR + override file: ids, event types, payload schemas, registration, polling. */
import { describe, expect, it } from 'vitest';
import type { ApiIR, WebhookIR } from '../../src/ir/types.ts';
import { applyOverrides, parseOverrides } from '../../src/override/index.ts';
import { planConnector } from '../../src/plan/index.ts';
import { makeApi, makeBody, makeOperation, makeParameter, makeProvenance, makeResponse } from './factories.ts';

function hook(name: string, schema: WebhookIR['requestBody'] extends infer B ? B : never, extra: Partial<WebhookIR> = {}): WebhookIR {
  return { name, pointer: `/webhooks/${name}/post`, method: 'post', ...(schema ? { requestBody: schema } : {}), ...extra };
}

const orderSchema = { type: 'object', properties: { type: { type: 'string', const: 'order.paid' }, id: { type: 'string' } } };

const listOrders = makeOperation({
  operationId: 'listOrders',
  path: '/orders',
  parameters: [makeParameter({ name: 'since' }), makeParameter({ name: 'sort' }), makeParameter({ name: 'cursor' }), makeParameter({ name: 'shop' })],
  responses: [makeResponse({ contents: [{ mediaType: 'application/json', schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Order' } }, next: { type: 'string' } } } }] })],
});
const subscribe = makeOperation({
  operationId: 'subscribe',
  method: 'post',
  path: '/hooks',
  callbacks: [hook('onShipment', makeBody({ type: 'object', properties: { shipment: { type: 'string' } } }))],
});
const unsubscribe = makeOperation({ operationId: 'unsubscribe', method: 'delete', path: '/hooks/{id}', parameters: [makeParameter({ name: 'id', in: 'path', required: true })] });

function api(partial: Partial<ApiIR> = {}): ApiIR {
  return makeApi({
    operations: [listOrders, subscribe, unsubscribe],
    schemas: { Order: { type: 'object', properties: { id: { type: 'string' }, created: { type: 'integer' } } }, Envelope: { type: 'object', properties: { type: { type: 'string' } } } },
    webhooks: [
      hook('orderPaid', makeBody({ $ref: '#/components/schemas/Paid' }), { summary: 'Order paid' }),
      hook('refund-issued', makeBody({ type: 'object', properties: { kind: { type: 'string' } } }), { description: 'A refund went out.\n\nMore text.' }),
    ],
    ...partial,
  });
}

function plan(yamlText: string, ir: ApiIR = api()) {
  const overrides = parseOverrides({ file: 'overrides/shop.yaml', text: yamlText });
  const withPaid = { ...ir, schemas: { ...ir.schemas, Paid: orderSchema } };
  return planConnector({ curated: applyOverrides({ ir: withPaid, overrides, defaultName: 'shop' }), provenance: makeProvenance() }).definition;
}

function failure(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return String((error as Error).message);
  }
  throw new Error('expected a failure');
}

describe('webhook triggers', () => {
  it('makes one trigger per spec webhook and callback, typed from the payload where it names its event', () => {
    const definition = plan('webhooks: { verification: { preset: standard-webhooks } }\n');
    expect(definition.supported_triggers.map((trigger) => [trigger.id, trigger.name, trigger.eventType, trigger.webhook])).toEqual([
      ['order_paid', 'Order paid', 'order.paid', { source: 'webhooks' }],
      ['refund_issued', 'Refund issued', 'refund-issued', { source: 'webhooks' }],
      ['on_shipment', 'On shipment', 'onShipment', { source: 'callback', subscribeAction: 'subscribe' }],
    ]);
    const [paid, refund] = definition.supported_triggers;
    expect(paid!.outputSchema).toEqual({ $ref: '#/$defs/Paid' });
    expect(definition.schemas?.Paid).toEqual({ type: 'object', properties: { type: { type: 'string', const: 'order.paid' }, id: { type: 'string' } } });
    expect(refund!.description).toBe('A refund went out.');
    expect(paid).toMatchObject({ webhookRequired: true, pollingEnabled: false, inputSchema: {} });
    expect(definition.webhook_support).toBe(true);
    // refund-issued's payload does not name its event: deliveries are routed by URL, no type is checked.
    expect(definition.webhooks).toEqual({ verification: { scheme: 'standard-webhooks' }, eventType: [] });
    expect(definition.auth_fields.map((field) => [field.key, field.type, field.required])).toEqual([['webhookSecret', 'password', false]]);
  });

  it('keeps only listed events, matched loosely, with registration actions and a declared trigger name', () => {
    const definition = plan(`
webhooks:
  verification: { preset: hmac, algorithm: sha256, header: X-Shop-Signature, encoding: hex, prefix: "sha256=" }
  events: [order.paid]
  subscribe: subscribe
  unsubscribe: unsubscribe
triggers:
  paid:
    name: Paid!
    webhook: { event: order-paid }
`);
    expect(definition.supported_triggers.map((trigger) => [trigger.id, trigger.name, trigger.eventType, trigger.webhook])).toEqual([
      ['paid', 'Paid!', 'order.paid', { source: 'webhooks', subscribeAction: 'subscribe', unsubscribeAction: 'unsubscribe' }],
    ]);
    expect(definition.webhooks).toEqual({
      verification: { scheme: 'hmac', algorithm: 'sha256', header: 'X-Shop-Signature', encoding: 'hex', prefix: 'sha256=' },
      eventType: [{ payload: 'type' }],
    });
  });

  it('declares events the spec lacks with a payload schema, and suggests names it cannot find', () => {
    const definition = plan('webhooks: { verification: { preset: stripe }, payload_schema: Envelope, events: [thing.happened] }\n', api({ webhooks: [] }));
    expect(definition.supported_triggers[0]).toMatchObject({ id: 'thing_happened', eventType: 'thing.happened', webhook: { source: 'declared' }, outputSchema: { $ref: '#/$defs/Envelope' } });
    expect(definition.schemas?.Envelope).toMatchObject({ type: 'object' });
    expect(definition.webhooks).toMatchObject({ verification: { scheme: 'stripe' }, eventId: { payload: 'id' } });
    expect(failure(() => plan('webhooks: { events: [order.payd] }\n'))).toMatch(/webhook event "order.payd" is not declared by the spec \(did you mean "orderPaid"\?\)/);
    expect(failure(() => plan('webhooks: { payload_schema: Envelop, events: [x] }\n'))).toMatch(/payload_schema "Envelop" is not a component schema \(did you mean "Envelope"\?\)/);
    expect(failure(() => plan('triggers: { t: { webhook: { event: nope } } }\n'))).toMatch(/webhook event "nope" is not declared/);
  });

  it('refuses registration actions that are not actions of the connector', () => {
    const yamlText = 'operations: [{ exclude: { operationId: unsubscribe } }]\nwebhooks: { unsubscribe: unsubscribe }\n';
    expect(failure(() => plan(yamlText))).toMatch(/"unsubscribe" is not an action of this connector/);
  });

  it('gives no triggers and no webhook block to a spec without webhooks', () => {
    const definition = plan('operations: [{ include: { operationId: listOrders } }]\n', api({ webhooks: [] }));
    expect(definition.supported_triggers).toEqual([]);
    expect(definition.webhook_support).toBe(false);
    expect(definition.webhooks).toBeUndefined();
  });
});

describe('polling triggers', () => {
  const polling = `
operations: [{ include: { operationId: listOrders } }]
actions:
  listOrders:
    pagination: { style: next_url, next_url_path: next, items_path: data }
triggers:
  new_order:
    name: New order
    polling:
      action: listOrders
      input: { sort: newest }
      cursor: { path: created, type: timestamp, param: since }
      version_path: updated
      max_pages: 3
`;

  it('plans the polling block, the inputs the user still gives, and one item as output', () => {
    const definition = plan(polling);
    const trigger = definition.supported_triggers.find((candidate) => candidate.id === 'new_order');
    expect(trigger).toMatchObject({
      id: 'new_order',
      name: 'New order',
      eventType: 'poll:list_orders',
      webhookRequired: false,
      pollingEnabled: true,
      polling: {
        actionId: 'list_orders',
        intervalSeconds: 300,
        input: { sort: 'newest' },
        dedupeKey: 'id',
        versionPath: 'updated',
        order: 'newest_first',
        cursor: { kind: 'timestamp', path: 'created', param: 'since' },
        maxPages: 3,
      },
      outputSchema: { $ref: '#/$defs/Order' },
    });
    expect(definition.schemas?.Order).toEqual({ type: 'object', properties: { id: { type: 'string' }, created: { type: 'integer' } } });
    expect(Object.keys(trigger!.inputSchema)).toEqual(['cursor', 'shop']);
  });

  it('refuses an excluded action, unknown inputs and an unknown cursor param, with suggestions', () => {
    expect(failure(() => plan(polling.replace('include: { operationId: listOrders }', 'include: { operationId: subscribe }').replace(/actions:[\s\S]*?triggers:/, 'triggers:')))).toMatch(/"listOrders" is not an action of this connector/);
    expect(failure(() => plan(polling.replace('{ sort: newest }', '{ sortt: newest }')))).toMatch(/"sortt" is not an input of action "list_orders" \(did you mean "sort"\?\)/);
    expect(failure(() => plan(polling.replace('param: since', 'param: sinse')))).toMatch(/"sinse" is not an input of action "list_orders" \(did you mean "since"\?\)/);
  });
});
