import { describe, expect, it } from 'vitest';
import { parseDefinitionSource, diffDefinitions } from '../../src/diff/index.ts';
import { emitDefinition } from '../../src/emit/emit-definition.ts';
import type { ConnectorPlan } from '../../src/plan/types.ts';
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

  it('reads back exactly what the emitter wrote', () => {
    const definition = makeDefinition();
    Object.defineProperty(definition.supported_actions[0]!.inputSchema, '__proto__', { value: { type: 'string', label: 'odd' }, enumerable: true });
    // emitDefinition reads only `plan.definition`.
    const plan = { definition } as unknown as ConnectorPlan;
    const text = emitDefinition({ plan, banner: { generatorVersion: '0.0.0', specSource: 'specs/shop.yaml', connectorName: 'shop' } });
    const parsed = parseDefinitionSource({ text, file: 'definition.gen.ts' });
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(JSON.parse(JSON.stringify(definition)));
    expect(diffDefinitions(definition, parsed)).toEqual([]);
  });
});
