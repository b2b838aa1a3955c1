/**
 * The names a generated method may not take, derived from the runtime itself: every name an
 * instance of `BaseConnector` answers to (own properties and the whole prototype chain, down to
 * `Object.prototype`), plus `then`. The planner's written-out list must equal the runtime's members,
 * and no method name it plans may be one of them.
 */
import { describe, expect, it } from 'vitest';
import { BaseConnector, type ConnectorDefinition } from '@specwire/runtime';
import { planMethodNames } from '../../src/plan/names.ts';
import { BASE_CONNECTOR_MEMBERS, RESERVED_METHOD_NAMES } from '../../src/plan/reserved-names.ts';
import { runtimeMemberNames } from '../support/runtime-member-names.ts';

const oauthDefinition: ConnectorDefinition = {
  name: 'names',
  display_name: 'Names',
  category: 'development',
  description: 'A definition that switches on every optional part of a connector.',
  auth_type: 'oauth2',
  auth_fields: [],
  auth: [{ id: 'oauth', type: 'oauth2', credential: 'accessToken', flow: 'clientCredentials', tokenUrl: 'https://auth.example.invalid/token', scopes: [] }],
  endpoints: { base_url: 'https://api.example.invalid', servers: [] },
  webhook_support: false,
  supported_actions: [],
  supported_triggers: [],
};

function sorted(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

describe('reserved method names', () => {
  it('the written-out BaseConnector members are exactly the runtime prototype’s own names', () => {
    expect(sorted(BASE_CONNECTOR_MEMBERS)).toEqual(sorted(Object.getOwnPropertyNames(BaseConnector.prototype)));
  });

  it('a connector instance has no own names (its state is #private), whatever parts are switched on', () => {
    const plain = new BaseConnector({ ...oauthDefinition, auth: [], auth_type: 'none' });
    const full = new BaseConnector(oauthDefinition, {
      credentials: { clientId: 'c', clientSecret: 's' },
      middleware: [],
      webhooks: { secret: 'x' },
      pagination: { maxPages: 2 },
    });
    expect(Object.getOwnPropertyNames(plain)).toEqual([]);
    expect(Object.getOwnPropertyNames(full)).toEqual([]);
    expect(full.oauth2).toBeDefined();
  });

  it('reserves every name the runtime derives, and `then`', () => {
    const derived = runtimeMemberNames();
    expect(derived).toContain('then');
    expect(derived).toContain('executeAction');
    expect(derived).toContain('hasOwnProperty');
    expect(derived.filter((name) => !RESERVED_METHOD_NAMES.has(name))).toEqual([]);
  });

  it('plans a method name for each of them that the runtime does not answer to', () => {
    const derived = runtimeMemberNames();
    const methods = planMethodNames(derived);
    const runtimeNames = new Set(derived);
    expect(methods.filter((name) => runtimeNames.has(name))).toEqual([]);
    expect(new Set(methods).size).toBe(methods.length);
    expect(methods[derived.indexOf('then')]).toBe('thenAction');
  });

  it('former runtime internals are ordinary method names now', () => {
    expect(planMethodNames(['send', 'exchange', 'record', 'success', 'failure', 'redactor', 'fetch_page', 'run'])).toEqual([
      'send',
      'exchange',
      'record',
      'success',
      'failure',
      'redactor',
      'fetchPage',
      'run',
    ]);
  });
});
