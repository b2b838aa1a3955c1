import { ts } from 'ts-morph';
import type { ConnectorDefinition } from '@specwire/runtime';
import { SpecwireError } from '../errors/index.ts';

/** The exported constant a generated `src/definition.gen.ts` declares. */
const DEFINITION_CONSTANT = 'definition';

/**
 * Reads the `definition` object out of a generated `definition.gen.ts` WITHOUT running it: the file
 * may come from any git ref, so it is parsed and only data is accepted (object and array literals,
 * strings, numbers, booleans, null, `-<number>`, string-keyed computed keys such as `["__proto__"]`).
 * `satisfies`/`as` wrappers are skipped; anything else (a call, an identifier, a spread) is an error
 * naming the file, line and column.
 */
export function parseDefinitionSource(options: { text: string; file: string }): ConnectorDefinition {
  const source = ts.createSourceFile(options.file, options.text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const initializer = findDefinitionInitializer(source);
  if (!initializer) {
    throw new SpecwireError(`no "export const ${DEFINITION_CONSTANT} = {…}" found`, { file: options.file });
  }
  const value = readData({ node: initializer, source, file: options.file });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SpecwireError(`"${DEFINITION_CONSTANT}" is not an object literal`, { file: options.file });
  }
  // Shape is trusted as far as the generator that wrote it; the differ reads every field defensively.
  return value as unknown as ConnectorDefinition;
}

function findDefinitionInitializer(source: ts.SourceFile): ts.Expression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === DEFINITION_CONSTANT) return declaration.initializer;
    }
  }
  return undefined;
}

type Data = string | number | boolean | null | Data[] | { [key: string]: Data };

function readData(options: { node: ts.Expression; source: ts.SourceFile; file: string }): Data {
  const node = unwrap(options.node);
  const { source, file } = options;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return -Number(node.operand.text);
  }
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.map((element) => {
      if (ts.isSpreadElement(element) || ts.isOmittedExpression(element)) throw notData({ node: element, source, file });
      return readData({ node: element, source, file });
    });
  }
  if (ts.isObjectLiteralExpression(node)) {
    const object: { [key: string]: Data } = {};
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) throw notData({ node: property, source, file });
      const key = readPropertyKey({ name: property.name, source, file });
      // defineProperty: a `__proto__` key must become an own property, never the prototype.
      Object.defineProperty(object, key, {
        value: readData({ node: property.initializer, source, file }),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return object;
  }
  throw notData({ node, source, file });
}

function readPropertyKey(options: { name: ts.PropertyName; source: ts.SourceFile; file: string }): string {
  const { name } = options;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const expression = unwrap(name.expression);
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  }
  throw notData({ node: name, source: options.source, file: options.file });
}

/** `x satisfies T`, `x as T` and `(x)` are the same data as `x`. */
function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isSatisfiesExpression(current) || ts.isAsExpression(current) || ts.isParenthesizedExpression(current)) {
    current = current.expression;
  }
  return current;
}

function notData(options: { node: ts.Node; source: ts.SourceFile; file: string }): SpecwireError {
  const { line, character } = options.source.getLineAndCharacterOfPosition(options.node.getStart(options.source));
  const kind = ts.SyntaxKind[options.node.kind];
  return new SpecwireError(`only literal data is read from a definition file, found ${kind}`, {
    file: options.file,
    line: line + 1,
    column: character + 1,
  });
}
