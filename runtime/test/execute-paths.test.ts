import { BaseConnector, type ConnectorEvents, type ConnectorOptions, type ExecuteOptions, type HttpResult, type PreparedRequest } from '@specwire/runtime';
import type { RecordingHandler } from '@specwire/runtime/testing';
import { describe, expect, it } from 'vitest';
import { bearer, defineAction, defineConnector, field } from './fixtures/define.ts';
import { server } from './fixtures/run.ts';
import { createTestClock } from './support/test-clock.ts';

/**
 * executeAction runs performAction → #exchange → performRequest in one frame when a subclass
 * overrides neither hook, and through the hooks when it does. Both paths must answer alike:
 * the same response (keys in the same order), the same events, the same error details.
 */
const definition = defineConnector({
  auth: [bearer],
  supported_actions: [
    defineAction({
      id: 'issues_get',
      inputSchema: { number: field('number', { required: true }) },
      api: { endpoint: '/issues/{number}', security: [['bearer']], paramMapping: { number: { in: 'path', name: 'number', style: 'simple', explode: false } } },
    }),
  ],
});

class HookedRequest extends BaseConnector {
  readonly seen: string[] = [];
  protected override async performRequest(request: PreparedRequest, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<HttpResult> {
    this.seen.push(`performRequest ${request.method} ${new URL(request.url).pathname}`);
    return super.performRequest(request, options);
  }
}

class HookedAction extends BaseConnector {
  readonly seen: string[] = [];
  protected override async performAction(actionId: string, input: Record<string, unknown>, options: ExecuteOptions = {}) {
    this.seen.push(`performAction ${actionId}`);
    return super.performAction(actionId, input, options);
  }
}

type Make = (options: ConnectorOptions) => BaseConnector & { seen?: string[] };

const makers: Array<[string, Make]> = [
  ['no override (one frame)', (options) => new BaseConnector(definition, options)],
  ['performRequest overridden', (options) => new HookedRequest(definition, options)],
  ['performAction overridden', (options) => new HookedAction(definition, options)],
];

/** Runs one call and collects the events it emitted, response times, dates and the server port zeroed. */
async function run(options: { make: Make; handler: RecordingHandler; input?: object; execute?: ExecuteOptions }) {
  const srv = await server(options.handler);
  const connector = options.make({ baseUrl: srv.url, credentials: { accessToken: 'tok-secret-1' }, clock: createTestClock().clock, rateLimit: false });
  const events: unknown[] = [];
  for (const name of ['request.completed', 'action.completed', 'error.occurred', 'request.retrying'] as const) {
    connector.on(name, (payload: ConnectorEvents[typeof name]) => events.push([name, zeroTimes(payload)]));
  }
  const response = await connector.executeAction('issues_get', options.input ?? { number: 7 }, options.execute);
  return { response: zeroTimes(response), keys: JSON.stringify(zeroTimes(response)), events, seen: connector.seen, requests: srv.requests.length };
}

function zeroTimes<T>(value: T): T {
  const text = JSON.stringify(value, (key, inner) => (key === 'responseTime' || key === 'date' ? 0 : inner));
  return JSON.parse(text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')) as T;
}

describe('executeAction with and without overridden hooks', () => {
  const failOnce = (): RecordingHandler => {
    let n = 0;
    return () => (n++ === 0 ? { status: 503 } : { json: { id: 7 } });
  };
  // `fresh` restarts a stateful handler for each path.
  const cases: Array<[string, { handler: RecordingHandler; fresh?: () => RecordingHandler; input?: object; execute?: ExecuteOptions }]> = [
    ['a success', { handler: () => ({ json: { id: 7 }, headers: { 'x-request-id': 'req-1' } }) }],
    ['an HTTP error', { handler: () => ({ status: 404, json: { message: 'no such issue tok-secret-1' } }) }],
    ['an error after retries', { handler: () => ({ status: 503, json: { message: 'down' } }) }],
    ['a success after a retry', { handler: failOnce(), fresh: failOnce }],
    ['a validation error (nothing sent)', { handler: () => ({ json: {} }), input: { number: 'seven' } }],
    ['an already aborted signal', { handler: () => ({ json: {} }), execute: { signal: AbortSignal.abort() } }],
    // Long enough for the server to see the request on a loaded machine before the timer fires.
    ['a timeout', { handler: () => ({ delayMs: 3_000 }), execute: { timeoutMs: 400 } }],
  ];

  it.each(cases)('%s: the same response, events and requests on every path', async (_name, options) => {
    const results = [];
    for (const [, make] of makers) {
      results.push(await run({ ...options, handler: options.fresh?.() ?? options.handler, make }));
    }
    const [direct, ...hooked] = results;
    for (const other of hooked) {
      expect(other.keys).toBe(direct.keys);
      expect(other.events).toEqual(direct.events);
      expect(other.requests).toBe(direct.requests);
    }
    expect(direct.seen).toBeUndefined();
    // performRequest runs once a request is built (an aborted signal fails inside it), not after a validation error.
    expect(hooked[0].seen).toEqual(_name === 'a validation error (nothing sent)' ? [] : ['performRequest GET /issues/7']);
    expect(hooked[1].seen).toEqual(['performAction issues_get']);
  });

  it('the response of the one-frame path: metadata in order, response time last, attempts when retried', async () => {
    const { response } = await run({ make: makers[0][1], handler: () => ({ json: { id: 7 }, headers: { 'x-request-id': 'req-1' } }) });
    expect(Object.keys(response)).toEqual(['success', 'data', 'metadata']);
    expect(Object.keys(response.metadata ?? {})).toEqual(['status', 'headers', 'requestId', 'attempts', 'responseTime']);
    expect(response.metadata?.attempts).toBe(1);
    let n = 0;
    const retried = await run({ make: makers[0][1], handler: () => (n++ === 0 ? { status: 503 } : { json: { id: 7 } }) });
    expect(Object.keys(retried.response.metadata ?? {})).toEqual(['status', 'headers', 'attempts', 'responseTime']);
    expect(retried.response.metadata?.attempts).toBe(2);
  });

  it('an HTTP error on the one-frame path names its request, redacted, and its attempts', async () => {
    const { response } = await run({ make: makers[0][1], handler: () => ({ status: 503, json: { message: 'down tok-secret-1' } }) });
    expect(response.error).toMatchObject({ code: 'HTTP_503', attempts: 3 });
    expect(JSON.stringify(response)).not.toContain('tok-secret-1');
    expect(response.error?.details).toMatchObject({ request: { method: 'GET', url: expect.stringMatching(/\/issues\/7$/) } });
  });
});
