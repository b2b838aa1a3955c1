/** Keys that describe a schema rather than constrain it; they stay outside an `anyOf` null wrapper. */
const ANNOTATION_KEYS = new Set([
  'title', 'description', 'default', 'readOnly', 'writeOnly', 'deprecated', 'example', 'examples', 'externalDocs',
]);

/**
 * Folds OpenAPI 3.0 `nullable: true` (and 2.0's `x-nullable`) into 2020-12 form: `type` gains
 * `'null'` (and a closed `enum` gains `null`); a typeless schema built from `$ref`/`allOf`/`anyOf`/
 * `oneOf` is wrapped as `anyOf: [schema, { type: 'null' }]`, because a `$ref`'s target cannot be
 * edited per use. A schema with neither type nor composition already admits null.
 */
export function makeNullable(entries: Array<[string, unknown]>): Array<[string, unknown]> {
  const typeIndex = entries.findIndex(([key]) => key === 'type');
  if (typeIndex !== -1) {
    const type = entries[typeIndex][1];
    const types = Array.isArray(type) ? type : [type];
    const result = entries.slice();
    if (!types.includes('null')) result[typeIndex] = ['type', [...types, 'null']];
    const enumIndex = result.findIndex(([key]) => key === 'enum');
    const values = enumIndex === -1 ? undefined : result[enumIndex][1];
    if (Array.isArray(values) && !values.includes(null)) result[enumIndex] = ['enum', [...values, null]];
    return result;
  }
  const composed = entries.some(([key]) => key === '$ref' || key === 'allOf' || key === 'anyOf' || key === 'oneOf');
  if (!composed) return entries;
  const outer = entries.filter(([key]) => ANNOTATION_KEYS.has(key) || key.startsWith('x-'));
  const inner = entries.filter(([key]) => !ANNOTATION_KEYS.has(key) && !key.startsWith('x-'));
  return [['anyOf', [Object.fromEntries(inner), { type: 'null' }]], ...outer];
}
