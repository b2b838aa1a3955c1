import { BaseConnector, type ConnectorDefinition } from '@specwire/runtime';

const EMPTY_DEFINITION: ConnectorDefinition = {
  name: 'members',
  display_name: 'Members',
  category: 'development',
  description: 'An empty definition.',
  auth_type: 'none',
  auth_fields: [],
  auth: [],
  endpoints: { base_url: 'https://api.example.invalid', servers: [] },
  webhook_support: false,
  supported_actions: [],
  supported_triggers: [],
};

/**
 * Every string name a connector answers to, read from the runtime rather than written down: an
 * instance's own properties and each prototype's own names down to `Object.prototype`, plus `then`
 * (which `await` looks up on any object). Sorted, without duplicates.
 */
export function runtimeMemberNames(): string[] {
  const instance: object = new BaseConnector(EMPTY_DEFINITION);
  const names = new Set<string>(['then', ...Object.getOwnPropertyNames(instance)]);
  for (let prototype: object | null = Object.getPrototypeOf(instance); prototype !== null; prototype = Object.getPrototypeOf(prototype)) {
    for (const name of Object.getOwnPropertyNames(prototype)) names.add(name);
  }
  return [...names].sort();
}
