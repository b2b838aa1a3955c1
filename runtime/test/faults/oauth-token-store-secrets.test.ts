import { describe, expect, it } from 'vitest';
import { ConnectorError, type ConnectorEvents, type OAuthTokens, type TokenStore, type BaseConnector } from '@specwire/runtime';
import type { RecordingHandler } from '@specwire/runtime/testing';
import { expectNoSecrets } from '../support/expect-clean.ts';
import { oauthSetup } from '../support/oauth-fixture.ts';

/**
 * Tokens that reach the runtime only through a host's TokenStore (the documented way to keep them)
 * are secrets before their first use: an upstream that echoes the Authorization header must not
 * put them into an error's message, details, JSON or stack.
 */
const STORED = { accessToken: 'stored-access-PPPP', refreshToken: 'stored-refresh-QQQQ', expiresAt: Date.now() + 3_600_000 };
const ROTATED = { accessToken: 'rotated-by-host-RRRR', refreshToken: 'rotated-refresh-SSSS', expiresAt: Date.now() + 3_600_000 };
const ALL = [STORED.accessToken, STORED.refreshToken, ROTATED.accessToken, ROTATED.refreshToken];

/** A host store (a database, another process) the runtime has never seen the tokens of. */
class HostTokenStore implements TokenStore {
  constructor(public tokens: OAuthTokens | undefined) {}
  async get(): Promise<OAuthTokens | undefined> {
    return this.tokens === undefined ? undefined : { ...this.tokens };
  }
  async set(tokens: OAuthTokens): Promise<void> {
    this.tokens = { ...tokens };
  }
}

/** 403 echoing the Authorization header (message, body, a header) and the tokens the store holds now. */
function echoAuthorization(store: HostTokenStore): RecordingHandler {
  return (req) => ({
    status: 403,
    headers: { 'x-echo': req.headers.authorization ?? '' },
    json: { message: `forbidden for ${req.headers.authorization}`, seen: { header: req.headers.authorization, stored: store.tokens } },
  });
}

function collectEvents(connector: BaseConnector): unknown[] {
  const events: unknown[] = [];
  for (const name of ['error.occurred', 'action.completed', 'request.completed', 'request.retrying'] as const) {
    connector.on(name, (payload: ConnectorEvents[typeof name]) => events.push(payload));
  }
  return events;
}

async function paginateError(connector: BaseConnector): Promise<ConnectorError> {
  try {
    for await (const item of connector.paginate('test_action')) void item;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('paginate did not reject');
}

function expectErrorClean(error: ConnectorError): void {
  for (const rendered of [error.message, error.stack ?? '', JSON.stringify(error), String(error), JSON.stringify(error.details)]) {
    expectNoSecrets(rendered, ALL);
  }
}

describe('tokens loaded from a host TokenStore are secrets before first use', () => {
  it('executeAction: a 403 echoing Authorization shows [REDACTED], never the stored token', async () => {
    const store = new HostTokenStore(STORED);
    const { api, connector } = await oauthSetup({
      api: echoAuthorization(store),
      token: () => ({ status: 500 }),
      connector: { credentials: { clientId: 'client-1' }, oauth2: { tokenStore: store } },
    });
    const events = collectEvents(connector);
    const response = await connector.executeAction('test_action');
    // The stored token was really sent (the echo carries it), so redaction is what keeps it out.
    expect(api.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${STORED.accessToken}`]);
    expect(response.error).toMatchObject({ code: 'HTTP_403', message: 'HTTP 403 Forbidden: forbidden for Bearer [REDACTED]' });
    expect(response.error?.details).toMatchObject({ body: { seen: { header: 'Bearer [REDACTED]', stored: { accessToken: '[REDACTED]', refreshToken: '[REDACTED]' } } } });
    expectNoSecrets(response, ALL);
    expectNoSecrets(events, ALL);
  });

  it('paginate: the thrown error (message, stack, JSON, details) holds no stored token', async () => {
    const store = new HostTokenStore(STORED);
    const { connector } = await oauthSetup({
      api: echoAuthorization(store),
      token: () => ({ status: 500 }),
      connector: { oauth2: { tokenStore: store } },
    });
    const error = await paginateError(connector);
    expect(error.code).toBe('HTTP_403');
    expectErrorClean(error);
  });

  it('a token the host rotates in its store between calls is a secret too', async () => {
    const store = new HostTokenStore(STORED);
    const { api, connector } = await oauthSetup({
      api: echoAuthorization(store),
      token: () => ({ status: 500 }),
      connector: { oauth2: { tokenStore: store } },
    });
    expectErrorClean(await paginateError(connector));
    store.tokens = ROTATED;
    const response = await connector.executeAction('test_action');
    expect(api.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${STORED.accessToken}`, `Bearer ${ROTATED.accessToken}`]);
    expectNoSecrets(response, ALL);
    expectErrorClean(await paginateError(connector));
  });
});
