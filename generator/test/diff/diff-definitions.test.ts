import { describe, expect, it } from 'vitest';
import { diffConnectorPresence, diffDefinitions } from '../../src/diff/index.ts';
import { action, makeAction, makeDefinition } from './definition-factory.ts';

function summary(changes: ReturnType<typeof diffDefinitions>): string[] {
  return changes.map((change) => `${change.breaking ? 'B' : '-'} ${change.kind}: ${change.message}`);
}

describe('diffDefinitions', () => {
  it('finds nothing between equal definitions', () => {
    expect(diffDefinitions(makeDefinition(), makeDefinition())).toEqual([]);
  });

  it('reports an added action as not breaking and a removed one as breaking', () => {
    const before = makeDefinition();
    const after = makeDefinition();
    after.supported_actions = after.supported_actions.filter((candidate) => candidate.id !== 'orders_list');
    after.supported_actions.push(makeAction({ id: 'orders_delete', method: 'DELETE', endpoint: '/orders/{id}', inputs: {} }));
    expect(summary(diffDefinitions(before, after))).toEqual([
      'B action-removed: action orders_list (GET /orders) was removed',
      '- action-added: action orders_delete (DELETE /orders/{id}) added',
    ]);
  });

  it('pairs a removed and an added action on the same method and endpoint as a rename, and diffs their inputs', () => {
    const before = makeDefinition();
    const after = makeDefinition();
    const renamed = action(after, 'orders_list');
    renamed.id = 'list_orders';
    delete renamed.inputSchema.limit;
    const changes = diffDefinitions(before, after);
    expect(summary(changes)).toEqual([
      'B action-renamed: action orders_list was renamed to list_orders (GET /orders)',
      'B input-removed: input "limit" of list_orders was removed',
    ]);
    expect(changes[0]?.action).toBe('list_orders');
  });

  it('does not guess a rename when two removed actions share a route', () => {
    const before = makeDefinition();
    before.supported_actions.push(makeAction({ id: 'orders_list_v0', method: 'GET', endpoint: '/orders', inputs: {} }));
    const after = makeDefinition();
    action(after, 'orders_list').id = 'list_orders';
    expect(diffDefinitions(before, after).map((change) => change.kind)).toEqual(['action-removed', 'action-removed', 'action-added']);
  });

  it('classifies input changes', () => {
    const before = makeDefinition();
    const after = makeDefinition();
    const create = action(after, 'orders_create');
    create.inputSchema.note!.required = true;
    create.inputSchema.item!.required = false;
    create.inputSchema.quantity = { type: 'number', label: 'Quantity' };
    create.inputSchema.currency = { type: 'string', label: 'Currency', required: true };
    create.inputSchema.address!.properties!.city = { type: 'number', label: 'City' };
    expect(summary(diffDefinitions(before, after))).toEqual([
      '- input-optional: input "item" of orders_create is now optional',
      'B input-required: input "note" of orders_create is now required',
      'B input-type-changed: input "address.city" of orders_create changed type from string to number',
      '- input-added: optional input "quantity" (number) added to orders_create',
      'B input-added: required input "currency" (string) added to orders_create',
    ]);
  });

  it('reports enum values removed as breaking and added as not', () => {
    const before = makeDefinition();
    const after = makeDefinition();
    action(after, 'orders_list').inputSchema.status!.options = [
      { label: 'open', value: 'open' },
      { label: 'archived', value: 'archived' },
    ];
    expect(summary(diffDefinitions(before, after))).toEqual([
      'B enum-value-removed: input "status" of orders_list no longer accepts "closed"',
      '- enum-value-added: input "status" of orders_list now also accepts "archived"',
    ]);
  });

  it('tells nullability apart: dropping null is breaking, allowing it is not', () => {
    const before = makeDefinition();
    action(before, 'orders_create').inputSchema.note!.nullable = true;
    const after = makeDefinition();
    action(after, 'orders_list').inputSchema.limit!.nullable = true;
    expect(summary(diffDefinitions(before, after))).toEqual([
      '- input-type-changed: input "limit" of orders_list now also accepts null',
      'B input-type-changed: input "note" of orders_create no longer accepts null',
    ]);
  });

  it('reports auth, credential and base URL changes', () => {
    const before = makeDefinition();
    const after = makeDefinition();
    after.auth_type = 'multiple';
    after.auth = [
      { id: 'key', type: 'apiKey', in: 'query', name: 'key', credential: 'apiKey' },
      { id: 'token', type: 'bearer', credential: 'accessToken' },
    ];
    after.auth_fields.push({ key: 'accessToken', label: 'Token', type: 'password', required: false });
    after.endpoints.base_url = 'https://eu.shop.test/v1';
    expect(summary(diffDefinitions(before, after))).toEqual([
      'B auth-type-changed: auth type changed from api_key to multiple',
      'B auth-scheme-changed: auth scheme "key" changed from API key in header "X-Key" to API key in query "key"',
      '- auth-scheme-added: auth scheme "token" (bearer token) added',
      '- auth-field-added: optional credential field "accessToken" added',
      'B base-url-changed: base URL changed from https://api.shop.test/v1 to https://eu.shop.test/v1',
    ]);
  });

  it('reports an endpoint change of an action that kept its id', () => {
    const before = makeDefinition();
    const after = makeDefinition();
    action(after, 'orders_list').api.endpoint = '/v2/orders';
    expect(summary(diffDefinitions(before, after))).toEqual([
      'B action-endpoint-changed: action orders_list now calls GET /v2/orders instead of GET /orders',
    ]);
  });

  it('reports triggers added and removed', () => {
    const trigger = { id: 'order_paid', name: 'Order paid', description: '', eventType: 'order.paid', inputSchema: {}, webhookRequired: true, pollingEnabled: false };
    const before = makeDefinition();
    before.supported_triggers = [{ ...trigger, id: 'order_created', eventType: 'order.created' }];
    const after = makeDefinition();
    after.supported_triggers = [trigger];
    expect(summary(diffDefinitions(before, after))).toEqual([
      'B trigger-removed: trigger order_created was removed',
      '- trigger-added: trigger order_paid (order.paid) added',
    ]);
  });

  it('reports whole connectors added and removed', () => {
    expect(diffConnectorPresence({ before: makeDefinition() })).toMatchObject([{ kind: 'connector-removed', breaking: true }]);
    expect(diffConnectorPresence({ after: makeDefinition() })).toMatchObject([{ kind: 'connector-added', breaking: false, message: 'connector shop added with 2 action(s)' }]);
  });

  it('reports an input renamed by an override as a rename: the same request parameter under a new name', () => {
    const before = makeDefinition();
    action(before, 'orders_create').api.paramMapping = { item: { in: 'body', name: 'item' }, note: { in: 'body', name: 'note' } };
    const after = makeDefinition();
    const create = action(after, 'orders_create');
    create.api.paramMapping = { product: { in: 'body', name: 'item' }, note: { in: 'body', name: 'note' } };
    // Renamed and relabelled: the wire name alone pairs them, even though the type changed too.
    create.inputSchema = { product: { type: 'number', label: 'Product', required: true }, note: create.inputSchema.note!, address: create.inputSchema.address! };
    expect(summary(diffDefinitions(before, after))).toEqual([
      'B input-renamed: input "item" of orders_create was renamed to "product" (same request parameter)',
      '- input-text-changed: label of input "product" of orders_create changed from "Item" to "Product"',
      'B input-type-changed: input "product" of orders_create changed type from string to number',
    ]);
  });

  it('pairs a removed and an added input with the same schema as a rename, but only one to one', () => {
    const before = makeDefinition();
    const after = makeDefinition();
    const list = action(after, 'orders_list');
    list.inputSchema = { state: { ...list.inputSchema.status!, label: 'State' }, limit: list.inputSchema.limit! };
    expect(summary(diffDefinitions(before, after))).toEqual([
      'B input-renamed: input "status" of orders_list was renamed to "state" (same schema)',
      '- input-text-changed: label of input "state" of orders_list changed from "Status" to "State"',
    ]);
    // Two candidates of the same schema: no guess.
    const twice = makeDefinition();
    action(twice, 'orders_list').inputSchema = { max: { type: 'number', label: 'Max' }, count: { type: 'number', label: 'Count' }, status: action(twice, 'orders_list').inputSchema.status! };
    expect(summary(diffDefinitions(before, twice)).map((line) => line.split(':')[0])).toEqual(['B input-removed', '- input-added', '- input-added']);
  });

  it('lists changed names, labels, categories and descriptions as not breaking', () => {
    const before = makeDefinition();
    const after = makeDefinition();
    after.display_name = 'Shop API';
    const list = action(after, 'orders_list');
    list.name = 'List all orders';
    list.category = 'sales';
    list.description = 'Lists orders, newest first.';
    list.inputSchema.limit!.description = 'At most this many.';
    const changes = diffDefinitions(before, after);
    expect(summary(changes)).toEqual([
      '- connector-text-changed: display_name of connector shop changed from "Shop" to "Shop API"',
      '- action-text-changed: name of action orders_list changed from "orders_list" to "List all orders"',
      '- action-text-changed: category of action orders_list changed from "orders" to "sales"',
      '- action-text-changed: description of action orders_list changed from (none) to "Lists orders, newest first."',
      '- input-text-changed: description of input "limit" of orders_list changed from (none) to "At most this many."',
    ]);
    expect(changes.every((change) => !change.breaking)).toBe(true);
  });

  it('reports a shared response schema that changed once, with the actions that return it; a property gone is breaking', () => {
    const withSchemas = (order: Record<string, unknown>) => {
      const definition = makeDefinition();
      for (const item of definition.supported_actions) item.outputSchema = { $ref: '#/$defs/Order' };
      definition.schemas = { Order: order, Untouched: { type: 'string' } };
      return definition;
    };
    const before = withSchemas({ type: 'object', properties: { id: { type: 'string' }, total: { type: 'number' } } });
    const widened = withSchemas({ type: 'object', properties: { id: { type: 'string' }, total: { type: 'number' }, note: { type: 'string' } } });
    expect(summary(diffDefinitions(before, widened))).toEqual(['- output-schema-changed: response schema Order changed (returned by orders_list, orders_create)']);
    const narrowed = withSchemas({ type: 'object', properties: { id: { type: 'string' } } });
    expect(summary(diffDefinitions(before, narrowed))).toEqual([
      'B output-property-removed: property "total" of response schema Order was removed (returned by orders_list, orders_create)',
    ]);
    expect(diffDefinitions(before, withSchemas({ type: 'object', properties: { id: { type: 'string' }, total: { type: 'number' } } }))).toEqual([]);
  });
});
