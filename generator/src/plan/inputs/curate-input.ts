/**
 * An action's `fields:` and `field_order:` from the override file, applied to the input the planner
 * derived: text overrides, hidden/fixed/default values, renames, dynamic options, order. The names
 * a curation uses are the planner's own input names, so they are checked here (not in the override
 * stage), and an unknown one is an error at its line in the override file.
 */
import { validateInput, type InputField, type LoadOptionsSource, type ParamTarget } from '@specwire/runtime';
import { SpecwireError, type ErrorLocation } from '../../errors/index.ts';
import { closestName } from '../../override/did-you-mean.ts';
import type { FieldEntry } from '../../override/file-types.ts';
import type { ActionOverride } from '../../override/types.ts';
import { humanLabel } from '../names.ts';
import { cloneJson, ownValue, recordFromEntries } from '../schemas/own-record.ts';

/** The method a FluxTurn-style host calls for dynamic choices (`BaseConnector.loadOptions`). */
export const LOAD_OPTIONS_METHOD = 'loadOptions';

export interface CuratedInput {
  inputSchema: Record<string, InputField>;
  paramMapping: Record<string, ParamTarget>;
  fixedValues: Record<string, unknown>;
  defaultValues: Record<string, unknown>;
  /** Original (derived) field name → final name, for every field still sent (hidden+fixed ones keep theirs). */
  finalNames: Map<string, string>;
  /** Derived names removed from the inputs (hidden, with or without a fixed value). */
  hidden: Set<string>;
}

export type Locate = (path: Array<string | number>) => ErrorLocation;

/** Resolves `options_from.action` (operationId, `METHOD /path` or action id) to an action id. */
export type ResolveAction = (name: string) => { actionId: string } | { candidates: string[] };

const MAX_LISTED_INPUTS = 8;

export function curateActionInput(options: {
  actionId: string;
  inputSchema: Record<string, InputField>;
  paramMapping: Record<string, ParamTarget>;
  override: ActionOverride;
  locate: Locate;
  resolveAction: ResolveAction;
}): CuratedInput {
  const { actionId, override, locate } = options;
  const key = override.key ?? '';
  const fail = (message: string, path: Array<string | number>): never => {
    throw new SpecwireError(message, locate(['actions', key, ...path]));
  };
  const names = Object.keys(options.inputSchema);
  const fields = override.fields ?? {};
  for (const name of Object.keys(fields)) {
    if (!Object.hasOwn(options.inputSchema, name)) {
      fail(`field "${name}" is not an input of action "${actionId}"${suggestInputName({ name, names })}`, ['fields', name]);
    }
  }

  const entries: Array<[string, InputField]> = [];
  const mapping: Array<[string, ParamTarget]> = [];
  const fixedValues: Array<[string, unknown]> = [];
  const defaultValues: Array<[string, unknown]> = [];
  const finalNames = new Map<string, string>();
  const hidden = new Set<string>();
  const taken = new Set(names.filter((name) => !ownValue({ record: fields, key: name })?.rename));
  for (const name of names) {
    const target = options.paramMapping[name]!;
    const entry = ownValue({ record: fields, key: name });
    const derived = options.inputSchema[name]!;
    const field: InputField = entry?.required === undefined ? derived : { ...derived, required: entry.required };
    if (!entry) {
      entries.push([name, field]);
      mapping.push([name, target]);
      finalNames.set(name, name);
      continue;
    }
    const at = (...rest: Array<string | number>) => ['fields', name, ...rest];
    checkCombination({ name, field, entry, fail, at });
    if (entry.fixed !== undefined) {
      checkValue({ name, field, value: entry.fixed, what: 'fixed', fail, at: at('fixed') });
      hidden.add(name);
      finalNames.set(name, name);
      mapping.push([name, target]);
      fixedValues.push([name, cloneJson(entry.fixed)]);
      continue;
    }
    if (entry.hidden === true) {
      hidden.add(name);
      continue;
    }
    const finalName = entry.rename ?? name;
    if (entry.rename !== undefined && entry.rename !== name) {
      if (taken.has(entry.rename)) fail(`cannot rename "${name}" to "${entry.rename}": action "${actionId}" already has an input of that name`, at('rename'));
      taken.add(entry.rename);
    }
    let curated: InputField = { ...field };
    if (entry.rename !== undefined && entry.label === undefined && field.label === humanLabel(name)) curated.label = humanLabel(entry.rename);
    if (entry.label !== undefined) curated.label = entry.label;
    if (entry.placeholder !== undefined) curated.placeholder = entry.placeholder;
    if (entry.description !== undefined) curated.description = entry.description;
    if (entry.input_type !== undefined) curated.inputType = entry.input_type;
    if (entry.default !== undefined) {
      checkValue({ name, field, value: entry.default, what: 'default', fail, at: at('default') });
      curated.default = cloneJson(entry.default);
      defaultValues.push([finalName, cloneJson(entry.default)]);
    }
    if (entry.options_from !== undefined) {
      curated = { ...curated, ...loadOptionsOf({ entry, resolveAction: options.resolveAction, fail, at }) };
    }
    if (entry.display_options !== undefined) curated.displayOptions = structuredClone(entry.display_options);
    if (entry.additional !== undefined) {
      if (entry.additional && curated.required) fail(`field "${name}" is required, so it cannot go under "Additional fields"`, at('additional'));
      curated.additional = entry.additional;
    }
    entries.push([finalName, curated]);
    mapping.push([finalName, target]);
    finalNames.set(name, finalName);
  }
  checkDisplayOptions({ entries, finalNames, fail });

  const ordered = orderFields({ entries, order: override.fieldOrder, actionId, fail });
  return {
    inputSchema: recordFromEntries(ordered),
    paramMapping: recordFromEntries(orderLike({ entries: mapping, order: ordered.map(([name]) => name) })),
    fixedValues: recordFromEntries(fixedValues),
    defaultValues: recordFromEntries(defaultValues),
    finalNames,
    hidden,
  };
}

