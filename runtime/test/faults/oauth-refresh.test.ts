import { describe, expect, it } from 'vitest';
import { InMemoryTokenStore } from '@specwire/runtime';
import { form, oauthSetup } from '../support/oauth-fixture.ts';
import { createTestClock } from '../support/test-clock.ts';

const CREDENTIALS = { accessToken: 'old-access', refreshToken: 'refresh-1', clientId: 'client-1', clientSecret: 'client-secret-1' };

/** 401 unless the request carries `Bearer new-access`. */
const apiAcceptingNewToken = (req: { headers: Record<string, string> }) =>
  req.headers.authorization === 'Bearer new-access' ? { json: { ok: true } } : { status: 401, json: { message: 'token expired' } };

describe('HOSTILE-INPUTS 32: five concurrent 401s', () => {
  it('exactly one refresh, shared; every request is resent once with the new token', async () => {
    const store = new InMemoryTokenStore();
    const { api, tokens, connector } = await oauthSetup({
      api: apiAcceptingNewToken,
      token: () => ({ delayMs: 50, json: { access_token: 'new-access', refresh_token: 'refresh-2', expires_in: 3600, token_type: 'bearer' } }),
      connector: { credentials: CREDENTIALS, oauth2: { tokenStore: store } },
    });
    const responses = await Promise.all(Array.from({ length: 5 }, () => connector.executeAction('test_action')));
    expect(responses.map((r) => r.success)).toEqual([true, true, true, true, true]);
    expect(tokens.requests).toHaveLength(1);
    expect(tokens.requests[0]?.method).toBe('POST');
    expect(tokens.requests[0]?.pathname).toBe('/token');
    expect(form(tokens.requests[0]!.body)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
      client_id: 'client-1',
      client_secret: 'client-secret-1',
    });
    const seen = api.requests.map((r) => r.headers.authorization);
    expect(seen.filter((h) => h === 'Bearer old-access')).toHaveLength(5);
    expect(seen.filter((h) => h === 'Bearer new-access')).toHaveLength(5);
    // The rotated refresh token is what the host persists.
    expect(await store.get()).toMatchObject({ accessToken: 'new-access', refreshToken: 'refresh-2' });
  });

  it('a second 401 after the refresh fails without looping', async () => {
    const { api, tokens, connector } = await oauthSetup({
      api: () => ({ status: 401, json: { message: 'nope' } }),
      token: () => ({ json: { access_token: 'new-access', expires_in: 3600 } }),
      connector: { credentials: CREDENTIALS, retry: {} },
    });
    const response = await connector.executeAction('test_action');
    expect(response.error).toMatchObject({ code: 'HTTP_401', retryable: false, attempts: 1 });
    expect(tokens.requests).toHaveLength(1);
    expect(api.requests.map((r) => r.headers.authorization)).toEqual(['Bearer old-access', 'Bearer new-access']);
  });

  it('without a refresh token the 401 stands (no token request)', async () => {
    const { api, tokens, connector } = await oauthSetup({
      api: () => ({ status: 401 }),
      token: () => ({ json: { access_token: 'x' } }),
      connector: { credentials: { accessToken: 'old-access' } },
    });
    expect((await connector.executeAction('test_action')).error?.code).toBe('HTTP_401');
    expect(tokens.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(1);
  });
});

describe('HOSTILE-INPUTS 33: refresh answers invalid_grant', () => {
  it('five concurrent 401s → one refresh → RECONNECT_REQUIRED for all; later calls send nothing', async () => {
    const { api, tokens, connector } = await oauthSetup({
      api: () => ({ status: 401 }),
      token: () => ({ delayMs: 30, status: 400, json: { error: 'invalid_grant', error_description: 'refresh-1 was revoked' } }),
      connector: { credentials: CREDENTIALS, retry: { maxAttempts: 5 } },
    });
    const responses = await Promise.all(Array.from({ length: 5 }, () => connector.executeAction('test_action')));
    for (const response of responses) {
      expect(response.error).toMatchObject({ code: 'RECONNECT_REQUIRED', retryable: false });
      expect(JSON.stringify(response)).not.toContain('refresh-1');
    }
    expect(tokens.requests).toHaveLength(1);
    expect(api.requests).toHaveLength(5);
    const later = await connector.executeAction('test_action');
    expect(later.error?.code).toBe('RECONNECT_REQUIRED');
    expect(tokens.requests).toHaveLength(1);
    expect(api.requests).toHaveLength(5);
  });

  it('a 5xx from the token endpoint is a retryable OAUTH_ERROR, not a reconnect', async () => {
    const { tokens, connector } = await oauthSetup({
      api: () => ({ status: 401 }),
      token: () => ({ status: 503, body: 'down' }),
      connector: { credentials: CREDENTIALS },
    });
    const response = await connector.executeAction('test_action');
    expect(response.error).toMatchObject({ code: 'OAUTH_ERROR', retryable: true, message: 'the token endpoint answered HTTP 503' });
    expect(tokens.requests).toHaveLength(1);
  });
});

