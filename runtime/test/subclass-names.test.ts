/**
 * A generated subclass adds one method per action, named after the spec's operationIds. Names the
 * runtime once used for its internals (`send`, `exchange`, `record`, `success`, `failure`,
 * `fetchPage`, `run`, `redactor`, …) must be free: here each one is a method that would break
 * the call if the runtime reached it, and every path of the runtime still works.
 */
import { describe, expect, it } from 'vitest';
import { BaseConnector, type ConnectorOptions } from '@specwire/runtime';
import { bearer, defineAction, defineConnector } from './fixtures/define.ts';
import { server } from './fixtures/run.ts';

const FORMER_INTERNALS = [
  'send', 'exchange', 'record', 'success', 'failure', 'fetchPage', 'run', 'redactor', 'definition', 'options', 'credentials',
  'clock', 'pipeline', 'safeError', 'prepareAction', 'requireAction', 'baseUrlFor', 'credentialsWithToken', 'transportSettings',
  'hasListener', 'createOAuth2Session', 'builtins', 'composed', 'events', 'middlewares', 'stats', 'actions', 'initialized',
  'initializing', 'destroyed', 'replayStore', 'pollStore', 'validationLimits', 'baseUrls',
];

const definition = defineConnector({
  auth: [bearer],
  auth_fields: [{ key: 'accessToken', label: 'Token', type: 'password', required: true }],
  supported_actions: [
    defineAction({ id: 'list_items', api: { endpoint: '/items', security: [['bearer']] } }),
    defineAction({ id: 'fail', api: { endpoint: '/fail', security: [['bearer']] } }),
  ],
});

/** Every former internal name as a method that records the call and returns something useless. */
class ShadowingConnector extends BaseConnector {
  readonly reached: string[] = [];

  constructor(options: ConnectorOptions) {
    super(definition, options);
    for (const name of FORMER_INTERNALS) {
      Object.defineProperty(this, name, {
        value: () => {
          this.reached.push(name);
          return 'shadowed';
        },
      });
    }
  }
}

describe('a subclass may use any name the runtime keeps private', () => {
  it('every path of the runtime runs without reaching the subclass methods', async () => {
    const srv = await server((request) =>
      request.pathname === '/fail' ? { status: 500, json: { message: 'no' } } : { json: [{ id: 1 }, { id: 2 }] },
    );
    const connector = new ShadowingConnector({ baseUrl: srv.url, credentials: { accessToken: 't' }, retry: false, rateLimit: false });
    const events: string[] = [];
    connector.on('action.completed', (event) => events.push(`${event.actionId}:${event.success}`));

    expect(await connector.testConnection()).toMatchObject({ success: false, status: 'unverified', error: { code: 'CONNECTION_UNVERIFIED' } });
    expect(await connector.executeAction('list_items', {})).toMatchObject({ success: true, data: [{ id: 1 }, { id: 2 }] });
    expect(await connector.executeAction('fail', {})).toMatchObject({ success: false, error: { code: 'HTTP_500' } });
    expect(await connector.executeAction('missing', {})).toMatchObject({ success: false, error: { code: 'UNKNOWN_ACTION' } });
    expect(await connector.executeRequest({ method: 'GET', endpoint: '/items' })).toMatchObject({ success: true });
    const items: unknown[] = [];
    for await (const item of connector.paginate('list_items')) items.push(item);
    expect(items).toEqual([{ id: 1 }, { id: 2 }]);
    expect(connector.getUsageStats()).toMatchObject({ requests: 4, successes: 2, failures: 2 });
    expect((await connector.getHealthStatus()).status).toBe('healthy');
    await connector.destroy();

    expect(connector.reached).toEqual([]);
    expect(events).toEqual(['list_items:true', 'fail:false', 'missing:false']);
    expect(srv.requests.map((request) => request.pathname)).toEqual(['/items', '/fail', '/items', '/items']);
  });

  it('a BaseConnector has no own properties and is not thenable', async () => {
    const connector = new BaseConnector(definition, { credentials: { accessToken: 't' } });
    expect(Object.getOwnPropertyNames(connector)).toEqual([]);
    expect('then' in connector).toBe(false);
    await expect((async () => await connector)()).resolves.toBe(connector);
  });
});