type Fail = (message: string, path: Array<string | number>) => never;

/**
 * A display rule names other inputs of the same action (final names), and only an optional field
 * may carry one: the runtime still requires a required field that a form has hidden.
 */
function checkDisplayOptions(options: { entries: Array<[string, InputField]>; finalNames: Map<string, string>; fail: Fail }): void {
  const inputs = options.entries.map(([name]) => name);
  const overrideName = new Map([...options.finalNames].map(([original, final]) => [final, original]));
  for (const [name, field] of options.entries) {
    if (!field.displayOptions) continue;
    const at = (...rest: string[]) => ['fields', overrideName.get(name) ?? name, 'display_options', ...rest];
    if (field.required) options.fail(`field "${name}" is required, so a display rule could hide a value the action needs; make it optional or drop the rule`, at());
    for (const kind of ['show', 'hide'] as const) {
      for (const other of Object.keys(field.displayOptions[kind] ?? {})) {
        if (other === name) options.fail(`display_options.${kind} of field "${name}" names the field itself`, at(kind, other));
        if (!inputs.includes(other)) {
          options.fail(`display_options.${kind} of field "${name}": "${other}" is not an input of this action${suggestInputName({ name: other, names: inputs })}`, at(kind, other));
        }
      }
    }
  }
}

/** ` (did you mean …?)`, or a short list of the inputs when nothing is close. */
export function suggestInputName(options: { name: string; names: string[] }): string {
  const closest = closestName({ name: options.name, candidates: options.names });
  if (closest !== undefined) return ` (did you mean "${closest}"?)`;
  if (options.names.length === 0) return ' (it has no inputs)';
  const listed = options.names.slice(0, MAX_LISTED_INPUTS).join(', ');
  return ` (its inputs: ${listed}${options.names.length > MAX_LISTED_INPUTS ? ', …' : ''})`;
}

function checkCombination(options: {
  name: string;
  field: InputField;
  entry: FieldEntry;
  fail: Fail;
  at: (...rest: Array<string | number>) => Array<string | number>;
}): void {
  const { name, field, entry, fail, at } = options;
  if (entry.fixed !== undefined && entry.default !== undefined) {
    fail(`field "${name}" has both "fixed" and "default": a fixed value is always sent, so keep one`, at('default'));
  }
  if (entry.fixed !== undefined && entry.hidden === false) {
    fail(`field "${name}": a fixed field is never an input, so "hidden: false" contradicts "fixed"`, at('hidden'));
  }
  const removed = entry.fixed !== undefined || entry.hidden === true;
  if (removed) {
    const shown = (['rename', 'label', 'placeholder', 'description', 'input_type', 'default', 'options_from', 'display_options', 'additional'] as const).find(
      (key) => entry[key] !== undefined,
    );
    if (shown !== undefined) fail(`field "${name}" is hidden, so "${shown}" would have no effect; remove one of them`, at(shown));
  }
  if (entry.hidden === true && entry.fixed === undefined && field.required) {
    fail(`field "${name}" is required, so hiding it needs "fixed: <value always sent>"`, at('hidden'));
  }
}

