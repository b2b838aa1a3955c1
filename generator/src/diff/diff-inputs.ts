import type { InputField } from '@specwire/runtime';
import type { Change } from './types.ts';

/** Where an input sits inside an action, for messages: `labels`, `body.labels[]`. */
interface InputScope {
  connector: string;
  action: string;
}

/**
 * Compares two input schemas (an action's or a trigger's) field by field, descending into object
 * properties and array items. Breaking: anything that makes an input valid today invalid tomorrow
 * (a field removed, a new required field, a field made required, a type change, an enum value gone).
 */
export function diffInputSchemas(options: {
  before: Record<string, InputField>;
  after: Record<string, InputField>;
  scope: InputScope;
  path?: string;
}): Change[] {
  const { before, after, scope } = options;
  const changes: Change[] = [];
  const prefix = options.path === undefined ? '' : `${options.path}.`;
  for (const name of Object.keys(before)) {
    if (!Object.hasOwn(after, name)) {
      changes.push(change({ scope, kind: 'input-removed', breaking: true, message: `input "${prefix}${name}" of ${scope.action} was removed` }));
    }
  }
  for (const [name, field] of Object.entries(after)) {
    const path = `${prefix}${name}`;
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

function diffField(options: { before: InputField; after: InputField; scope: InputScope; path: string }): Change[] {
  const { before, after, scope, path } = options;
  const changes: Change[] = [];
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
