/**
 * The shared schemas are emitted as JSON text inside `JSON.parse(String.raw`…`)`. Spec text that a
 * template would read as code or as an escape (a backtick, `${`, backslashes, line separators) must
 * come back as the same data, both when the emitted module runs and when `specwire diff` reads it.
 */
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import type { ConnectorDefinition } from '@specwire/runtime';
import { describe, expect, it } from 'vitest';
import { renderRawJson } from '../../src/emit/render-raw-json.ts';
import { emitDefinitionOf, readEmittedDefinition } from './definition-files.ts';

const HOSTILE_TEXTS = [
  'a `backtick` and `${globalThis.pwned = 1}`',
  '${',
  '$${x}',
  'ends with a backslash \\',
  '\\`',
  '\\${x}',
  'quotes " and \\" and \\\\',
  'line\nbreak\r\ttab\u0000nul',
  'separators \u2028 and \u2029',
  '*/ console.log(1) /*',
  '</script>',
  'lone surrogate \ud800',
  'emoji 😀',
];

function schemasOf(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  HOSTILE_TEXTS.forEach((text, index) => {
    schemas[`S${index} ${text}`] = { type: 'string', description: text, enum: [text], default: text, properties: { [text]: { const: text } } };
  });
  const proto: unknown = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}');
  Object.defineProperty(schemas, '__proto__', { value: proto, enumerable: true });
  return schemas;
}

function definitionOf(schemas: Record<string, unknown>): ConnectorDefinition {
  return { name: 'acme', display_name: 'Acme', description: '', category: 'x', supported_actions: [], schemas } as unknown as ConnectorDefinition;
}

/** Runs the emitted schemas module (transpiled as tsc would) in a fresh context and returns its export. */
function runSchemasModule(text: string): unknown {
  const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const context = { exports: {} as Record<string, unknown>, pwned: undefined as unknown };
  runInNewContext(js, context);
  expect(context.pwned).toBeUndefined();
  return context.exports.schemas;
}

describe('schemas as JSON text', () => {
  const schemas = schemasOf();
  const files = emitDefinitionOf(definitionOf(schemas));
  const module = files.find((file) => file.path === 'src/schemas.gen.ts')!.contents;

  it('runs to the same data, hostile text included, without running any of it', () => {
    const data = runSchemasModule(module);
    // Through JSON, so the comparison sees own `__proto__` keys as keys.
    expect(JSON.stringify(data)).toBe(JSON.stringify(schemas));
    expect(Object.hasOwn(data as object, '__proto__')).toBe(true);
  });

  it('reads back to the same data through the reader specwire diff uses', async () => {
    const read = await readEmittedDefinition(files);
    expect(JSON.stringify(read.schemas)).toBe(JSON.stringify(schemas));
  });

  it('parses as one template without substitutions, one schema per line', () => {
    const source = ts.createSourceFile('schemas.gen.ts', module, ts.ScriptTarget.Latest, true);
    const templates: ts.SyntaxKind[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isTemplateLiteral(node) || ts.isTemplateExpression(node)) templates.push(node.kind);
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(templates).toEqual([ts.SyntaxKind.NoSubstitutionTemplateLiteral]);
    expect(module.split('\n').filter((line) => line.startsWith('"'))).toHaveLength(Object.keys(schemas).length);
    expect(module).not.toMatch(/[\u2028\u2029]/);
  });

  it.each([
    ['a non-finite number', { a: { minimum: Number.POSITIVE_INFINITY } }, 'non-finite number at /a/minimum'],
    ['a function', { a: { f: () => 1 } }, 'function is not data (at /a/f)'],
    ['a class instance', { a: { at: new Date(0) } }, 'only plain objects are data (at /a/at)'],
    ['undefined in an array', { a: { enum: [1, undefined] } }, 'undefined array item at /a/enum/1'],
  ])('refuses %s with its pointer', (_label, value, message) => {
    expect(() => renderRawJson(value)).toThrow(message);
  });

  it('refuses a cycle', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => renderRawJson(cyclic)).toThrow('cycle at /self');
  });
});
