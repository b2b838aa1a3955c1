import type { InputField, ParamTarget } from '@specwire/runtime';
import { diffShownText } from './diff-text.ts';
import type { Change } from './types.ts';

/** Where an input sits inside an action, for messages: `labels`, `body.labels[]`. */
interface InputScope {
  connector: string;
  action: string;
}

/**
 * Compares two input schemas (an action's or a trigger's) field by field, descending into object
 * properties and array items. Breaking: anything that makes an input valid today invalid tomorrow
 * (a field removed or renamed, a new required field, a field made required, a type change, an enum
 * value gone). A removed and an added field are one rename when they are sent as the same request
 * parameter (`paramMapping`, an override's `rename`) or, failing that, have the same schema.
 */
export function diffInputSchemas(options: {
  before: Record<string, InputField>;
  after: Record<string, InputField>;
  scope: InputScope;
  path?: string;
  /** Top level of an action: where each input is sent, before and after. */
  mapping?: { before: Record<string, ParamTarget>; after: Record<string, ParamTarget> };
}): Change[] {
  const { before, after, scope } = options;
  const changes: Change[] = [];
  const prefix = options.path === undefined ? '' : `${options.path}.`;
  const renames = matchInputRenames({
    removed: Object.keys(before).filter((name) => !Object.hasOwn(after, name)),
    added: Object.keys(after).filter((name) => !Object.hasOwn(before, name)),
    before,
    after,
    mapping: options.mapping,
  });
  const renamedTo = new Set([...renames.values()].map((rename) => rename.to));
  for (const name of Object.keys(before)) {
    const rename = renames.get(name);
    if (rename) {
      changes.push(change({
        scope,
        kind: 'input-renamed',
        breaking: true,
        message: `input "${prefix}${name}" of ${scope.action} was renamed to "${prefix}${rename.to}" (${rename.evidence})`,
      }));
      changes.push(...diffField({ before: before[name]!, after: after[rename.to]!, scope, path: `${prefix}${rename.to}` }));
    } else if (!Object.hasOwn(after, name)) {
      changes.push(change({ scope, kind: 'input-removed', breaking: true, message: `input "${prefix}${name}" of ${scope.action} was removed` }));
    }
  }
  for (const [name, field] of Object.entries(after)) {
    const path = `${prefix}${name}`;
    if (renamedTo.has(name)) continue;
    if (!Object.hasOwn(before, name)) {
      const required = field.required === true;
      changes.push(change({
        scope,
        kind: 'input-added',
        breaking: required,
        message: `${required ? 'required' : 'optional'} input "${path}" (${describeType(field)}) added to ${scope.action}`,
      }));
      continue;
    }
    changes.push(...diffField({ before: before[name]!, after: field, scope, path }));
  }
  return changes;
}

interface InputRename {
  to: string;
  evidence: 'same request parameter' | 'same schema';
}

/** Removed name → added name, where the pairing is one to one. */
function matchInputRenames(options: {
  removed: string[];
  added: string[];
  before: Record<string, InputField>;
  after: Record<string, InputField>;
  mapping: { before: Record<string, ParamTarget>; after: Record<string, ParamTarget> } | undefined;
}): Map<string, InputRename> {
  const renames = new Map<string, InputRename>();
  const pair = (options2: { key: (side: 'before' | 'after', name: string) => string | undefined; evidence: InputRename['evidence'] }): void => {
    const taken = new Set([...renames.values()].map((rename) => rename.to));
    const removed = options.removed.filter((name) => !renames.has(name));
    const added = options.added.filter((name) => !taken.has(name));
    const addedByKey = groupBy(added, (name) => options2.key('after', name));
    const removedByKey = groupBy(removed, (name) => options2.key('before', name));
    for (const [key, names] of removedByKey) {
      const candidates = addedByKey.get(key);
      if (names.length === 1 && candidates?.length === 1) renames.set(names[0]!, { to: candidates[0]!, evidence: options2.evidence });
    }
  };
  const { mapping } = options;
  if (mapping) {
    pair({ key: (side, name) => (Object.hasOwn(mapping[side], name) ? JSON.stringify(mapping[side][name]) : undefined), evidence: 'same request parameter' });
  }
  pair({ key: (side, name) => schemaSignature(options[side][name]!), evidence: 'same schema' });
  return renames;
}

