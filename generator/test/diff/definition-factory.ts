import type { ActionDefinition, ConnectorDefinition, InputField } from '@specwire/runtime';

/** A small connector definition; each test edits a copy of it. */
export function makeDefinition(): ConnectorDefinition {
  return {
    name: 'shop',
    display_name: 'Shop',
    category: 'ecommerce',
    description: 'A shop.',
    auth_type: 'api_key',
    auth_fields: [{ key: 'apiKey', label: 'API Key', type: 'password', required: true }],
    auth: [{ id: 'key', type: 'apiKey', in: 'header', name: 'X-Key', credential: 'apiKey' }],
    endpoints: { base_url: 'https://api.shop.test/v1', servers: [{ url: 'https://api.shop.test/v1', variables: {} }] },
    webhook_support: false,
    supported_actions: [
      makeAction({ id: 'orders_list', method: 'GET', endpoint: '/orders', inputs: { status: statusField(), limit: { type: 'number', label: 'Limit' } } }),
      makeAction({
        id: 'orders_create',
        method: 'POST',
        endpoint: '/orders',
        inputs: {
          item: { type: 'string', label: 'Item', required: true },
          note: { type: 'string', label: 'Note' },
          address: { type: 'object', label: 'Address', properties: { city: { type: 'string', label: 'City' } } },
        },
      }),
    ],
    supported_triggers: [],
  };
}

export function makeAction(options: { id: string; method: ActionDefinition['api']['method']; endpoint: string; inputs: Record<string, InputField> }): ActionDefinition {
  return {
    id: options.id,
    name: options.id,
    description: '',
    category: 'orders',
    api: { endpoint: options.endpoint, method: options.method, headers: {}, paramMapping: {}, response: { type: 'json' }, security: [['key']] },
    inputSchema: options.inputs,
  };
}

function statusField(): InputField {
  return {
    type: 'select',
    label: 'Status',
    options: [
      { label: 'open', value: 'open' },
      { label: 'closed', value: 'closed' },
    ],
  };
}

export function action(definition: ConnectorDefinition, id: string): ActionDefinition {
  const found = definition.supported_actions.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no action ${id}`);
  return found;
}
