// The form vocabulary in chromium: a primitive union is a validated text box, many optional fields
// fold into "Additional fields", a oneOf branch's fields show only once it is chosen, and dynamic
// options say what they depend on, reload when it changes, search and page past the first page.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ActionDefinition, ConnectorDefinition, InputField } from '@specwire/runtime';
import { buildCatalog } from '../scripts/build-catalog.ts';
import { chromiumPath } from './find-chromium.ts';
import { startSiteServer } from './site-server.ts';

const body = (names: string[]) => Object.fromEntries(names.map((name) => [name, { in: 'body' as const, name }]));

const boardsList: ActionDefinition = {
  id: 'boards_list',
  name: 'List boards',
  description: 'Boards of a project',
  category: 'boards',
  inputSchema: {
    project: { type: 'string', label: 'Project', required: true },
    q: { type: 'string', label: 'Search' },
    cursor: { type: 'string', label: 'Cursor' },
  },
  api: {
    endpoint: '/projects/{project}/boards',
    method: 'GET',
    headers: {},
    paramMapping: {
      project: { in: 'path', name: 'project', style: 'simple', explode: false },
      q: { in: 'query', name: 'q', style: 'form', explode: true },
      cursor: { in: 'query', name: 'cursor', style: 'form', explode: true },
    },
    pagination: { style: 'cursor', cursorParam: 'cursor', cursorPath: 'next', itemsPath: 'items' },
    response: { type: 'json' },
    security: [],
  },
};

const optionalNotes: Record<string, InputField> = Object.fromEntries(
  ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((name) => [name, { type: 'string', label: `Note ${name}` }]),
);

const ticketsCreate: ActionDefinition = {
  id: 'tickets_create',
  name: 'Create ticket',
  description: 'A new ticket',
  category: 'tickets',
  inputSchema: {
    project: { type: 'string', label: 'Project', required: true },
    title: {
      type: 'object',
      label: 'Title',
      required: true,
      inputType: 'json',
      variantMode: 'oneOf',
      variants: [
        { label: 'string', field: { type: 'string', label: 'Title' } },
        { label: 'integer', field: { type: 'number', format: 'integer', label: 'Title' } },
      ],
    },
    size: {
      type: 'object',
      label: 'Size',
      inputType: 'json',
      variantMode: 'oneOf',
      variants: [
        { label: 'integer', field: { type: 'number', format: 'integer', label: 'Size' } },
        { label: 'boolean', field: { type: 'boolean', label: 'Size' } },
      ],
    },
    board: {
      type: 'string',
      label: 'Board',
      loadOptionsSource: { action: 'boards_list', valuePath: 'id', labelPath: 'name', itemsPath: 'items', dependsOn: ['project'], searchParam: 'q' },
    },
    shape: {
      type: 'object',
      label: 'Shape',
      variantMode: 'oneOf',
      discriminator: 'kind',
      variants: [
        { label: 'circle', discriminatorValues: ['circle'], field: { type: 'object', label: 'circle', properties: { kind: { type: 'string', label: 'Kind' }, radius: { type: 'number', label: 'Radius' } } } },
        { label: 'square', discriminatorValues: ['square'], field: { type: 'object', label: 'square', properties: { kind: { type: 'string', label: 'Kind' }, side: { type: 'number', label: 'Side' } } } },
      ],
    },
    priority: { type: 'number', label: 'Priority', additional: false },
    mode: { type: 'select', label: 'Mode', options: [{ label: 'Text', value: 'text' }, { label: 'Template', value: 'template' }] },
    template: { type: 'string', label: 'Template', displayOptions: { show: { mode: ['template'] } } },
    ...optionalNotes,
  },
  api: {
    endpoint: '/tickets',
    method: 'POST',
    headers: {},
    paramMapping: body(['project', 'title', 'size', 'board', 'priority', 'mode', 'template', 'shape', ...Object.keys(optionalNotes)]),
    body: { encoding: 'json', contentType: 'application/json', required: true },
    response: { type: 'json' },
    security: [],
  },
};

const ticketsClose: ActionDefinition = {
  id: 'tickets_close',
  name: 'Close ticket',
  description: 'Closes a ticket',
  category: 'tickets',
  inputSchema: {
    id: { type: 'string', label: 'Ticket', required: true },
    reason: { type: 'string', label: 'Reason' },
    notify: { type: 'boolean', label: 'Notify', additional: true },
  },
  api: {
    endpoint: '/tickets/close',
    method: 'POST',
    headers: {},
    paramMapping: body(['id', 'reason', 'notify']),
    body: { encoding: 'json', contentType: 'application/json', required: true },
    response: { type: 'json' },
    security: [],
  },
};

