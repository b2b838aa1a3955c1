// Renders one action's inputSchema as a form. Each control knows how to read its value back in the
// shape the runtime validates, so "Try it" sends exactly what a host's form would.
import { isFieldShown, type ActionDefinition, type ConnectorDefinition, type InputField } from '@specwire/runtime';
import { h } from './dom.ts';
import { isPrimitiveUnion, renderPrimitiveUnion } from './primitive-union.ts';

export interface FieldControl {
  element: HTMLElement;
  /** The value for the action input; `undefined` leaves the field out. */
  read(): unknown;
}

interface FieldContext {
  definition: ConnectorDefinition;
  action: ActionDefinition;
  /** Dotted path of the field inside the input, used as the control's `name`. */
  path: string;
  onLoadOptions?: (field: string, request: OptionsRequest) => Promise<OptionsPage>;
}

/** What a dynamic-options field asks for: a search term and the cursor of the page after the last. */
export interface OptionsRequest {
  search?: string;
  cursor?: string;
}

export interface OptionsPage {
  options: Array<{ label: string; value: unknown }>;
  nextCursor?: string;
}

/**
 * More optional fields than this on one level go under a collapsed "Additional fields" group
 * (n8n's collection); up to this many stay in the list beside the required ones.
 */
export const ADDITIONAL_FIELDS_THRESHOLD = 5;

export function renderInputForm(options: {
  definition: ConnectorDefinition;
  action: ActionDefinition;
  onLoadOptions?: FieldContext['onLoadOptions'];
}): FieldControl {
  const { definition, action } = options;
  const schema = action.inputSchema;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new Error('inputSchema is not an object of fields');
  }
  return renderProperties({
    properties: schema,
    required: true,
    context: { definition, action, path: '', onLoadOptions: options.onLoadOptions },
  });
}

function renderProperties(options: {
  properties: Record<string, InputField>;
  required: boolean;
  context: FieldContext;
}): FieldControl {
  const { properties, context } = options;
  const controls: Array<[string, FieldControl]> = [];
  const element = h('div', { class: context.path === '' ? 'fields input-form' : 'fields' });
  const entries = Object.entries(properties).filter(([, field]) => !field?.readOnly);
  // The definition's `additional` flag decides where it is set; the threshold decides the rest.
  const beyondThreshold = entries.filter(([, field]) => !field?.required).length > ADDITIONAL_FIELDS_THRESHOLD;
  const grouped = (field: InputField | undefined): boolean =>
    !!field && !field.required && (field.additional ?? beyondThreshold);
  const groupedCount = entries.filter(([, field]) => grouped(field)).length;
  const additional = groupedCount > 0
    ? h('details', { class: 'additional-fields' }, h('summary', {}, `Additional fields (${groupedCount})`))
    : undefined;
  for (const [key, field] of entries) {
    const control = renderField(field, { ...context, path: context.path ? `${context.path}.${key}` : key });
    controls.push([key, control]);
    if (additional && grouped(field)) additional.append(control.element);
    else element.append(control.element);
  }
  if (additional) element.append(additional);
  // Show/hide rules (displayOptions) read the values of this level's fields, again on every edit.
  const ruled = controls.filter(([key]) => properties[key]?.displayOptions !== undefined);
  const valuesOfLevel = (): Record<string, unknown> =>
    Object.fromEntries(controls.filter(([key]) => !isHidden(key)).map(([key, control]) => [key, control.read()]));
  const isHidden = (key: string): boolean => controls.find(([name]) => name === key)?.[1].element.hidden === true;
  const applyRules = (): void => {
    for (const [key, control] of ruled) control.element.hidden = !isFieldShown({ field: properties[key]!, values: valuesOfLevel() });
  };
  if (ruled.length > 0) {
    applyRules();
    element.addEventListener('input', applyRules);
    element.addEventListener('change', applyRules);
  }
  return {
    element,
    read() {
      const value: Record<string, unknown> = {};
      for (const [key, control] of controls) {
        if (control.element.hidden) continue; // a field its rules hide sends nothing
        const fieldValue = control.read();
        if (fieldValue !== undefined) value[key] = fieldValue;
      }
      return Object.keys(value).length === 0 && !options.required ? undefined : value;
    },
  };
}

export function renderField(field: InputField, context: FieldContext): FieldControl {
  if (field === null || typeof field !== 'object' || typeof field.type !== 'string') {
    throw new Error(`field ${context.path} has no type`);
  }
  const control = renderControl(field, context);
  const label = h('label', { class: 'field-label', for: context.path },
    field.label || context.path.split('.').pop() || context.path,
    field.required ? h('span', { class: 'required', title: 'required' }, ' *') : null,
    h('code', { class: 'field-type' }, ` ${describeType(field)}`));
  const wrapper = h('div', { class: 'field', 'data-field': context.path, 'data-kind': kindOf(field) },
    label,
    field.description ? h('p', { class: 'field-description' }, field.description) : null,
    control.element);
  return { element: wrapper, read: control.read };
}

