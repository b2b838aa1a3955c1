/**
 * An error body is redacted before it is cut to its 4 KB excerpt: a token that straddles the cut
 * must not show any of its characters.
 */
import { BaseConnector } from '@specwire/runtime';
import { describe, expect, it } from 'vitest';
import { bearer, defineAction, defineConnector } from '../fixtures/define.ts';
import { server } from '../fixtures/run.ts';

const TOKEN = 'tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0ZYXWVU';

describe('error bodies', () => {
  it.each([4_096 - 39, 4_096 - 20, 4_096 - 1])('hide a token that starts at byte %i of a long text body', async (offset) => {
    const body = `${'x'.repeat(offset)}${TOKEN}${'y'.repeat(200)}`;
    const srv = await server(() => ({ status: 403, headers: { 'content-type': 'text/plain' }, body }));
    const connector = new BaseConnector(
      defineConnector({ auth: [bearer], supported_actions: [defineAction({ api: { security: [['bearer']] } })] }),
      { baseUrl: srv.url, credentials: { accessToken: TOKEN }, retry: false, rateLimit: false },
    );
    const response = await connector.executeAction('test_action', {});
    expect(response.success).toBe(false);
    const details = String((response.error?.details as { body?: unknown } | undefined)?.body);
    expect(details).toMatch(/bytes\]$/);
    // No run of 8 or more of the token's characters may survive, at the cut or anywhere else.
    for (let start = 0; start + 8 <= TOKEN.length; start++) expect(details).not.toContain(TOKEN.slice(start, start + 8));
    expect(JSON.stringify(response)).not.toContain(TOKEN.slice(0, 8));
  });
});