function groupBy(names: string[], keyOf: (name: string) => string | undefined): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const key = keyOf(name);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  return groups;
}

/** A field's schema without the text a host shows: what decides which values it accepts. */
function schemaSignature(field: InputField): string {
  const SHOWN = new Set(['label', 'description', 'placeholder']);
  return JSON.stringify(field, (key, value: unknown) => (SHOWN.has(key) ? undefined : value));
}

function diffField(options: { before: InputField; after: InputField; scope: InputScope; path: string }): Change[] {
  const { before, after, scope, path } = options;
  const changes: Change[] = diffShownText({
    before: { label: before.label, description: before.description },
    after: { label: after.label, description: after.description },
    kind: 'input-text-changed',
    connector: scope.connector,
    action: scope.action,
    subject: `input "${path}" of ${scope.action}`,
  });
  const wasRequired = before.required === true;
  const isRequired = after.required === true;
  if (!wasRequired && isRequired) {
    changes.push(change({ scope, kind: 'input-required', breaking: true, message: `input "${path}" of ${scope.action} is now required` }));
  } else if (wasRequired && !isRequired) {
    changes.push(change({ scope, kind: 'input-optional', breaking: false, message: `input "${path}" of ${scope.action} is now optional` }));
  }
  if (before.type !== after.type) {
    changes.push(change({
      scope,
      kind: 'input-type-changed',
      breaking: true,
      message: `input "${path}" of ${scope.action} changed type from ${before.type} to ${after.type}`,
    }));
  }
  if (before.nullable === true && after.nullable !== true) {
    changes.push(change({ scope, kind: 'input-type-changed', breaking: true, message: `input "${path}" of ${scope.action} no longer accepts null` }));
  } else if (before.nullable !== true && after.nullable === true) {
    changes.push(change({ scope, kind: 'input-type-changed', breaking: false, message: `input "${path}" of ${scope.action} now also accepts null` }));
  }
  changes.push(...diffEnumValues({ before, after, scope, path }));
  if (before.properties !== undefined || after.properties !== undefined) {
    changes.push(...diffInputSchemas({ before: before.properties ?? {}, after: after.properties ?? {}, scope, path }));
  }
  if (before.itemSchema !== undefined && after.itemSchema !== undefined) {
    changes.push(...diffField({ before: before.itemSchema, after: after.itemSchema, scope, path: `${path}[]` }));
  }
  return changes;
}

function diffEnumValues(options: { before: InputField; after: InputField; scope: InputScope; path: string }): Change[] {
  const { scope, path } = options;
  const before = enumValues(options.before);
  const after = enumValues(options.after);
  // A field that gains or loses its enum altogether is a type change (select ↔ string), reported above.
  if (before === undefined || after === undefined) return [];
  const removed = [...before.keys()].filter((key) => !after.has(key));
  const added = [...after.keys()].filter((key) => !before.has(key));
  const changes: Change[] = [];
  if (removed.length > 0) {
    changes.push(change({
      scope,
      kind: 'enum-value-removed',
      breaking: true,
      message: `input "${path}" of ${scope.action} no longer accepts ${listValues(removed.map((key) => before.get(key)))}`,
    }));
  }
  if (added.length > 0) {
    changes.push(change({
      scope,
      kind: 'enum-value-added',
      breaking: false,
      message: `input "${path}" of ${scope.action} now also accepts ${listValues(added.map((key) => after.get(key)))}`,
    }));
  }
  return changes;
}

/** Allowed values by a key that tells `1` from `"1"`. */
function enumValues(field: InputField): Map<string, unknown> | undefined {
  if (!Array.isArray(field.options)) return undefined;
  return new Map(field.options.map((option) => [JSON.stringify(option.value), option.value]));
}

function listValues(values: unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/** `string`, `array of number`: what a reviewer needs to know about a new field. */
function describeType(field: InputField): string {
  const type = field.type === 'array' && field.itemSchema !== undefined ? `array of ${field.itemSchema.type}` : field.type;
  return field.nullable === true ? `${type} or null` : type;
}

function change(options: { scope: InputScope; kind: Change['kind']; breaking: boolean; message: string }): Change {
  return { kind: options.kind, breaking: options.breaking, connector: options.scope.connector, action: options.scope.action, message: options.message };
}