function kindOf(field: InputField): string {
  if (isPrimitiveUnion(field)) return 'union';
  if (field.variants && field.variants.length > 0) return 'variants';
  if (field.inputType === 'file') return 'file';
  if (field.loadOptionsSource || field.loadOptionsMethod) return 'dynamic';
  if (field.opaque) return 'json';
  return field.type;
}

function describeType(field: InputField): string {
  const parts: string[] = [field.type];
  if (field.format) parts.push(field.format);
  if (field.nullable) parts.push('nullable');
  if (field.deprecated) parts.push('deprecated');
  return parts.join(', ');
}

function renderControl(field: InputField, context: FieldContext): FieldControl {
  switch (kindOf(field)) {
    case 'union': return renderPrimitiveUnion(field, context);
    case 'variants': return renderVariants(field, context);
    case 'file': return renderFile(context);
    case 'dynamic': return renderDynamic(field, context);
    case 'json': return renderJson(field, context);
    case 'select': return renderSelect(field, context, false);
    case 'multiselect': return renderSelect(field, context, true);
    case 'boolean': return renderBoolean(context);
    case 'number': return renderNumber(field, context);
    case 'object': return field.properties && Object.keys(field.properties).length > 0
      ? renderObject(field, context)
      : renderJson(field, context);
    case 'array': return field.itemSchema ? renderArray(field, context) : renderJson(field, context);
    default: return renderText(field, context);
  }
}

function renderText(field: InputField, context: FieldContext): FieldControl {
  const multiline = field.inputType === 'textarea';
  const input = multiline
    ? h('textarea', { id: context.path, name: context.path, rows: '3' })
    : h('input', {
        id: context.path,
        name: context.path,
        type: field.inputType === 'password' ? 'password' : field.inputType === 'date' ? 'date' : 'text',
        placeholder: field.placeholder,
      });
  if (typeof field.default === 'string') input.value = field.default;
  return { element: input, read: () => (input.value === '' ? undefined : input.value) };
}

function renderNumber(field: InputField, context: FieldContext): FieldControl {
  const input = h('input', { id: context.path, name: context.path, type: 'number', step: 'any' });
  if (typeof field.default === 'number') input.value = String(field.default);
  return { element: input, read: () => (input.value === '' ? undefined : Number(input.value)) };
}

function renderBoolean(context: FieldContext): FieldControl {
  // Three states: an optional boolean left unset is not the same as `false`.
  const select = h('select', { id: context.path, name: context.path },
    h('option', { value: '' }, '(unset)'), h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'));
  return { element: select, read: () => (select.value === '' ? undefined : select.value === 'true') };
}

function renderSelect(field: InputField, context: FieldContext, multiple: boolean): FieldControl {
  const options = field.options ?? [];
  const select = h('select', { id: context.path, name: context.path, multiple });
  if (!multiple) select.append(h('option', { value: '' }, '(unset)'));
  options.forEach((option, index) => select.append(h('option', { value: String(index) }, option.label)));
  // A required choice with one option is a constant (a discriminator's tag): chosen already.
  if (!multiple && field.required && options.length === 1) select.value = '0';
  const valueAt = (index: string): unknown => options[Number(index)]?.value;
  return {
    element: select,
    read() {
      if (multiple) {
        const chosen = [...select.selectedOptions].map((option) => valueAt(option.value));
        return chosen.length === 0 ? undefined : chosen;
      }
      return select.value === '' ? undefined : valueAt(select.value);
    },
  };
}

function renderJson(field: InputField, context: FieldContext): FieldControl {
  const textarea = h('textarea', { id: context.path, name: context.path, rows: '3', class: 'json', placeholder: 'JSON' });
  return {
    element: textarea,
    read() {
      if (textarea.value.trim() === '') return undefined;
      try {
        return JSON.parse(textarea.value);
      } catch {
        throw new Error(`${context.path}: not valid JSON`);
      }
    },
  };
}

function renderFile(context: FieldContext): FieldControl {
  const input = h('input', { id: context.path, name: context.path, type: 'file' });
  return { element: input, read: () => input.files?.[0] ?? undefined };
}

function renderObject(field: InputField, context: FieldContext): FieldControl {
  const inner = renderProperties({ properties: field.properties ?? {}, required: Boolean(field.required), context });
  const element = h('fieldset', { class: 'object' }, inner.element);
  return { element, read: inner.read };
}

function renderArray(field: InputField, context: FieldContext): FieldControl {
  const itemSchema = field.itemSchema as InputField;
  const items: Array<{ control: FieldControl; row: HTMLElement }> = [];
  const list = h('div', { class: 'array-items' });
  const add = h('button', { type: 'button', class: 'add-item', 'data-add': context.path }, '+ Add item');
  add.addEventListener('click', () => {
    const control = renderField({ ...itemSchema, label: `#${items.length + 1}` }, { ...context, path: `${context.path}.${items.length}` });
    const remove = h('button', { type: 'button', class: 'remove-item' }, 'Remove');
    const row = h('div', { class: 'array-item' }, control.element, remove);
    const entry = { control, row };
    remove.addEventListener('click', () => {
      items.splice(items.indexOf(entry), 1);
      row.remove();
    });
    items.push(entry);
    list.append(row);
  });
  return {
    element: h('fieldset', { class: 'array' }, list, add),
    read: () => (items.length === 0 ? undefined : items.map((item) => item.control.read())),
  };
}

function renderVariants(field: InputField, context: FieldContext): FieldControl {
  const variants = field.variants ?? [];
  const chooser = h('select', { id: context.path, name: `${context.path}#variant`, class: 'variant-choice' },
    h('option', { value: '' }, '(unset)'));
  variants.forEach((variant, index) => chooser.append(h('option', { value: String(index) }, variant.label)));
  const branch = h('div', { class: 'variant-branch' });
  let current: FieldControl | undefined;
  chooser.addEventListener('change', () => {
    branch.replaceChildren();
    current = undefined;
    const variant = variants[Number(chooser.value)];
    if (chooser.value === '' || !variant) return;
    // The chosen branch's own fields, with the discriminator filled in when the definition names it.
    const control = renderControl({ ...variant.field, required: true }, { ...context, path: `${context.path}` });
    current = {
      element: control.element,
      read() {
        const value = control.read();
        const tagField = field.discriminator ? variant.field.properties?.[field.discriminator] : undefined;
        const tag = variant.discriminatorValues?.[0] ?? tagField?.options?.[0]?.value;
        if (field.discriminator && tag !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value)) {
          return { ...(value as Record<string, unknown>), [field.discriminator]: (value as Record<string, unknown>)[field.discriminator] ?? tag };
        }
        return value;
      },
    };
    branch.append(control.element);
  });
  return { element: h('div', { class: 'variants' }, chooser, branch), read: () => current?.read() };
}

