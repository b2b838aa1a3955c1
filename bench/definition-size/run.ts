/**
 * What a generated `definition.gen.ts` is made of: its size on disk, then the bytes of each part of
 * the definition as compact JSON (top-level keys; for actions each key, `api.paramMapping` apart,
 * and the descriptions and labels inside input fields), largest first. The file is parsed, never run.
 *
 *   pnpm exec tsx --conditions=@specwire/source bench/definition-size/run.ts generated/github/src/definition.gen.ts
 */
import { readFileSync, statSync } from 'node:fs';
import type { InputField } from '@specwire/runtime';
import { parseDefinitionSource } from '../../generator/src/diff/parse-definition-source.ts';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: run.ts <definition.gen.ts>');
  process.exit(2);
}
const definition = parseDefinitionSource({ text: readFileSync(file, 'utf8'), file });
const bytes = (value: unknown): number => (value === undefined ? 0 : JSON.stringify(value).length);
const parts = new Map<string, number>();
const add = (part: string, size: number): void => {
  parts.set(part, (parts.get(part) ?? 0) + size);
};

for (const [key, value] of Object.entries(definition)) if (key !== 'supported_actions') add(key, bytes(value));
for (const action of definition.supported_actions) {
  for (const [key, value] of Object.entries(action)) {
    if (key !== 'api') add(`actions: ${key}`, bytes(value));
  }
  const { paramMapping, ...api } = action.api;
  add('actions: api.paramMapping', bytes(paramMapping));
  add('actions: api (the rest)', bytes(api));
  for (const field of Object.values(action.inputSchema)) countFieldText(field);
}

/** Descriptions and labels of a field and the fields inside it (properties, items, variants). */
function countFieldText(field: InputField): void {
  if (field.description !== undefined) add('  of which input descriptions', bytes(field.description) + '"description":,'.length);
  add('  of which input labels', bytes(field.label) + '"label":,'.length);
  for (const inner of Object.values(field.properties ?? {})) countFieldText(inner);
  if (field.itemSchema) countFieldText(field.itemSchema);
  for (const variant of field.variants ?? []) countFieldText(variant.field);
  if (typeof field.additionalProperties === 'object') countFieldText(field.additionalProperties);
}

const total = bytes(definition);
const onDisk = statSync(file).size;
const shared = Object.keys(definition.schemas ?? {}).length;
console.log(`${file}: ${onDisk} bytes on disk, ${total} as compact JSON, ${definition.supported_actions.length} actions, ${shared} shared schemas`);
console.log(`${String(onDisk - total).padStart(9)}         layout (indentation, unquoted keys, type annotations) on disk`);
for (const [part, size] of [...parts].sort((a, b) => b[1] - a[1])) {
  console.log(`${String(size).padStart(9)} ${((100 * size) / total).toFixed(1).padStart(5)}%  ${part}`);
}
