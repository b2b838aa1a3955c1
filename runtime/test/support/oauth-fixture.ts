import { BaseConnector, type AuthScheme, type ConnectorOptions } from '@specwire/runtime';
import type { RecordingHandler, RecordingServer } from '@specwire/runtime/testing';
import { defineAction, defineConnector } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';

export function oauthScheme(options: { tokenServer: RecordingServer } & Partial<Extract<AuthScheme, { type: 'oauth2' }>>): AuthScheme {
  const { tokenServer, ...rest } = options;
  return {
    id: 'oauth',
    type: 'oauth2',
    credential: 'accessToken',
    authorizationUrl: 'https://auth.example.invalid/authorize',
    tokenUrl: `${tokenServer.url}/token`,
    scopes: ['read', 'write'],
    ...rest,
  };
}

/** An API server, a token server and a connector whose one action needs the OAuth2 scheme. */
export async function oauthSetup(options: {
  api: RecordingHandler;
  token: RecordingHandler;
  scheme?: Partial<Extract<AuthScheme, { type: 'oauth2' }>>;
  connector?: ConnectorOptions;
}): Promise<{ api: RecordingServer; tokens: RecordingServer; connector: BaseConnector }> {
  const api = await server(options.api);
  const tokens = await server(options.token);
  const connector = new BaseConnector(
    defineConnector({
      auth: [oauthScheme({ tokenServer: tokens, ...options.scheme })],
      supported_actions: [defineAction({ api: { security: [['oauth']] } })],
    }),
    { baseUrl: api.url, rateLimit: false, retry: false, ...options.connector },
  );
  return { api, tokens, connector };
}

export function form(body: Buffer): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body.toString()));
}