function renderDynamic(field: InputField, context: FieldContext): FieldControl {
  const listId = `${context.path}-options`;
  const input = h('input', { id: context.path, name: context.path, type: 'text', list: listId });
  const datalist = h('datalist', { id: listId });
  const source = field.loadOptionsSource;
  // The definition says what the choices depend on; older definitions without it are read as the runtime reads them.
  const dependsOn = source
    ? source.dependsOn ?? dependenciesOf({ definition: context.definition, action: context.action, sourceAction: source.action })
    : [];
  const status = h('span', { class: 'load-status' });
  const search = source?.searchParam
    ? h('input', { type: 'search', class: 'options-search', placeholder: 'Search options', 'aria-label': `Search ${field.label}` })
    : undefined;
  const load = h('button', { type: 'button', class: 'load-options' }, 'Load options');
  const more = h('button', { type: 'button', class: 'more-options', hidden: true }, 'More options');
  let nextCursor: string | undefined;
  let loaded: OptionsPage['options'] = [];
  const fetchPage = async (options: { append: boolean }): Promise<void> => {
    if (!context.onLoadOptions) return;
    status.textContent = 'loading…';
    try {
      const page = await context.onLoadOptions(context.path, {
        search: search?.value || undefined,
        cursor: options.append ? nextCursor : undefined,
      });
      loaded = options.append ? [...loaded, ...page.options] : page.options;
      nextCursor = page.nextCursor;
      datalist.replaceChildren(...loaded.map((option) => h('option', { value: String(option.value) }, option.label)));
      status.textContent = `${loaded.length} options`;
      more.hidden = nextCursor === undefined;
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  };
  load.addEventListener('click', () => void fetchPage({ append: false }));
  more.addEventListener('click', () => void fetchPage({ append: true }));
  search?.addEventListener('change', () => void fetchPage({ append: false }));
  if (dependsOn.length > 0) {
    // A change to a field this one depends on makes the loaded choices stale: drop them and reload.
    document.addEventListener('change', (event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
      if (!dependsOn.includes(target.name) || target.closest('.input-form') !== input.closest('.input-form')) return;
      loaded = [];
      nextCursor = undefined;
      datalist.replaceChildren();
      more.hidden = true;
      status.textContent = `${target.name} changed`;
      void fetchPage({ append: false });
    });
  }
  const note = h('p', { class: 'dynamic-note' },
    `Options from ${source ? source.action : field.loadOptionsMethod}`,
    dependsOn.length > 0 ? `; depends on: ${dependsOn.join(', ')}` : '');
  const element = h('div', { class: 'dynamic' }, input, datalist, search, load, more, status, note);
  if (dependsOn.length > 0) element.setAttribute('data-depends-on', dependsOn.join(' '));
  return {
    element,
    read: () => (input.value === '' ? undefined : field.type === 'number' ? Number(input.value) : input.value),
  };
}

/** The inputs of this action that the options source needs: its required inputs this form also asks for. */
function dependenciesOf(options: { definition: ConnectorDefinition; action: ActionDefinition; sourceAction: string }): string[] {
  const source = options.definition.supported_actions.find((action) => action.id === options.sourceAction);
  if (!source) return [];
  return Object.entries(source.inputSchema)
    .filter(([key, field]) => field.required && key in options.action.inputSchema)
    .map(([key]) => key);
}
