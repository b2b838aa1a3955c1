import { describe, expect, it, vi } from 'vitest';
import { parseDefinitionSource, diffDefinitions, readDefinitionSource } from '../../src/diff/index.ts';
import { emitDefinitionOf, readEmittedDefinition } from '../emit/definition-files.ts';
import { makeDefinition } from './definition-factory.ts';

const HEADER = 'import type { ActionDefinition, ConnectorDefinition } from "@specwire/runtime";\n';

describe('parseDefinitionSource', () => {
  it('reads literals, negative numbers, satisfies/as wrappers and computed string keys', () => {
    const text = `${HEADER}export const definition: ConnectorDefinition = {
  name: "x",
  "display-name": 'X',
  n: -1.5,
  flags: [true, false, null],
  supported_actions: [
    { id: "a", ["__proto__"]: { polluted: true }, ["constructor" as string]: 1 } satisfies ActionDefinition as ActionDefinition,
  ],
};
`;
    const parsed = parseDefinitionSource({ text, file: 'x.ts' }) as unknown as Record<string, unknown>;
    expect(parsed).toMatchObject({ name: 'x', 'display-name': 'X', n: -1.5, flags: [true, false, null] });
    const first = (parsed.supported_actions as Array<Record<string, unknown>>)[0]!;
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
    expect(Object.hasOwn(first, '__proto__')).toBe(true);
    expect(first.constructor).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a call', 'name: run()', 'CallExpression'],
    ['an identifier', 'name: process', 'Identifier'],
    ['a spread', '...other', 'SpreadAssignment'],
    ['a template with code', 'name: `${process.env.X}`', 'TemplateExpression'],
    ['a getter', 'get name() { return 1; }', 'GetAccessor'],
    ['a computed key that is not a string', '[Symbol.iterator]: 1', 'ComputedPropertyName'],
  ])('refuses %s with file, line and column, without running anything', (_label, member, kind) => {
    const text = `${HEADER}export const definition = {\n  ok: 1,\n  ${member},\n};\n`;
    expect(() => parseDefinitionSource({ text, file: 'gen/definition.gen.ts' })).toThrow(
      expect.objectContaining({ file: 'gen/definition.gen.ts', line: 4, column: expect.any(Number), message: expect.stringContaining(kind) }),
    );
  });

  it('says when there is no definition constant', () => {
    expect(() => parseDefinitionSource({ text: 'export const other = {};', file: 'f.ts' })).toThrow(/no "export const definition/);
  });

  it('reads back exactly what the emitter wrote, across its modules', async () => {
    const definition = makeDefinition();
    Object.defineProperty(definition.supported_actions[0]!.inputSchema, '__proto__', { value: { type: 'string', label: 'odd' }, enumerable: true });
    definition.schemas = { Order: { type: 'object', properties: { id: { type: 'string' } } } };
    const files = emitDefinitionOf(definition);
    expect(files.map((file) => file.path).sort()).toEqual(['src/actions/orders.gen.ts', 'src/definition.gen.ts', 'src/schemas.gen.ts']);
    const parsed = await readEmittedDefinition(files);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(JSON.parse(JSON.stringify(definition)));
    expect(diffDefinitions(definition, parsed)).toEqual([]);
  });
});

describe('readDefinitionSource', () => {
  const modules: Record<string, string> = {
    './actions/orders.gen.ts': 'export const ordersList = { id: "orders_list" };\nexport const ordersCreate = { id: "orders_create" };\n',
    './schemas.gen.ts': 'export const schemas = { Order: { type: "object" } };\n',
  };
  const read = (text: string, files: Record<string, string> = modules) =>
    readDefinitionSource({ text, file: 'generated/shop/src/definition.gen.ts', readModule: async (specifier) => files[specifier] });

  it('puts each referenced constant of its modules in place, in the order the definition lists them', async () => {
    const text = `import * as ordersActions from "./actions/orders.gen.ts";\nimport { schemas } from "./schemas.gen.ts";\nexport const definition = {\n  supported_actions: [ordersActions.ordersCreate, ordersActions.ordersList],\n  schemas,\n};\n`;
    expect(await read(text)).toEqual({ supported_actions: [{ id: 'orders_create' }, { id: 'orders_list' }], schemas: { Order: { type: 'object' } } });
  });

  it.each([
    ['a package', 'import { x } from "node:fs";', /imports values from "node:fs"/],
    ['a parent folder', 'import { x } from "../evil.gen.ts";', /imports values from "\.\.\/evil\.gen\.ts"/],
    ['a file that is not a generated module', 'import { x } from "./index.ts";', /imports values from "\.\/index\.ts"/],
    ['a missing module', 'import { x } from "./gone.gen.ts";', /imports "\.\/gone\.gen\.ts", which is missing/],
  ])('refuses a value import from %s before reading anything', async (_label, line, message) => {
    const readModule = vi.fn(async () => 'export const x = 1;');
    const files = line.includes('gone') ? {} : undefined;
    const promise = files
      ? read(`${line}\nexport const definition = { x };\n`, files)
      : readDefinitionSource({ text: `${line}\nexport const definition = { x };\n`, file: 'd.ts', readModule });
    await expect(promise).rejects.toThrow(message);
    if (!files) expect(readModule).not.toHaveBeenCalled();
  });

  it('reads a module as data only: a reference inside it is refused with its own file and line', async () => {
    const files = { './schemas.gen.ts': 'export const schemas = {\n  Order: process.env,\n};\n' };
    await expect(read('import { schemas } from "./schemas.gen.ts";\nexport const definition = { schemas };\n', files)).rejects.toThrow(
      expect.objectContaining({ file: 'generated/shop/src/schemas.gen.ts', line: 2, message: expect.stringContaining('PropertyAccessExpression') }),
    );
  });

  it('says which constant a module lacks', async () => {
    const text = 'import * as ordersActions from "./actions/orders.gen.ts";\nexport const definition = { supported_actions: [ordersActions.ordersDelete] };\n';
    await expect(read(text)).rejects.toThrow(/"\.\/actions\/orders\.gen\.ts" exports no constant "ordersDelete"/);
  });

  it('reads each constant once, so the data read cannot grow past the files', async () => {
    const text = 'import * as ordersActions from "./actions/orders.gen.ts";\nexport const definition = { supported_actions: [ordersActions.ordersList, ordersActions.ordersList] };\n';
    await expect(read(text)).rejects.toThrow(/constant "ordersList" is referred to twice/);
  });

  it('refuses an identifier that no import binds', async () => {
    await expect(read('export const definition = { name: process };\n')).rejects.toThrow(/found Identifier/);
  });

  it('reads JSON text in JSON.parse(String.raw`…`) as data, and only that exact call', async () => {
    const json = 'JSON.parse(String.raw`{"Order": {"type":"object","description":"a \\"quoted\\" \\u0060tick\\u0060"}}`)';
    const files = { './schemas.gen.ts': `export const schemas = ${json};\n` };
    const read1 = await read('import { schemas } from "./schemas.gen.ts";\nexport const definition = { schemas };\n', files);
    expect((read1 as unknown as { schemas: unknown }).schemas).toEqual({ Order: { type: 'object', description: 'a "quoted" `tick`' } });
    for (const variant of ['JSON.parse?.(String.raw`{}`)', 'JSON?.parse(String.raw`{}`)', 'JSON.parse<object>(String.raw`{}`)', 'JSON.parse((String.raw`{}` as string))', 'JSON.parse(String.raw`${"{}"}`)']) {
      expect(() => parseDefinitionSource({ text: `export const definition = { x: ${variant} };\n`, file: 'd.ts' }), variant).toThrow(/only literal data/);
    }
  });

  it.each([
    ['a module-level JSON', 'const JSON = { parse: () => ({ hijacked: true }) };', /declares "JSON"/],
    ['an imported String', 'import { String } from "./evil.gen.ts";', /declares "String"|imports values/],
    ['a function', 'function String() {}', /found FunctionDeclaration/],
    ['an assignment after the data', 'definition.name = "other";', /found ExpressionStatement/],
    ['a let', 'let name = "x";', /found (FirstStatement|VariableStatement)/],
  ])('refuses a file with %s instead of reading past it', (_label, statement, message) => {
    const text = `${statement}\nexport const definition = { name: "x", schemas: JSON.parse(String.raw\`{}\`) };\n`;
    expect(() => parseDefinitionSource({ text, file: 'd.ts' })).toThrow(message);
  });

  it('writes control characters of a JSON parse error as escapes', () => {
    const text = 'export const definition = { x: JSON.parse(String.raw`{"a":\u001b]0;forged\u0007}`) };\n';
    expect(() => parseDefinitionSource({ text, file: 'd.ts' })).toThrow(/does not parse: .*\\u001b/);
    try {
      parseDefinitionSource({ text, file: 'd.ts' });
    } catch (error) {
      expect((error as Error).message).not.toMatch(/[\u0000-\u001f]/);
    }
  });
});