const tracker: ConnectorDefinition = {
  name: 'tracker',
  display_name: 'Tracker',
  category: 'project_management',
  description: 'Tickets',
  auth_type: 'none',
  auth_fields: [],
  auth: [],
  endpoints: { base_url: 'https://api.example.invalid', servers: [] },
  webhook_support: false,
  supported_actions: [boardsList, ticketsCreate, ticketsClose],
  supported_triggers: [],
};

/** Two pages of boards per project; `q` filters by name. */
function boardsAnswer(url: string): unknown {
  const parsed = new URL(url, 'http://127.0.0.1');
  const match = /^\/projects\/([^/]+)\/boards$/.exec(parsed.pathname);
  if (!match) return undefined;
  const project = decodeURIComponent(match[1]);
  const all = [1, 2, 3].map((n) => ({ id: `${project}-b${n}`, name: `${project} board ${n}` }));
  const q = parsed.searchParams.get('q');
  const matching = q ? all.filter((board) => board.name.includes(q)) : all;
  const start = Number(parsed.searchParams.get('cursor') ?? 0);
  const items = matching.slice(start, start + 2);
  return { items, ...(start + 2 < matching.length ? { next: String(start + 2) } : {}) };
}

describe.skipIf(!chromiumPath)('form vocabulary in chromium', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof startSiteServer>>;
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'catalog-form-'));
    await buildCatalog({ connectors: [{ name: 'tracker', displayName: 'Tracker', definition: tracker }], outDir });
    site = await startSiteServer({ root: outDir, answer: boardsAnswer });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  async function openForm(actionId = 'tickets_create'): Promise<{ page: Page; form: ReturnType<Page['locator']>; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.origin}/connector.html?c=tracker#action-${actionId}`);
    await page.waitForSelector('body[data-ready]');
    await page.fill('#base-url', `${site.origin}/api`);
    return { page, form: page.locator(`#action-${actionId}`), errors };
  }

  /**
   * Sends the form and returns the body of the one action request it made. Filling `project` also
   * loads the board choices (GET /projects/…/boards) in the background, and that request may land
   * while the action is sent, so only the action's own (non-GET) requests are counted.
   */
  async function send(form: ReturnType<Page['locator']>): Promise<unknown> {
    const actionRequests = () => site.requests.filter((request) => request.method !== 'GET');
    const before = actionRequests().length;
    await form.locator('button.try-it').click();
    await form.locator('.try-result[data-done]').waitFor();
    expect(actionRequests().length).toBe(before + 1);
    return JSON.parse(actionRequests()[before]!.body);
  }

  it('a string | integer field is one validated text box, sent as the type it fits', async () => {
    const { page, form, errors } = await openForm();
    const title = form.locator('[data-field="title"]');
    expect(await title.getAttribute('data-kind')).toBe('union');
    expect(await title.locator('textarea, select').count()).toBe(0);
    await form.locator('[name="project"]').fill('p1');
    await form.locator('[name="title"]').fill('42');
    expect(await send(form)).toEqual({ project: 'p1', title: 42 });
    await form.locator('[name="title"]').fill('Broken login');
    expect(await send(form)).toEqual({ project: 'p1', title: 'Broken login' });
    expect(await form.locator('[name="title"]').getAttribute('aria-invalid')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks text that fits no alternative invalid, and clears the mark once it fits', async () => {
    const { page, form, errors } = await openForm();
    await form.locator('details.additional-fields summary').click();
    const size = form.locator('[name="size"]');
    await size.fill('seven');
    expect(await size.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('[data-field="size"] .field-error').textContent()).toBe('expected integer or boolean');
    await size.fill('7.5');
    expect(await size.getAttribute('aria-invalid')).toBe('true');
    await size.fill('true');
    expect(await size.getAttribute('aria-invalid')).toBeNull();
    await form.locator('[name="project"]').fill('p1');
    await form.locator('[name="title"]').fill('t');
    await size.fill('7');
    expect(await form.locator('[data-field="size"] .field-error').textContent()).toBe('');
    expect(await send(form)).toEqual({ project: 'p1', title: 't', size: 7 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('folds more than five optional fields into "Additional fields", which expands', async () => {
    const { page, form, errors } = await openForm();
    const group = form.locator('details.additional-fields');
    expect(await group.locator('summary').textContent()).toBe('Additional fields (11)');
    expect(await form.locator('[name="project"]').isVisible()).toBe(true);
    expect(await form.locator('[name="n1"]').isVisible()).toBe(false);
    // additional: false keeps an optional field in the main list.
    expect(await form.locator('[name="priority"]').isVisible()).toBe(true);
    await group.locator('summary').click();
    expect(await form.locator('[name="n1"]').isVisible()).toBe(true);
    await form.locator('[name="project"]').fill('p1');
    await form.locator('[name="title"]').fill('t');
    await form.locator('[name="n6"]').fill('six');
    expect(await send(form)).toEqual({ project: 'p1', title: 't', n6: 'six' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('groups a field the definition marks additional even below the threshold', async () => {
    const { page, form: close, errors } = await openForm('tickets_close');
    expect(await close.locator('details.additional-fields summary').textContent()).toBe('Additional fields (1)');
    expect(await close.locator('[name="reason"]').isVisible()).toBe(true);
    expect(await close.locator('[name="notify"]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a oneOf branch's fields only once that branch is chosen", async () => {
    const { page, form, errors } = await openForm();
    await form.locator('details.additional-fields summary').click();
    const shape = form.locator('[data-field="shape"]');
    expect(await shape.locator('[name="shape.radius"]').count()).toBe(0);
    await shape.locator('select.variant-choice').selectOption({ label: 'circle' });
    expect(await shape.locator('[name="shape.radius"]').isVisible()).toBe(true);
    expect(await shape.locator('[name="shape.side"]').count()).toBe(0);
    await shape.locator('select.variant-choice').selectOption({ label: 'square' });
    expect(await shape.locator('[name="shape.side"]').isVisible()).toBe(true);
    expect(await shape.locator('[name="shape.radius"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a field only while its displayOptions hold, and sends nothing from it when hidden', async () => {
    const { page, form, errors } = await openForm();
    await form.locator('details.additional-fields summary').click();
    const template = form.locator('[data-field="template"]');
    expect(await template.isHidden()).toBe(true);
    await form.locator('[name="mode"]').selectOption({ label: 'Template' });
    expect(await template.isVisible()).toBe(true);
    await form.locator('[name="template"]').fill('welcome');
    await form.locator('[name="project"]').fill('p1');
    await form.locator('[name="title"]').fill('t');
    expect(await send(form)).toEqual({ project: 'p1', title: 't', mode: 'template', template: 'welcome' });
    await form.locator('[name="mode"]').selectOption({ label: 'Text' });
    expect(await template.isHidden()).toBe(true);
    expect(await send(form)).toEqual({ project: 'p1', title: 't', mode: 'text' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('dynamic options name their dependency, page past the first page, search, and reload when it changes', async () => {
    const { page, form, errors } = await openForm();
    await form.locator('details.additional-fields summary').click();
    const board = form.locator('[data-field="board"]');
    expect(await board.locator('.dynamic-note').textContent()).toBe('Options from boards_list; depends on: project');
    const options = () => board.locator('datalist option').evaluateAll((list) => list.map((option) => (option as HTMLOptionElement).value));
    // Without the project the runtime refuses before sending anything.
    const before = site.requests.length;
    await board.locator('button.load-options').click();
    await expect.poll(() => board.locator('.load-status').textContent()).toContain('fill it first');
    expect(site.requests.length).toBe(before);
    await form.locator('[name="project"]').fill('alpha');
    await form.locator('[name="project"]').press('Tab'); // leaving the field is what fires its change
    await expect.poll(() => board.locator('.load-status').textContent()).toBe('2 options');
    expect(await options()).toEqual(['alpha-b1', 'alpha-b2']);
    await board.locator('button.more-options').click();
    await expect.poll(() => board.locator('.load-status').textContent()).toBe('3 options');
    expect(await options()).toEqual(['alpha-b1', 'alpha-b2', 'alpha-b3']);
    expect(await board.locator('button.more-options').isHidden()).toBe(true);
    // The project changes: the old choices go and the new project's load.
    await form.locator('[name="project"]').fill('beta');
    await form.locator('[name="project"]').press('Tab'); // leaving the field is what fires its change
    await expect.poll(options).toEqual(['beta-b1', 'beta-b2']);
    await board.locator('input.options-search').fill('board 3');
    await board.locator('input.options-search').press('Tab'); // leaving the field is what fires its change
    await expect.poll(options).toEqual(['beta-b3']);
    expect(site.requests.at(-1)?.url).toBe('/projects/beta/boards?q=board%203');
    expect(errors).toEqual([]);
    await page.close();
  });
});
