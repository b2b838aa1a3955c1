/**
 * Whether a form shows a field, by its `displayOptions` and the values of the other fields on the
 * same level. One rule for every host, so a field hidden in one UI is hidden in all of them.
 */
import type { InputField } from '../definition.ts';

export function isFieldShown(options: { field: InputField; values: Record<string, unknown> }): boolean {
  const rules = options.field.displayOptions;
  if (!rules) return true;
  const has = (name: string, allowed: readonly unknown[]): boolean =>
    Object.hasOwn(options.values, name) && allowed.some((value) => value === options.values[name]);
  const shown = Object.entries(rules.show ?? {}).every(([name, allowed]) => has(name, allowed));
  const hidden = Object.entries(rules.hide ?? {}).some(([name, allowed]) => has(name, allowed));
  return shown && !hidden;
}
