import { describe, expect, it } from 'vitest';
import type { ApiIR } from '../../src/ir/types.ts';
import { applyOverrides, parseOverrides } from '../../src/override/index.ts';
import { planConnector } from '../../src/plan/index.ts';
import type { ConnectorPlan } from '../../src/plan/types.ts';
import { bearerScheme, makeApi, makeBody, makeOperation, makeParameter, makeProvenance, makeResponse } from '../plan/factories.ts';
import { errorOf } from '../support/error-of.ts';

const FILE = 'overrides/shop.yaml';

/** A small shop: orders with path/query/header parameters and a JSON body, and a list of stores. */
const api: ApiIR = makeApi({
  securitySchemes: [bearerScheme],
  operations: [
    makeOperation({
      operationId: 'orders/create',
      method: 'post',
      path: '/stores/{store}/orders',
      tags: ['orders'],
      security: [['bearerAuth']],
      parameters: [
        makeParameter({ name: 'store', in: 'path' }),
        makeParameter({ name: 'dry_run', in: 'query', schema: { type: 'boolean' } }),
        makeParameter({ name: 'X-Channel', in: 'header' }),
      ],
      requestBody: makeBody({
        type: 'object',
        required: ['item'],
        properties: {
          item: { type: 'string' },
          quantity: { type: 'integer', minimum: 1 },
          notes: { type: 'string' },
          gift: { type: 'boolean' },
        },
      }),
    }),
    makeOperation({
      operationId: 'stores/list',
      path: '/stores',
      tags: ['stores'],
      security: [['bearerAuth']],
      parameters: [makeParameter({ name: 'limit', in: 'query', schema: { type: 'integer' } })],
      responses: [makeResponse({ contents: [{ mediaType: 'application/json', schema: { type: 'object', properties: { data: { type: 'array' } } } }] })],
    }),
    makeOperation({
      operationId: 'orders/get',
      path: '/stores/{store}/orders/{id}',
      tags: ['orders'],
      security: [['bearerAuth']],
      parameters: [makeParameter({ name: 'store', in: 'path' }), makeParameter({ name: 'id', in: 'path' })],
    }),
  ],
});

function plan(yamlText: string): ConnectorPlan {
  const overrides = parseOverrides({ file: FILE, text: yamlText });
  const curated = applyOverrides({ ir: api, overrides, defaultName: 'shop' });
  return planConnector({ curated, provenance: makeProvenance() });
}

