// The page of one connector: auth form, servers, triggers, coverage, and every action (form, output
// schema, "Try it"). Everything shown comes from the connector's definition.
import { createConnector, outputSchemaOf, type ActionDefinition, type ConnectorDefinition } from '@specwire/runtime';
import { h } from './dom.ts';
import { renderInputForm, type FieldControl } from './form.ts';
import { renderSchema } from './schema-view.ts';

export function renderConnectorPage(options: { definition: ConnectorDefinition; root: HTMLElement; expandAll: boolean }): void {
  const { definition, root } = options;
  const baseUrl = h('input', { id: 'base-url', type: 'url', value: definition.endpoints?.base_url ?? '', size: '60' });
  const auth = renderAuthForm(definition);
  const connect = (): ReturnType<typeof createConnector> =>
    // Retries and rate limits stay off: "Try it" shows the one request and its answer.
    createConnector(definition, { baseUrl: baseUrl.value, credentials: auth.credentials(), retry: false, rateLimit: false });
  const testStatus = h('output', { id: 'connection-status', class: 'connection-status' });
  const testButton = h('button', { type: 'button', id: 'test-connection' }, 'Test connection');
  testButton.addEventListener('click', () => {
    testStatus.textContent = 'testing…';
    void connect().testConnection().then((result) => {
      // verified / unverified / failed, and why when it is not verified.
      testStatus.textContent = result.success ? result.status : `${result.status}: ${result.error.message}`;
      testStatus.dataset.status = result.status;
    });
  });

  const actions = definition.supported_actions ?? [];
  const triggers = definition.supported_triggers ?? [];
  root.replaceChildren(
    h('p', {}, h('a', { href: 'index.html' }, '← All connectors')),
    h('h1', {}, definition.display_name ?? definition.name),
    h('p', { class: 'description' }, definition.description ?? ''),
    h('section', { id: 'connection' }, h('h2', {}, 'Connection'),
      h('p', {}, `Auth: ${definition.auth_type}`),
      auth.form,
      h('label', { for: 'base-url' }, 'Base URL for "Try it" '), baseUrl,
      h('p', {}, testButton, ' ', testStatus),
      h('ul', {}, ...(definition.endpoints?.servers ?? []).map((server) => h('li', {}, h('code', {}, server.url), server.description ? ` — ${server.description}` : '')))),
    renderCoverage(definition),
    h('section', { id: 'triggers' }, h('h2', {}, `Triggers (${triggers.length})`),
      h('ul', {}, ...triggers.map((trigger) => h('li', { 'data-trigger': trigger.id }, h('strong', {}, trigger.name), ` — ${trigger.eventType}`,
        trigger.pollingEnabled ? ' (polling)' : '', trigger.webhookRequired ? ' (webhook)' : '')))),
    h('section', { id: 'actions' }, h('h2', {}, `Actions (${actions.length})`),
      ...actions.map((action) => renderActionSection({ definition, action, connect, expand: options.expandAll }))),
  );
}

/**
 * The connection form. With several schemes whose fields say which scheme reads them (`schemes`),
 * a chooser shows the chosen scheme's fields; fields that name no scheme (a webhook secret) always
 * show. Every filled field is used, hidden ones too: the runtime takes the first security
 * alternative of an action that the credentials satisfy, so a value entered under another scheme
 * still serves the actions that need that scheme.
 */
function renderAuthForm(definition: ConnectorDefinition): { form: HTMLFormElement; credentials: () => Record<string, string> } {
  const form = h('form', { id: 'auth-form', class: 'auth-form' });
  const schemes = definition.auth ?? [];
  const fields = definition.auth_fields ?? [];
  const chooser = schemes.length > 1 && fields.some((field) => field.schemes !== undefined)
    ? h('select', { id: 'auth-scheme', name: 'auth-scheme' }, ...schemes.map((scheme) => h('option', { value: scheme.id }, `${scheme.id} (${scheme.type})`)))
    : undefined;
  if (chooser) form.append(h('div', { class: 'field' }, h('label', { for: 'auth-scheme', class: 'field-label' }, 'Authenticate with'), chooser));
  const inputs: Array<{ key: string; schemes?: string[]; input: HTMLInputElement; row: HTMLElement }> = [];
  for (const field of fields) {
    const input = h('input', { id: `auth-${field.key}`, name: field.key, type: field.type === 'password' ? 'password' : 'text', placeholder: field.placeholder });
    const row = h('div', { class: 'field', 'data-schemes': field.schemes?.join(' ') },
      h('label', { for: `auth-${field.key}`, class: 'field-label' }, field.label, field.required ? h('span', { class: 'required' }, ' *') : null),
      field.description ? h('p', { class: 'field-description' }, field.description) : null, input);
    inputs.push({ key: field.key, ...(field.schemes ? { schemes: field.schemes } : {}), input, row });
    form.append(row);
  }
  const shown = (entry: { schemes?: string[] }): boolean => !chooser || entry.schemes === undefined || entry.schemes.includes(chooser.value);
  const refresh = (): void => {
    for (const entry of inputs) entry.row.hidden = !shown(entry);
  };
  chooser?.addEventListener('change', refresh);
  refresh();
  return {
    form,
    credentials: () => Object.fromEntries(inputs.filter((entry) => entry.input.value !== '').map((entry) => [entry.key, entry.input.value])),
  };
}

