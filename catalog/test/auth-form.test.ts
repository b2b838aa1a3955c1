// The connection form in chromium: with several schemes, a chooser shows the chosen scheme's fields
// (auth fields name their schemes); "Test connection" runs the definition's test action with a
// credential mapped into its path, and says "unverified" for a connector that has none.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ConnectorDefinition } from '@specwire/runtime';
import { buildCatalog } from '../scripts/build-catalog.ts';
import { chromiumPath } from './find-chromium.ts';
import { startSiteServer } from './site-server.ts';

function accounts(options: { name: string; withTest: boolean }): ConnectorDefinition {
  return {
    name: options.name,
    display_name: options.name,
    category: 'development',
    description: 'Accounts',
    auth_type: 'multiple',
    auth_fields: [
      { key: 'apiKey', label: 'API Key', type: 'password', required: false, schemes: ['key'] },
      { key: 'username', label: 'Username', type: 'string', required: false, schemes: ['basic'] },
      { key: 'password', label: 'Password', type: 'password', required: false, schemes: ['basic'] },
      { key: 'accountId', label: 'Account', type: 'string', required: false },
    ],
    auth: [
      { id: 'key', type: 'apiKey', in: 'header', name: 'X-API-Key', credential: 'apiKey' },
      { id: 'basic', type: 'basic', usernameCredential: 'username', passwordCredential: 'password' },
    ],
    endpoints: { base_url: 'https://api.example.invalid', servers: [] },
    webhook_support: false,
    supported_actions: [
      {
        id: 'account_get',
        name: 'Get account',
        description: 'One account',
        category: 'accounts',
        inputSchema: { accountId: { type: 'string', label: 'Account', required: true } },
        api: {
          endpoint: '/accounts/{accountId}',
          method: 'GET',
          headers: {},
          paramMapping: { accountId: { in: 'path', name: 'accountId', style: 'simple', explode: false } },
          response: { type: 'json' },
          security: [['key'], ['basic']],
        },
      },
    ],
    supported_triggers: [],
    ...(options.withTest ? { connection_test: { actionId: 'account_get', input: { accountId: '{{credentials.accountId}}' } } } : {}),
  };
}

describe.skipIf(!chromiumPath)('connection form in chromium', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof startSiteServer>>;
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'catalog-auth-'));
    await buildCatalog({
      connectors: [
        { name: 'accounts', displayName: 'Accounts', definition: accounts({ name: 'accounts', withTest: true }) },
        { name: 'untested', displayName: 'Untested', definition: accounts({ name: 'untested', withTest: false }) },
      ],
      outDir,
    });
    site = await startSiteServer({ root: outDir });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  async function openPage(name: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.origin}/connector.html?c=${name}`);
    await page.waitForSelector('body[data-ready]');
    await page.fill('#base-url', `${site.origin}/api`);
    return { page, errors };
  }

  it('shows the fields of the chosen scheme only', async () => {
    const { page, errors } = await openPage('accounts');
    expect(await page.locator('#auth-scheme option').allTextContents()).toEqual(['key (apiKey)', 'basic (basic)']);
    expect(await page.isVisible('#auth-apiKey')).toBe(true);
    expect(await page.isVisible('#auth-username')).toBe(false);
    expect(await page.isVisible('#auth-accountId')).toBe(true);
    await page.selectOption('#auth-scheme', 'basic');
    expect(await page.isVisible('#auth-apiKey')).toBe(false);
    expect(await page.isVisible('#auth-password')).toBe(true);
    await page.selectOption('#auth-scheme', 'key');
    expect(await page.isVisible('#auth-apiKey')).toBe(true);
    expect(await page.isVisible('#auth-password')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Test connection sends the test action with the credential in its path and says verified', async () => {
    const { page, errors } = await openPage('accounts');
    await page.fill('#auth-apiKey', 'k-1');
    await page.fill('#auth-accountId', 'acc-7');
    const before = site.requests.length;
    await page.click('#test-connection');
    await page.waitForSelector('#connection-status[data-status]');
    expect(await page.textContent('#connection-status')).toBe('verified');
    expect(site.requests.slice(before).map((request) => [request.method, request.url, request.apiKey])).toEqual([['GET', '/accounts/acc-7', 'k-1']]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says unverified, and sends nothing, for a connector without a test action', async () => {
    const { page, errors } = await openPage('untested');
    await page.fill('#auth-apiKey', 'k-1');
    const before = site.requests.length;
    await page.click('#test-connection');
    await page.waitForSelector('#connection-status[data-status]');
    expect(await page.textContent('#connection-status')).toMatch(/^unverified: the connection is not verified/);
    expect(site.requests.length).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
