import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  BaseConnector,
  createConnector,
  type ConnectorOptions,
  type ConnectorResponse,
  type RequestMiddleware,
} from '@specwire/runtime';
import { bearer, defineAction, defineConnector, field } from './fixtures/define.ts';
import { server } from './fixtures/run.ts';

const definition = defineConnector({
  name: 'demo',
  display_name: 'Demo',
  auth_type: 'bearer_token',
  auth_fields: [{ key: 'accessToken', label: 'Token', type: 'password', required: true }],
  auth: [bearer],
  supported_actions: [
    defineAction({
      id: 'issues_get',
      name: 'Get issue',
      inputSchema: { number: field('number', { required: true }) },
      api: { endpoint: '/issues/{number}', security: [['bearer']], paramMapping: { number: { in: 'path', name: 'number', style: 'simple', explode: false } } },
    }),
  ],
});

interface IssuesGetInput {
  number: number;
}
interface IssuesGetOutput {
  id: number;
  title: string;
}

/** What the generator emits: no logic, only typed delegation. */
class DemoConnector extends BaseConnector {
  constructor(options: ConnectorOptions = {}) {
    super(definition, options);
  }

  issuesGet(input: IssuesGetInput): Promise<ConnectorResponse<IssuesGetOutput>> {
    return this.executeAction('issues_get', input) as Promise<ConnectorResponse<IssuesGetOutput>>;
  }
}

describe('a generated-style subclass', () => {
  it('runs typed methods with no logic of its own', async () => {
    const srv = await server((req) => ({ json: { id: Number(req.pathname.split('/').pop()), title: 'Bug' } }));
    const connector = new DemoConnector({ baseUrl: srv.url, credentials: { accessToken: 't' } });
    const response = await connector.issuesGet({ number: 7 });
    expectTypeOf(response.data).toEqualTypeOf<IssuesGetOutput | undefined>();
    expect(response).toMatchObject({ success: true, data: { id: 7, title: 'Bug' } });
    expect(srv.requests[0]?.headers.authorization).toBe('Bearer t');
  });
});

describe('lifecycle', () => {
  it('initialize is idempotent and emits connection.established once', async () => {
    const connector = new DemoConnector({ baseUrl: 'http://127.0.0.1:9' });
    let established = 0;
    connector.on('connection.established', () => (established += 1));
    await Promise.all([connector.initialize(), connector.initialize()]);
    await connector.initialize();
    expect(established).toBe(1);
  });

  it('testConnection reports missing required credentials by key', async () => {
    const missing = await new DemoConnector({ baseUrl: 'http://127.0.0.1:9' }).testConnection();
    expect(missing).toMatchObject({ success: false, status: 'failed', error: { code: 'MISSING_CREDENTIALS', message: 'missing credentials: set "accessToken"' } });
    // No test action: the settings are complete, but nothing proved the token.
    const unverified = await new DemoConnector({ baseUrl: 'http://127.0.0.1:9', credentials: { accessToken: 't' } }).testConnection();
    expect(unverified).toMatchObject({ success: false, status: 'unverified', error: { code: 'CONNECTION_UNVERIFIED' } });
  });

  it('getHealthStatus reflects the connection test', async () => {
    expect((await new DemoConnector({ baseUrl: 'http://127.0.0.1:9' }).getHealthStatus()).status).toBe('unhealthy');
    const healthy = await new DemoConnector({ baseUrl: 'http://127.0.0.1:9', credentials: { accessToken: 't' } }).getHealthStatus();
    expect(healthy.status).toBe('healthy');
    expect(Date.parse(healthy.lastChecked)).not.toBeNaN();
  });

  it('unknown actions resolve an UNKNOWN_ACTION error', async () => {
    const response = await new DemoConnector({ baseUrl: 'http://127.0.0.1:9' }).executeAction('nope', {});
    expect(response.error).toMatchObject({ code: 'UNKNOWN_ACTION', message: 'unknown action "nope"' });
  });

  it('destroy runs cleanup, emits, removes listeners, and later calls fail cleanly', async () => {
    let cleaned = false;
    class Cleaning extends DemoConnector {
      protected override async cleanup(): Promise<void> {
        cleaned = true;
      }
    }
    const connector = new Cleaning({ baseUrl: 'http://127.0.0.1:9' });
    const seen: string[] = [];
    connector.on('connector.destroyed', ({ connector: name }) => seen.push(name));
    await connector.destroy();
    expect(cleaned).toBe(true);
    expect(seen).toEqual(['demo']);
    expect(connector.emit('connector.destroyed', { connector: 'x' })).toBe(false);
    expect((await connector.executeAction('issues_get', { number: 1 })).error?.code).toBe('CONNECTOR_DESTROYED');
  });

  it('metadata and usage stats', async () => {
    const srv = await server();
    const connector = createConnector(definition, { baseUrl: srv.url, credentials: { accessToken: 't' } });
    expect(connector.getMetadata()).toMatchObject({ name: 'demo', displayName: 'Demo', authType: 'bearer_token', actions: [{ id: 'issues_get' }] });
    await connector.executeAction('issues_get', { number: 1 });
    await connector.executeAction('issues_get', {});
    expect(connector.getUsageStats()).toMatchObject({ requests: 2, successes: 1, failures: 1 });
  });

  it('a throwing event listener does not fail the action', async () => {
    const srv = await server();
    const connector = new DemoConnector({ baseUrl: srv.url, credentials: { accessToken: 't' } });
    connector.on('action.completed', () => {
      throw new Error('listener bug');
    });
    expect((await connector.executeAction('issues_get', { number: 1 })).success).toBe(true);
  });
});

describe('the request pipeline seam', () => {
  it('a middleware can retry and swap credentials without touching execution', async () => {
    const srv = await server((req) => (req.headers.authorization === 'Bearer fresh' ? { json: { ok: 'fresh' } } : { status: 401, json: { message: 'expired' } }));
    const refreshOnce: RequestMiddleware = async (context, next) => {
      const result = await next(context);
      if (result.status !== 401) return result;
      const auth = { ...context.request.auth, headers: { ...context.request.auth.headers, authorization: 'Bearer fresh' } };
      return next({ ...context, request: { ...context.request, auth }, attempt: context.attempt + 1 });
    };
    const connector = new DemoConnector({ baseUrl: srv.url, credentials: { accessToken: 'stale' }, middleware: [refreshOnce] });
    const response = await connector.issuesGet({ number: 1 });
    expect(response.data).toEqual({ ok: 'fresh' });
    expect(srv.requests.map((r) => r.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('use() adds middlewares in order', async () => {
    const srv = await server();
    const order: string[] = [];
    const connector = new DemoConnector({ baseUrl: srv.url, credentials: { accessToken: 't' } })
      .use(async (context, next) => (order.push('outer'), next(context)))
      .use(async (context, next) => (order.push('inner'), next(context)));
    await connector.issuesGet({ number: 1 });
    expect(order).toEqual(['outer', 'inner']);
  });
});