/** A fixed or default value must pass the runtime's own validation of the field. */
function checkValue(options: {
  name: string;
  field: InputField;
  value: unknown;
  what: 'fixed' | 'default';
  fail: Fail;
  at: Array<string | number>;
}): void {
  const { name, field, value, what } = options;
  try {
    validateInput({ schema: { [name]: { ...field, required: true } }, input: { [name]: value } });
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^input\./, '') : String(error);
    options.fail(`the ${what} value of field "${name}" does not fit it: ${reason}`, options.at);
  }
}

function loadOptionsOf(options: {
  entry: FieldEntry;
  resolveAction: ResolveAction;
  fail: Fail;
  at: (...rest: Array<string | number>) => Array<string | number>;
}): Pick<InputField, 'loadOptionsMethod' | 'loadOptionsSource'> {
  const from = options.entry.options_from!;
  const resolved = options.resolveAction(from.action);
  if (!('actionId' in resolved)) {
    const closest = closestName({ name: from.action, candidates: resolved.candidates });
    options.fail(
      `options_from.action "${from.action}" is not an action of this connector (give an operationId or action id of a selected operation)${closest === undefined ? '' : ` (did you mean "${closest}"?)`}`,
      options.at('options_from', 'action'),
    );
  }
  const source: LoadOptionsSource = {
    action: (resolved as { actionId: string }).actionId,
    valuePath: from.value,
    ...(from.label !== undefined ? { labelPath: from.label } : {}),
    ...(from.items !== undefined ? { itemsPath: from.items } : {}),
    ...(from.input !== undefined ? { input: cloneJson(from.input) } : {}),
    ...(from.depends_on !== undefined ? { dependsOn: [...from.depends_on] } : {}),
    ...(from.search !== undefined ? { searchParam: from.search } : {}),
  };
  return { loadOptionsMethod: LOAD_OPTIONS_METHOD, loadOptionsSource: source };
}

function orderFields(options: {
  entries: Array<[string, InputField]>;
  order: string[] | undefined;
  actionId: string;
  fail: Fail;
}): Array<[string, InputField]> {
  const { entries, order } = options;
  if (!order) return entries;
  const names = entries.map(([name]) => name);
  order.forEach((name, index) => {
    if (!names.includes(name)) {
      options.fail(`field_order names "${name}", which is not an input of action "${options.actionId}"${suggestInputName({ name, names })}`, ['field_order', index]);
    }
  });
  return orderLike({ entries, order: [...order, ...names.filter((name) => !order.includes(name))] });
}

function orderLike<T>(options: { entries: Array<[string, T]>; order: string[] }): Array<[string, T]> {
  const byName = new Map(options.entries);
  const ordered: Array<[string, T]> = options.order.flatMap((name) => (byName.has(name) ? [[name, byName.get(name)!] as [string, T]] : []));
  // Entries not in the order (hidden fixed fields, only in the mapping) keep their place at the end.
  return [...ordered, ...options.entries.filter(([name]) => !options.order.includes(name))];
}

const PAGINATION_PARAMS = ['cursor_param', 'offset_param', 'limit_param', 'page_param'] as const;
const PAGINATION_NEEDS: Record<string, ReadonlyArray<string>> = {
  cursor: ['cursor_param', 'cursor_path'],
  offset: ['offset_param'],
  page: ['page_param'],
  link_header: [],
  next_url: ['next_url_path'],
};

/**
 * Checks an action's `pagination:` before the planner turns it into `api.pagination`: each `*_param`
 * must be an input (final name) of the action, and each style has the keys it needs.
 */
export function checkPagination(options: {
  actionId: string;
  override: ActionOverride;
  paramMapping: Record<string, ParamTarget>;
  locate: Locate;
}): void {
  const { override, actionId } = options;
  const pagination = override.pagination;
  if (!pagination) return;
  const at = (...rest: string[]) => options.locate(['actions', override.key ?? '', 'pagination', ...rest]);
  const missing = (PAGINATION_NEEDS[pagination.style] ?? []).filter((key) => pagination[key as keyof typeof pagination] === undefined);
  if (missing.length > 0) {
    throw new SpecwireError(`pagination style "${pagination.style}" needs ${missing.map((key) => `"${key}"`).join(' and ')}`, at());
  }
  const names = Object.keys(options.paramMapping);
  for (const key of PAGINATION_PARAMS) {
    const name = pagination[key];
    if (name !== undefined && !names.includes(name)) {
      throw new SpecwireError(`pagination.${key} "${name}" is not an input of action "${actionId}"${suggestInputName({ name, names })}`, at(key));
    }
  }
}