describe('token lifecycle', () => {
  it('refreshes before expiry: the API never sees the expiring token', async () => {
    const clock = createTestClock();
    const { api, tokens, connector } = await oauthSetup({
      api: apiAcceptingNewToken,
      token: () => ({ json: { access_token: 'new-access', expires_in: 3600 } }),
      connector: {
        clock: clock.clock,
        credentials: { ...CREDENTIALS, expiresAt: String(clock.now() + 30_000) },
        oauth2: { refreshSkewMs: 60_000 },
      },
    });
    expect((await connector.executeAction('test_action')).success).toBe(true);
    expect(api.requests.map((r) => r.headers.authorization)).toEqual(['Bearer new-access']);
    expect(tokens.requests).toHaveLength(1);
    // Still valid for an hour: no second refresh.
    clock.advance(10 * 60_000);
    await connector.executeAction('test_action');
    expect(tokens.requests).toHaveLength(1);
    // Within the skew of expiry: refreshed again.
    clock.advance(50 * 60_000);
    await connector.executeAction('test_action');
    expect(tokens.requests).toHaveLength(2);
  });

  it('client credentials: fetched on first use with the scopes, cached, Basic client auth when declared', async () => {
    const { api, tokens, connector } = await oauthSetup({
      api: apiAcceptingNewToken,
      token: () => ({ json: { access_token: 'new-access', expires_in: 3600 } }),
      scheme: { authorizationUrl: undefined, tokenEndpointAuth: 'client_secret_basic' },
      connector: { credentials: { clientId: 'client 1', clientSecret: 's:cret' } },
    });
    await connector.executeAction('test_action');
    await connector.executeAction('test_action');
    expect(tokens.requests).toHaveLength(1);
    expect(form(tokens.requests[0]!.body)).toEqual({ grant_type: 'client_credentials', scope: 'read write' });
    expect(tokens.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('client%201:s%3Acret').toString('base64')}`);
    expect(api.requests.map((r) => r.headers.authorization)).toEqual(['Bearer new-access', 'Bearer new-access']);
  });

  it('authorization code with PKCE S256: URL, exchange, stored tokens used', async () => {
    const store = new InMemoryTokenStore();
    const { api, tokens, connector } = await oauthSetup({
      api: apiAcceptingNewToken,
      token: () => ({ json: { access_token: 'new-access', refresh_token: 'refresh-9', expires_in: 3600 } }),
      connector: { credentials: { clientId: 'client-1', clientSecret: 'client-secret-1' }, oauth2: { tokenStore: store } },
    });
    const session = connector.oauth2!;
    const request = await session.authorizationUrl({ redirectUri: 'https://host.example/callback', state: 'st-1' });
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe('https://auth.example.invalid/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'https://host.example/callback',
      scope: 'read write',
      state: 'st-1',
      code_challenge: (await import('node:crypto')).createHash('sha256').update(request.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    expect(request.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.has('client_secret')).toBe(false);

    // Before the exchange there is no token: the action names the missing credential.
    expect((await connector.executeAction('test_action')).error?.code).toBe('MISSING_CREDENTIALS');
    await session.exchangeCode({ code: 'code-1', codeVerifier: request.codeVerifier, redirectUri: 'https://host.example/callback' });
    expect(form(tokens.requests[0]!.body)).toEqual({
      grant_type: 'authorization_code',
      code: 'code-1',
      redirect_uri: 'https://host.example/callback',
      code_verifier: request.codeVerifier,
      client_id: 'client-1',
      client_secret: 'client-secret-1',
    });
    expect(await store.get()).toMatchObject({ accessToken: 'new-access', refreshToken: 'refresh-9' });
    expect((await connector.executeAction('test_action')).success).toBe(true);
    expect(api.requests.at(-1)?.headers.authorization).toBe('Bearer new-access');
  });

  it('the token URL must be https (http only on loopback); nothing is sent otherwise', async () => {
    const { api, connector } = await oauthSetup({
      api: () => ({ status: 401 }),
      token: () => ({ json: { access_token: 'x' } }),
      scheme: { tokenUrl: 'http://tokens.example.invalid/token' },
      connector: { credentials: CREDENTIALS },
    });
    const response = await connector.executeAction('test_action');
    expect(response.error).toMatchObject({ code: 'CONFIGURATION_ERROR', message: 'the OAuth2 tokenUrl must use https (http only on a loopback host)' });
    expect(api.requests).toHaveLength(1);
  });

  it('a redirecting token endpoint is not followed (the secret stays home)', async () => {
    const { server } = await import('../fixtures/run.ts');
    const elsewhere = await server(() => ({ json: { access_token: 'stolen' } }));
    const { tokens, connector } = await oauthSetup({
      api: () => ({ status: 401 }),
      token: () => ({ status: 307, headers: { location: `${elsewhere.url}/token` } }),
      connector: { credentials: CREDENTIALS },
    });
    const response = await connector.executeAction('test_action');
    expect(response.error).toMatchObject({ code: 'OAUTH_ERROR', message: 'the token endpoint answered HTTP 307' });
    expect(tokens.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('a token with a line break from the token endpoint is refused', async () => {
    const { api, connector } = await oauthSetup({
      api: apiAcceptingNewToken,
      token: () => ({ json: { access_token: 'abc\r\nX-Injected: 1' } }),
      connector: { credentials: CREDENTIALS },
    });
    const response = await connector.executeAction('test_action');
    expect(response.error?.code).toBe('OAUTH_ERROR');
    expect(JSON.stringify(response)).not.toContain('Injected');
    expect(api.requests).toHaveLength(1);
  });
});
