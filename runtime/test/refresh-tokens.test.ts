/** FluxTurn's optional `refreshTokens()`: a host asks for new OAuth2 tokens outside any request. */
import { describe, expect, it } from 'vitest';
import { BaseConnector, InMemoryTokenStore } from '@specwire/runtime';
import { defineConnector } from './fixtures/define.ts';
import { form, oauthSetup } from './support/oauth-fixture.ts';

const CREDENTIALS = { accessToken: 'old-access', refreshToken: 'refresh-1', clientId: 'client-1', clientSecret: 'client-secret-1' };

describe('refreshTokens', () => {
  it('refreshes with the refresh token, stores the new tokens, emits token.refreshed, and later requests use them', async () => {
    const store = new InMemoryTokenStore();
    const { api, tokens, connector } = await oauthSetup({
      api: () => ({ json: { ok: true } }),
      token: () => ({ json: { access_token: 'new-access', refresh_token: 'refresh-2', expires_in: 3600, token_type: 'bearer' } }),
      connector: { credentials: CREDENTIALS, oauth2: { tokenStore: store } },
    });
    const refreshed: string[] = [];
    connector.on('token.refreshed', (event) => refreshed.push(event.connector));
    expect(await connector.refreshTokens()).toEqual({ success: true, data: true });
    expect(tokens.requests).toHaveLength(1);
    expect(form(tokens.requests[0]!.body)).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'refresh-1' });
    expect(await store.get()).toMatchObject({ accessToken: 'new-access', refreshToken: 'refresh-2' });
    expect(refreshed).toEqual(['test']);
    await connector.executeAction('test_action');
    expect(api.requests[0]?.headers.authorization).toBe('Bearer new-access');
  });

  it('without a refresh token: MISSING_CREDENTIALS and no token request', async () => {
    const { tokens, connector } = await oauthSetup({
      api: () => ({ json: {} }),
      token: () => ({ json: { access_token: 'x' } }),
      connector: { credentials: { accessToken: 'old-access' } },
    });
    expect(await connector.refreshTokens()).toMatchObject({ success: false, error: { code: 'MISSING_CREDENTIALS' } });
    expect(tokens.requests).toHaveLength(0);
  });

  it('a revoked grant is RECONNECT_REQUIRED without the refresh token in the answer', async () => {
    const { connector } = await oauthSetup({
      api: () => ({ json: {} }),
      token: () => ({ status: 400, json: { error: 'invalid_grant' } }),
      connector: { credentials: CREDENTIALS },
    });
    const response = await connector.refreshTokens();
    expect(response).toMatchObject({ success: false, error: { code: 'RECONNECT_REQUIRED' } });
    expect(JSON.stringify(response)).not.toContain('refresh-1');
  });

  it('a connector without OAuth2 answers CONFIGURATION_ERROR', async () => {
    const response = await new BaseConnector(defineConnector()).refreshTokens();
    expect(response).toMatchObject({ success: false, error: { code: 'CONFIGURATION_ERROR' } });
  });
});