function action(result: ConnectorPlan, id: string) {
  const found = result.definition.supported_actions.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no action ${id}`);
  return found;
}


function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

describe('per-action field curation', () => {
  it('renames inputs, overrides their text and orders them, keeping the wire names', () => {
    const result = plan(
      lines(
        'actions:',
        '  orders/create:',
        '    fields:',
        '      store: { rename: shop_id, placeholder: main-street }',
        '      notes: { label: Delivery notes, input_type: textarea, description: Shown to the courier }',
        '    field_order: [item, quantity, shop_id]',
      ),
    );
    const created = action(result, 'orders_create');
    expect(Object.keys(created.inputSchema)).toEqual(['item', 'quantity', 'shop_id', 'dry_run', 'X-Channel', 'notes', 'gift']);
    expect(created.inputSchema.shop_id).toMatchObject({ label: 'Shop Id', placeholder: 'main-street', required: true });
    expect(created.inputSchema.notes).toMatchObject({ label: 'Delivery notes', inputType: 'textarea', description: 'Shown to the courier' });
    expect(created.api.paramMapping.shop_id).toEqual({ in: 'path', name: 'store', style: 'simple', explode: false });
    expect(created.api.paramMapping.store).toBeUndefined();
    // The types document names the parameter by its input, so the typed input has `shop_id`.
    const operation = (result.typesDocument.paths as Record<string, Record<string, { parameters: Array<{ name: string }> }>>)['/stores/{store}/orders']!.post!;
    expect(operation.parameters.map((parameter) => parameter.name)).toEqual(['shop_id', 'dry_run', 'X-Channel']);
  });

  it('removes hidden fields, sends fixed values always and defaults when omitted', () => {
    const result = plan(
      lines(
        'actions:',
        '  orders/create:',
        '    fields:',
        '      X-Channel: { fixed: workflow }',
        '      gift: { hidden: true }',
        '      quantity: { default: 1 }',
        '      notes: { rename: comment }',
      ),
    );
    const created = action(result, 'orders_create');
    expect(Object.keys(created.inputSchema)).toEqual(['store', 'dry_run', 'item', 'quantity', 'comment']);
    expect(created.api.fixedValues).toEqual({ 'X-Channel': 'workflow' });
    expect(created.api.defaultValues).toEqual({ quantity: 1 });
    expect(created.inputSchema.quantity!.default).toBe(1);
    // A fixed field keeps its mapping (the runtime needs to know where it goes); a hidden one does not.
    expect(created.api.paramMapping['X-Channel']).toMatchObject({ in: 'header', name: 'X-Channel' });
    expect(created.api.paramMapping.gift).toBeUndefined();
    // The body type drops hidden properties and uses final names.
    const body = (result.typesDocument.paths as Record<string, Record<string, { requestBody: { content: Record<string, { schema: unknown }> } }>>)['/stores/{store}/orders']!.post!.requestBody.content['application/json']!.schema;
    expect(body).toEqual({
      type: 'object',
      properties: { item: { type: 'string' }, quantity: { type: 'integer', minimum: 1 }, comment: { type: 'string' } },
      required: ['item'],
    });
    expect(result.actions[0]!.typeShape.parameterLocations).toEqual(['path', 'query']);
    // The generated test expects the fixed header's sibling values on the wire: the default quantity.
    const testCase = result.tests.cases.find((candidate) => candidate.actionId === 'orders_create');
    expect(testCase?.input).not.toHaveProperty('quantity');
    expect(testCase?.expect.jsonBody).toEqual({ item: expect.any(String), quantity: 1 });
  });

  it('emits dynamic options as the field\'s load-options hook', () => {
    const result = plan(
      lines(
        'actions:',
        '  orders/create:',
        '    fields:',
        '      store:',
        '        options_from: { action: stores/list, items: data, value: id, label: name, input: { limit: 100 } }',
      ),
    );
    expect(action(result, 'orders_create').inputSchema.store).toMatchObject({
      loadOptionsMethod: 'loadOptions',
      loadOptionsSource: { action: 'stores_list', itemsPath: 'data', valuePath: 'id', labelPath: 'name', input: { limit: 100 } },
    });
  });

  it('declares the form fields a dynamic-options source needs, and the search input an override names', () => {
    const derived = plan(lines('actions:', '  orders/get:', '    fields:', '      id: { options_from: { action: orders/create, value: id } }'));
    // orders/create requires store (a field of this form) and item (not one): only store is a dependency.
    expect(action(derived, 'orders_get').inputSchema.id!.loadOptionsSource).toEqual({ action: 'orders_create', valuePath: 'id', dependsOn: ['store'] });
    const declared = plan(
      lines('actions:', '  orders/get:', '    fields:', '      id: { options_from: { action: stores/list, value: id, depends_on: [store], search: limit } }'),
    );
    expect(action(declared, 'orders_get').inputSchema.id!.loadOptionsSource).toEqual({ action: 'stores_list', valuePath: 'id', dependsOn: ['store'], searchParam: 'limit' });
    expect(errorOf(() => plan(lines('actions:', '  orders/get:', '    fields:', '      id: { options_from: { action: stores/list, value: id, search: nope } }')))).toBe(
      'options_from.search of field "id" (action "orders_get"): "nope" is not an input of action "stores_list"',
    );
    expect(errorOf(() => plan(lines('actions:', '  orders/get:', '    fields:', '      id: { options_from: { action: stores/list, value: id, depends_on: [id] } }')))).toBe(
      'options_from.depends_on of field "id" (action "orders_get"): "id" is not another field of the action',
    );
  });

  it('names the source action by action id too, and records the connection test', () => {
    const result = plan(
      lines(
        'auth:',
        '  test_action: stores/list',
        'actions:',
        '  stores/list: { id: list_shops }',
        '  orders/get:',
        '    fields:',
        '      store: { options_from: { action: list_shops, value: id } }',
      ),
    );
    expect(action(result, 'orders_get').inputSchema.store!.loadOptionsSource).toEqual({ action: 'list_shops', valuePath: 'id' });
    expect(result.definition.connection_test).toEqual({ actionId: 'list_shops' });
  });
});

describe('field curation errors name file, line and column', () => {
  it('refuses a field that is not an input, suggesting the closest', () => {
    expect(errorOf(() => plan(lines('actions:', '  orders/create:', '    fields:', '      quantty: { label: Qty }')))).toBe(
      'overrides/shop.yaml:4:7: field "quantty" is not an input of action "orders_create" (did you mean "quantity"?)',
    );
  });

  it('lists the inputs when nothing is close', () => {
    expect(errorOf(() => plan(lines('actions:', '  orders/get:', '    fields:', '      colour: { label: Colour }')))).toBe(
      'overrides/shop.yaml:4:7: field "colour" is not an input of action "orders_get" (its inputs: store, id)',
    );
  });

  it('refuses field_order names that are not inputs', () => {
    expect(errorOf(() => plan(lines('actions:', '  orders/get:', '    field_order: [id, stor]')))).toBe(
      'overrides/shop.yaml:3:23: field_order names "stor", which is not an input of action "orders_get" (did you mean "store"?)',
    );
  });

  it('refuses hiding a required field without a fixed value', () => {
    expect(errorOf(() => plan(lines('actions:', '  orders/get:', '    fields:', '      id: { hidden: true }')))).toBe(
      'overrides/shop.yaml:4:21: field "id" is required, so hiding it needs "fixed: <value always sent>"',
    );
  });

  it('refuses fixed together with default', () => {
    expect(errorOf(() => plan(lines('actions:', '  orders/create:', '    fields:', '      gift: { fixed: true, default: false }')))).toBe(
      'overrides/shop.yaml:4:37: field "gift" has both "fixed" and "default": a fixed value is always sent, so keep one',
    );
  });

  it('refuses text overrides on a hidden field', () => {
    expect(errorOf(() => plan(lines('actions:', '  orders/create:', '    fields:', '      gift: { hidden: true, label: Gift }')))).toBe(
      'overrides/shop.yaml:4:36: field "gift" is hidden, so "label" would have no effect; remove one of them',
    );
  });

  it('refuses "hidden: false" next to a fixed value', () => {
    expect(errorOf(() => plan(lines('actions:', '  orders/create:', '    fields:', '      gift: { fixed: true, hidden: false }')))).toBe(
      'overrides/shop.yaml:4:36: field "gift": a fixed field is never an input, so "hidden: false" contradicts "fixed"',
    );
  });

  it('refuses a fixed or default value the field would reject', () => {
    expect(errorOf(() => plan(lines('actions:', '  orders/create:', '    fields:', '      quantity: { default: 0 }')))).toBe(
      'overrides/shop.yaml:4:28: the default value of field "quantity" does not fit it: quantity: must be >= 1',
    );
    expect(errorOf(() => plan(lines('actions:', '  orders/create:', '    fields:', '      gift: { fixed: "yes" }')))).toBe(
      'overrides/shop.yaml:4:22: the fixed value of field "gift" does not fit it: gift: expected boolean, got string',
    );
  });

  it('refuses a rename onto another input', () => {
    expect(errorOf(() => plan(lines('actions:', '  orders/create:', '    fields:', '      notes: { rename: item }')))).toBe(
      'overrides/shop.yaml:4:24: cannot rename "notes" to "item": action "orders_create" already has an input of that name',
    );
  });

  it('refuses a rename that is not an identifier', () => {
    expect(errorOf(() => plan(lines('actions:', '  orders/create:', '    fields:', '      notes: { rename: "two words" }')))).toBe(
      'overrides/shop.yaml:4:24: "actions.orders/create.fields.notes.rename" must match ^[A-Za-z_][A-Za-z0-9_]{0,79}$',
    );
  });

  it('refuses dynamic options from an action that is not offered', () => {
    expect(
      errorOf(() =>
        plan(lines('operations:', '  - exclude: { tag: stores }', 'actions:', '  orders/get:', '    fields:', '      store: { options_from: { action: stores/lst, value: id } }')),
      ),
    ).toBe(
      'overrides/shop.yaml:6:40: options_from.action "stores/lst" is not an action of this connector (give an operationId or action id of a selected operation)',
    );
  });

  it('refuses constant options input the source action does not take', () => {
    expect(
      errorOf(() => plan(lines('actions:', '  orders/get:', '    fields:', '      store:', '        options_from: { action: stores/list, value: id, input: { limt: 5 } }'))),
    ).toBe('overrides/shop.yaml:5:72: options_from.input "limt" is not an input of action "stores_list" (did you mean "limit"?)');
  });

  it('refuses a connection-test action that needs input', () => {
    expect(errorOf(() => plan(lines('auth:', '  test_action: orders/get')))).toBe(
      'overrides/shop.yaml:2:16: auth.test_action: action "orders_get" needs input ("store", "id"); give it in auth.test_input (a credential as "{{credentials.<key>}}"), or choose an action without required inputs',
    );
  });

  it('checks pagination names against the inputs', () => {
    expect(errorOf(() => plan(lines('actions:', '  stores/list:', '    pagination: { style: offset, offset_param: ofset }')))).toBe(
      'overrides/shop.yaml:3:48: pagination.offset_param "ofset" is not an input of action "stores_list" (its inputs: limit)',
    );
    expect(errorOf(() => plan(lines('actions:', '  stores/list:', '    pagination: { style: cursor, cursor_param: limit }')))).toBe(
      'overrides/shop.yaml:3:5: pagination style "cursor" needs "cursor_path"',
    );
  });

  it('refuses unknown keys in a field entry', () => {
    expect(errorOf(() => plan(lines('actions:', '  orders/get:', '    fields:', '      id: { lable: Order }')))).toBe(
      'overrides/shop.yaml:4:13: unknown key "lable" in "actions.orders/get.fields.id"',
    );
  });
});
