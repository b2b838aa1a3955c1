// The catalog in a real browser (Debian's chromium through playwright-core): every action form of every
// connector renders without a console error, "Try it" sends the request the runtime sends from Node,
// and a malformed definition shows one error naming the connector and action.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createConnector, type ConnectorDefinition } from '@specwire/runtime';
import { connectorInfo, connectorNames, loadConnector } from '@specwire/connectors';
import { buildCatalog, type CatalogBuild, type CatalogConnector } from '../scripts/build-catalog.ts';
import { chromiumPath } from './find-chromium.ts';
import { startSiteServer, type RecordedRequest } from './site-server.ts';

const artefacts = fileURLToPath(new URL('../test-artifacts', import.meta.url));

describe.skipIf(!chromiumPath)('catalog in chromium', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof startSiteServer>>;
  let built: CatalogBuild;
  let outDir: string;
  const connectors: CatalogConnector[] = [];

  beforeAll(async () => {
    for (const name of connectorNames) {
      const { definition } = await loadConnector(name);
      connectors.push({ name, displayName: connectorInfo[name].displayName, definition });
    }
    // A malformed definition next to the real ones: one action's field has no type.
    const kitchen = connectors.find((connector) => connector.name === 'kitchen-sink')!.definition;
    const broken = structuredClone(kitchen) as ConnectorDefinition;
    broken.name = 'broken';
    (broken.supported_actions[1].inputSchema as Record<string, unknown>).tag = { label: 'Tag' };
    outDir = await mkdtemp(path.join(tmpdir(), 'catalog-'));
    built = await buildCatalog({ connectors: [...connectors, { name: 'broken', displayName: 'Broken', definition: broken }], outDir });
    console.log(`catalog build: ${built.milliseconds} ms, ${built.bytes} bytes`);
    site = await startSiteServer({ root: outDir });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    await mkdir(artefacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  async function openPage(url: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.origin}/${url}`);
    await page.waitForSelector('body[data-ready]');
    return { page, errors };
  }

  it('renders every action form of every connector with no console error', async () => {
    const kinds = new Set<string>();
    for (const { name, definition } of connectors) {
      const { page, errors } = await openPage(`connector.html?c=${name}&all=1`);
      const forms = await page.locator('form.action-form').count();
      for (const kind of await page.locator('form.action-form [data-kind]').evaluateAll((fields) => fields.map((field) => (field as HTMLElement).dataset.kind))) {
        if (kind !== undefined) kinds.add(kind);
      }
      // Every output-schema viewer too: opening one renders its tree.
      await page.evaluate(() => document.querySelectorAll('details.output-schema').forEach((details) => { (details as HTMLDetailsElement).open = true; }));
      const withOutput = definition.supported_actions.filter((action) => action.outputSchema !== undefined).length;
      await expect.poll(() => page.locator('.schema-view').count()).toBe(withOutput);
      expect({ name, forms, errors, renderErrors: await page.locator('.render-error').count() })
        .toEqual({ name, forms: definition.supported_actions.length, errors: [], renderErrors: 0 });
      // The page's other parts: every trigger listed, the coverage counts from the definition.
      expect(await page.locator('#triggers li[data-trigger]').count()).toBe(definition.supported_triggers.length);
      expect(await page.locator('#coverage').textContent())
        .toContain(`${definition.supported_actions.length} actions in ${new Set(definition.supported_actions.map((action) => action.category)).size} categories; ${withOutput} with an output schema`);
      if (name === 'github') await page.screenshot({ path: path.join(artefacts, 'github-page.png') });
      await page.close();
    }
    // Between them the committed connectors use every kind of control the catalog has.
    expect([...kinds].sort()).toEqual(['array', 'boolean', 'dynamic', 'file', 'json', 'multiselect', 'number', 'object', 'select', 'string', 'union', 'variants']);
  });

  it('searches connectors and actions on the index', async () => {
    const { page, errors } = await openPage('index.html');
    expect(await page.locator('#results > li').count()).toBe(connectors.length + 1);
    await page.fill('#search', 'shape');
    await expect.poll(() => page.locator('#results [data-action="create_shape"]').count()).toBe(2);
    expect(await page.locator('#results > li[data-connector="github"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows one error naming the connector and action of a malformed definition; the others render', async () => {
    expect(built.problems).toEqual(['connector "broken", action "list_notes": field tag has no type']);
    const { page, errors } = await openPage('connector.html?c=broken&all=1');
    const messages = await page.locator('.render-error').allTextContents();
    expect(messages).toEqual(['Cannot render connector "broken", action "list_notes": field tag has no type']);
    const kitchen = connectors.find((connector) => connector.name === 'kitchen-sink')!.definition;
    expect(await page.locator('form.action-form').count()).toBe(kitchen.supported_actions.length - 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every kitchen-sink action form can be filled and sent', async () => {
    const kitchen = connectors.find((connector) => connector.name === 'kitchen-sink')!.definition;
    const { page, errors } = await openPage('connector.html?c=kitchen-sink&all=1');
    await page.fill('#base-url', `${site.origin}/api`);
    // Every credential, so whichever scheme an action accepts is satisfied.
    // With a scheme chooser (auth fields naming their schemes), a field shows under its own scheme.
    const chooser = (await page.locator('#auth-scheme').count()) > 0;
    for (const field of kitchen.auth_fields) {
      if (chooser && field.schemes?.[0] !== undefined) await page.selectOption('#auth-scheme', field.schemes[0]);
      await page.fill(`#auth-${field.key}`, `${field.key}-value`);
    }
    const unsent: string[] = [];
    for (const action of kitchen.supported_actions) {
      const section = page.locator(`#action-${action.id}`);
      for (const [key, field] of Object.entries(action.inputSchema)) {
        if (!field.required) continue;
        const wrapper = section.locator(`[data-field="${key}"]`);
        const kind = await wrapper.getAttribute('data-kind');
        if (kind === 'file') {
          await wrapper.locator('input[type=file]').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
        } else if (kind === 'array') {
          await wrapper.locator(`[data-add="${key}"]`).click();
          await wrapper.locator(`[name="${key}.0"]`).fill('1');
        } else if (kind === 'variants') {
          await wrapper.locator('select.variant-choice').selectOption({ index: 1 });
          for (const input of await wrapper.locator('.variant-branch input').all()) await input.fill('1');
        } else {
          await wrapper.locator(`[name="${key}"]`).fill('1');
        }
      }
      const before = site.requests.length;
      await section.locator('button.try-it').click();
      await section.locator('.try-result[data-done]').waitFor();
      const result = (await section.locator('.try-result').textContent()) ?? '';
      if (site.requests.length !== before + 1 || !result.includes('"success": true')) unsent.push(`${action.id}: ${result.slice(0, 200)}`);
    }
    expect(unsent).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads dynamic options from their source action', async () => {
    const { page, errors } = await openPage('connector.html?c=github#action-issues_create');
    await page.fill('#base-url', `${site.origin}/api`);
    await page.fill('#auth-accessToken', 'ghp_test');
    // GitHub's string | integer title, as generated: one text box, not a JSON editor or a chooser.
    const title = page.locator('#action-issues_create [data-field="title"]');
    expect(await title.getAttribute('data-kind')).toBe('union');
    expect(await title.locator('input[type=text]').count()).toBe(1);
    expect(await title.locator('textarea, select').count()).toBe(0);
    const field = page.locator('#action-issues_create [data-field="repo"]');
    expect(await field.getAttribute('data-kind')).toBe('dynamic');
    expect(await field.locator('.dynamic-note').textContent()).toContain('Options from repos_list_for_authenticated_user');
    await field.locator('button.load-options').click();
    await expect.poll(() => field.locator('.load-status').textContent()).toBe('1 options');
    expect(await field.locator('datalist option').evaluateAll((options) => options.map((option) => [(option as HTMLOptionElement).value, option.textContent])))
      .toEqual([['specwire', 'acme/specwire']]);
    expect(errors).toEqual([]);
    await page.close();
  });

  /** What the runtime sends from Node for the same input: the oracle for the browser's request. */
  async function sentFromNode(options: { actionId: string; input: object }): Promise<RecordedRequest> {
    const kitchen = connectors.find((connector) => connector.name === 'kitchen-sink')!.definition;
    const before = site.requests.length;
    const connector = createConnector(kitchen, { baseUrl: `${site.origin}/api`, credentials: { apiKey: 'k-123' }, retry: false, rateLimit: false });
    const result = await connector.executeAction(options.actionId, options.input);
    expect(result.success).toBe(true);
    expect(site.requests.length).toBe(before + 1);
    return site.requests[before];
  }

  async function tryIt(options: { actionId: string; fill: (form: ReturnType<Page['locator']>) => Promise<void>; screenshot?: string }): Promise<RecordedRequest> {
    const { page, errors } = await openPage(`connector.html?c=kitchen-sink#action-${options.actionId}`);
    await page.fill('#base-url', `${site.origin}/api`);
    await page.fill('#auth-apiKey', 'k-123');
    const section = page.locator(`#action-${options.actionId}`);
    await options.fill(section);
    const before = site.requests.length;
    await section.locator('button.try-it').click();
    await section.locator('.try-result[data-done]').waitFor();
    // After the click: an element screenshot taller than the viewport leaves the page scrolled so
    // that a later click lands elsewhere.
    if (options.screenshot) await section.screenshot({ path: path.join(artefacts, options.screenshot) });
    expect(await section.locator('.try-result').textContent()).toContain('"success": true');
    expect(errors).toEqual([]);
    expect(site.requests.length).toBe(before + 1);
    await page.close();
    return site.requests[before];
  }

  it('Try it on create_note sends the JSON body the runtime sends', async () => {
    const sent = await tryIt({
      actionId: 'create_note',
      fill: async (form) => {
        await form.locator('[name="title"]').fill('Groceries');
        await form.locator('[name="status"]').selectOption({ label: 'published' });
        await form.locator('[data-add="labels"]').click();
        await form.locator('[data-add="labels"]').click();
        await form.locator('[name="labels.0.name"]').fill('home');
        await form.locator('[name="labels.0.colour"]').selectOption({ label: 'green' });
        await form.locator('[name="labels.1.name"]').fill('food');
        await form.locator('[name="location.lat"]').fill('52.5');
        await form.locator('[name="location.lng"]').fill('13.4');
      },
      screenshot: 'create-note-form.png',
    });
    const expected = await sentFromNode({
      actionId: 'create_note',
      input: { title: 'Groceries', status: 'published', labels: [{ name: 'home', colour: 'green' }, { name: 'food' }], location: { lat: 52.5, lng: 13.4 } },
    });
    expect(sent).toEqual(expected);
    expect(sent.method).toBe('POST');
    expect(JSON.parse(sent.body)).toMatchObject({ title: 'Groceries', status: 'published', labels: [{ name: 'home', colour: 'green' }, { name: 'food' }] });
    expect(sent.apiKey).toBe('k-123');
  });

  it('Try it on list_notes sends the query the runtime sends', async () => {
    const sent = await tryIt({
      actionId: 'list_notes',
      fill: async (form) => {
        await form.locator('[data-add="tag"]').click();
        await form.locator('[data-add="tag"]').click();
        await form.locator('[name="tag.0"]').fill('a');
        await form.locator('[name="tag.1"]').fill('b');
        await form.locator('[name="limit"]').fill('5');
      },
    });
    expect(sent).toEqual(await sentFromNode({ actionId: 'list_notes', input: { tag: ['a', 'b'], limit: 5 } }));
    expect(sent.method).toBe('GET');
  });

  it('Try it on create_shape sends the chosen oneOf branch', async () => {
    const sent = await tryIt({
      actionId: 'create_shape',
      fill: async (form) => {
        await form.locator('select.variant-choice').first().selectOption({ label: 'Circle' });
        const branch = form.locator('.variant-branch').first();
        for (const input of await branch.locator('input[type=number]').all()) await input.fill('3');
      },
      screenshot: 'create-shape-form.png',
    });
    expect(JSON.parse(sent.body)).toEqual({ kind: 'circle', radius: 3 });
    expect(sent).toEqual(await sentFromNode({ actionId: 'create_shape', input: { body: { kind: 'circle', radius: 3 } } }));
    expect(sent.method).toBe('POST');
  });

  it("shows a discriminated branch's fields only while that branch is chosen (kitchen-sink create_shape)", async () => {
    const { page, errors } = await openPage('connector.html?c=kitchen-sink#action-create_shape');
    const body = page.locator('#action-create_shape [data-field="body"]');
    const names = () => body.locator('.variant-branch [name]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).name));
    expect(await names()).toEqual([]);
    await body.locator('select.variant-choice').selectOption({ label: 'Rectangle' });
    expect(await names()).toEqual(['body.kind', 'body.width', 'body.height']);
    expect(await body.locator('[name="body.width"]').isVisible()).toBe(true);
    await body.locator('select.variant-choice').selectOption({ label: 'Circle' });
    expect(await names()).toEqual(['body.kind', 'body.radius']);
    await body.locator('select.variant-choice').selectOption({ label: '(unset)' });
    expect(await names()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Try it on send_feedback sends a multiselect as the runtime does', async () => {
    const sent = await tryIt({
      actionId: 'send_feedback',
      fill: async (form) => {
        await form.locator('[name="message"]').fill('Works well');
        await form.locator('[name="topics"]').selectOption([{ label: 'bug' }, { label: 'idea' }]);
      },
    });
    expect(sent).toEqual(await sentFromNode({ actionId: 'send_feedback', input: { message: 'Works well', topics: ['bug', 'idea'] } }));
  });
});
