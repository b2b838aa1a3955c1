/**
 * What a generated definition is made of: the size on disk of `definition.gen.ts` and of the modules
 * it imports (`actions/*.gen.ts`, `schemas.gen.ts`), then the bytes of each part of the definition as
 * compact JSON (top-level keys; for actions each key, `api.paramMapping` apart, and the descriptions
 * and labels inside input fields), largest first. The files are parsed, never run.
 *
 *   pnpm exec tsx --conditions=@specwire/source bench/definition-size/run.ts generated/github/src/definition.gen.ts
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { InputField } from '@specwire/runtime';
import { readDefinitionSource } from '../../generator/src/diff/parse-definition-source.ts';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: run.ts <definition.gen.ts>');
  process.exit(2);
}
const modules: string[] = [];
const definition = await readDefinitionSource({
  text: readFileSync(file, 'utf8'),
  file,
  readModule: async (specifier) => {
    const path = join(dirname(file), specifier);
    if (!existsSync(path)) return undefined;
    modules.push(path);
    return readFileSync(path, 'utf8');
  },
});
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
const own = statSync(file).size;
const onDisk = own + modules.reduce((sum, path) => sum + statSync(path).size, 0);
const shared = Object.keys(definition.schemas ?? {}).length;
console.log(`${file}: ${own} bytes on disk; with its ${modules.length} modules ${onDisk} bytes, ${total} as compact JSON, ${definition.supported_actions.length} actions, ${shared} shared schemas`);
console.log(`${String(onDisk - total).padStart(9)}         layout (indentation, unquoted keys, type annotations) on disk`);
for (const [part, size] of [...parts].sort((a, b) => b[1] - a[1])) {
  console.log(`${String(size).padStart(9)} ${((100 * size) / total).toFixed(1).padStart(5)}%  ${part}`);
}