function renderCoverage(definition: ConnectorDefinition): HTMLElement {
  const actions = definition.supported_actions ?? [];
  const byCategory = new Map<string, number>();
  for (const action of actions) byCategory.set(action.category, (byCategory.get(action.category) ?? 0) + 1);
  const withOutput = actions.filter((action) => action.outputSchema !== undefined).length;
  const deprecated = actions.filter((action) => action.deprecated).length;
  return h('section', { id: 'coverage' }, h('h2', {}, 'Coverage'),
    h('p', {}, `${actions.length} actions in ${byCategory.size} categories; ${withOutput} with an output schema; ${deprecated} deprecated; ${(definition.supported_triggers ?? []).length} triggers.`),
    h('p', { class: 'categories' }, [...byCategory].map(([name, count]) => `${name} (${count})`).join(' · ')));
}

function renderActionSection(options: {
  definition: ConnectorDefinition;
  action: ActionDefinition;
  connect: () => ReturnType<typeof createConnector>;
  expand: boolean;
}): HTMLElement {
  const { action } = options;
  const section = h('details', { class: 'action', id: `action-${action.id}`, 'data-action': action.id },
    h('summary', {}, h('code', { class: 'method' }, action.api?.method ?? '?'), ' ', h('strong', {}, action.name ?? action.id),
      ' ', h('code', {}, action.api?.endpoint ?? ''), action.deprecated ? ' (deprecated)' : ''));
  let rendered = false;
  const render = (): void => {
    if (rendered) return;
    rendered = true;
    section.append(renderActionBody(options));
  };
  section.addEventListener('toggle', render);
  if (options.expand) {
    section.open = true;
    render();
  }
  return section;
}

function renderActionBody(options: {
  definition: ConnectorDefinition;
  action: ActionDefinition;
  connect: () => ReturnType<typeof createConnector>;
}): HTMLElement {
  const { definition, action } = options;
  const body = h('div', { class: 'action-body' }, h('p', {}, action.description ?? ''));
  let form: FieldControl | undefined;
  try {
    form = renderInputForm({
      definition,
      action,
      // One page at a time, with the form's current values (what the choices depend on) and the search term.
      onLoadOptions: async (field, request) => {
        const values = (form?.read() as Record<string, unknown> | undefined) ?? {};
        const result = await options.connect().loadOptionsPage(action.id, field, { values, ...request });
        if (!result.success) throw new Error(result.error.message);
        return result.data;
      },
    });
  } catch (error) {
    // One clear line naming the connector and the action; the rest of the page still renders.
    const message = `Cannot render connector "${definition.name}", action "${action.id}": ${error instanceof Error ? error.message : String(error)}`;
    body.append(h('p', { class: 'render-error', role: 'alert' }, message));
    return body;
  }
  const result = h('pre', { class: 'try-result' });
  const tryButton = h('button', { type: 'button', class: 'try-it' }, 'Try it');
  tryButton.addEventListener('click', async () => {
    result.textContent = 'sending…';
    result.removeAttribute('data-done');
    try {
      const response = await options.connect().executeAction(action.id, (form.read() as object | undefined) ?? {});
      result.textContent = JSON.stringify(response.success ? { success: true, data: response.data } : { success: false, error: response.error }, null, 2);
    } catch (error) {
      result.textContent = error instanceof Error ? error.message : String(error);
    }
    result.setAttribute('data-done', '');
  });
  const outputs = h('details', { class: 'output-schema' }, h('summary', {}, 'Output schema'));
  outputs.addEventListener('toggle', () => {
    if (outputs.childElementCount > 1) return;
    outputs.append(renderSchema(outputSchemaOf({ definition, id: action.id })));
  }, { once: true });
  body.append(h('form', { class: 'action-form', onsubmit: 'return false' }, form.element), tryButton, result, outputs);
  return body;
}
