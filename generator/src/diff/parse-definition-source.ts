import { ts } from 'ts-morph';
import type { ConnectorDefinition } from '@specwire/runtime';
import { SpecwireError } from '../errors/index.ts';

/** The exported constant a generated `src/definition.gen.ts` declares. */
const DEFINITION_CONSTANT = 'definition';

/**
 * The only modules a definition may import values from: its own generated files beside it or one
 * folder down (`./schemas.gen.ts`, `./actions/issues.gen.ts`). The reader that fetches them admits
 * regular files only (no symbolic link), so nothing outside `src/` is read.
 */
const DEFINITION_MODULE = /^\.\/(?:[a-z0-9][a-z0-9-]*\/)?[a-z0-9][a-z0-9-]*\.gen\.ts$/;

/** Reads a module of the definition by its specifier (`./actions/issues.gen.ts`); undefined when absent. */
export type ReadDefinitionModule = (specifier: string) => Promise<string | undefined>;

/** What an imported binding of the definition file stands for. */
type ImportedBinding = { specifier: string; kind: 'namespace' } | { specifier: string; kind: 'named'; exported: string };

/** A parsed module: its exported constants' initialisers. */
interface ModuleData {
  file: string;
  source: ts.SourceFile;
  constants: Map<string, ts.Expression>;
}

interface ReadContext {
  source: ts.SourceFile;
  file: string;
  /**
   * The definition file's imports, the modules they name, and the constants already read (each may be
   * read once, so the data read stays as large as the files); absent inside a module (modules import no values).
   */
  imports?: { bindings: Map<string, ImportedBinding>; modules: Map<string, ModuleData>; read: Set<string> };
}

/**
 * Reads the `definition` object out of a generated `definition.gen.ts` WITHOUT running it: the file
 * may come from any git ref, so it is parsed and only data is accepted (object and array literals,
 * strings, numbers, booleans, null, `-<number>`, string-keyed computed keys such as `["__proto__"]`,
 * and JSON text in `JSON.parse(String.raw\`…\`)`); each file holds only imports, `const`
 * declarations and types.
 * `satisfies`/`as` wrappers are skipped. The definition's own modules (`./actions/*.gen.ts`,
 * `./schemas.gen.ts`) are read through `readModule` and their exported constants stand in for the
 * references to them (`schemas`, `issuesActions.issuesCreate`); anything else (another call or
 * identifier, a spread) is an error naming the file, line and column.
 */
export async function readDefinitionSource(options: { text: string; file: string; readModule: ReadDefinitionModule }): Promise<ConnectorDefinition> {
  const source = parseDataModule(options.text, options.file);
  const bindings = importedBindings({ source, file: options.file });
  const modules = new Map<string, ModuleData>();
  for (const specifier of new Set([...bindings.values()].map((binding) => binding.specifier))) {
    const file = `${options.file.replace(/[^/]*$/, '')}${specifier.slice(2)}`;
    const text = await options.readModule(specifier);
    if (text === undefined) throw new SpecwireError(`imports "${specifier}", which is missing`, { file: options.file });
    modules.set(specifier, parseModule({ text, file }));
  }
  return readDefinition({ source, file: options.file, imports: { bindings, modules, read: new Set() } });
}

/** A definition file that imports nothing (every part inline), read like `readDefinitionSource`. */
export function parseDefinitionSource(options: { text: string; file: string }): ConnectorDefinition {
  return readDefinition({ source: parseDataModule(options.text, options.file), file: options.file });
}

function readDefinition(context: ReadContext): ConnectorDefinition {
  const initializer = exportedConstants(context.source).get(DEFINITION_CONSTANT);
  if (!initializer) {
    throw new SpecwireError(`no "export const ${DEFINITION_CONSTANT} = {…}" found`, { file: context.file });
  }
  const value = readData({ node: initializer, context });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SpecwireError(`"${DEFINITION_CONSTANT}" is not an object literal`, { file: context.file });
  }
  // Shape is trusted as far as the generator that wrote it; the differ reads every field defensively.
  return value as unknown as ConnectorDefinition;
}

function parse(text: string, file: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
}

/**
 * The statements a generated data file holds: imports, `const` declarations and types. Anything else
 * (a function, an assignment, a `let`) could change at run time what the constants read here say,
 * and so could a module-level binding named `JSON` or `String`, which would stand for something else
 * in `JSON.parse(String.raw\`…\`)`: both are refused rather than read past.
 */
function parseDataModule(text: string, file: string): ts.SourceFile {
  const source = parse(text, file);
  for (const statement of source.statements) {
    const names: ts.Identifier[] = [];
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.push(clause.name);
      const named = clause?.namedBindings;
      if (named && ts.isNamespaceImport(named)) names.push(named.name);
      else if (named) names.push(...named.elements.map((element) => element.name));
    } else if (ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.Const) !== 0) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) throw notData({ node: declaration.name, context: { source, file } });
        names.push(declaration.name);
      }
    } else if (!ts.isTypeAliasDeclaration(statement) && !ts.isInterfaceDeclaration(statement)) {
      throw notData({ node: statement, context: { source, file } });
    }
    const shadowing = names.find((name) => SHADOWED_GLOBALS.has(name.text));
    if (shadowing) throw new SpecwireError(`declares "${shadowing.text}", which would stand for something else in JSON.parse(String.raw\`…\`)`, { file });
  }
  return source;
}

/** The globals the JSON-text form names. */
const SHADOWED_GLOBALS = new Set(['JSON', 'String']);

function parseModule(options: { text: string; file: string }): ModuleData {
  const source = parseDataModule(options.text, options.file);
  return { file: options.file, source, constants: exportedConstants(source) };
}

/** Top-level `const` declarations with an initialiser, by name. */
function exportedConstants(source: ts.SourceFile): Map<string, ts.Expression> {
  const constants = new Map<string, ts.Expression>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) constants.set(declaration.name.text, declaration.initializer);
    }
  }
  return constants;
}

/** Value imports of the definition file; each must name one of its own generated modules. */
function importedBindings(options: { source: ts.SourceFile; file: string }): Map<string, ImportedBinding> {
  const bindings = new Map<string, ImportedBinding>();
  for (const statement of options.source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!DEFINITION_MODULE.test(specifier)) {
      throw new SpecwireError(`imports values from "${specifier}"; a definition reads only its own generated modules`, { file: options.file });
    }
    if (clause.name) throw notData({ node: clause.name, context: { source: options.source, file: options.file } });
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) bindings.set(named.name.text, { specifier, kind: 'namespace' });
    else if (named) {
      for (const element of named.elements) {
        if (element.isTypeOnly) continue;
        bindings.set(element.name.text, { specifier, kind: 'named', exported: (element.propertyName ?? element.name).text });
      }
    }
  }
  return bindings;
}

/** The data an identifier (`schemas`) or namespace member (`issuesActions.issuesCreate`) of the definition file stands for. */
function readReference(options: { node: ts.Expression; context: ReadContext }): Data | undefined {
  const { node, context } = options;
  const imports = context.imports;
  if (!imports) return undefined;
  let binding: ImportedBinding | undefined;
  let exported: string | undefined;
  if (ts.isIdentifier(node)) {
    binding = imports.bindings.get(node.text);
    if (binding?.kind === 'named') exported = binding.exported;
  } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && ts.isIdentifier(node.name)) {
    binding = imports.bindings.get(node.expression.text);
    if (binding?.kind === 'namespace') exported = node.name.text;
  }
  if (!binding || exported === undefined) return undefined;
  const module = imports.modules.get(binding.specifier);
  const initializer = module?.constants.get(exported);
  if (!module || !initializer) {
    throw new SpecwireError(`"${binding.specifier}" exports no constant "${exported}"`, { file: context.file });
  }
  const key = `${binding.specifier}#${exported}`;
  if (imports.read.has(key)) throw new SpecwireError(`"${binding.specifier}" constant "${exported}" is referred to twice`, { file: context.file });
  imports.read.add(key);
  return readData({ node: initializer, context: { source: module.source, file: module.file } });
}

type Data = string | number | boolean | null | Data[] | { [key: string]: Data };

function readData(options: { node: ts.Expression; context: ReadContext }): Data {
  const node = unwrap(options.node);
  const { context } = options;
  const reference = readReference({ node, context });
  if (reference !== undefined) return reference;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  const json = rawJsonText(node);
  if (json !== undefined) return parseJsonText({ text: json, node, context });
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return -Number(node.operand.text);
  }
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.map((element) => {
      if (ts.isSpreadElement(element) || ts.isOmittedExpression(element)) throw notData({ node: element, context });
      return readData({ node: element, context });
    });
  }
  if (ts.isObjectLiteralExpression(node)) {
    const object: { [key: string]: Data } = {};
    for (const property of node.properties) {
      // `schemas,` is `schemas: schemas`: the reference is resolved like any other value.
      const member = ts.isPropertyAssignment(property)
        ? { name: property.name, initializer: property.initializer }
        : ts.isShorthandPropertyAssignment(property) && context.imports
          ? { name: property.name, initializer: property.name }
          : undefined;
      if (!member) throw notData({ node: property, context });
      const { initializer } = member;
      const key = readPropertyKey({ name: member.name, context });
      // defineProperty: a `__proto__` key must become an own property, never the prototype.
      Object.defineProperty(object, key, {
        value: readData({ node: initializer, context }),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return object;
  }
  throw notData({ node, context });
}

/**
 * The text of `JSON.parse(String.raw\`…\`)`, the form the emitter gives JSON data (the shared
 * schemas, each action's input fields): a template without substitutions, read raw, as
 * `String.raw` hands it to JSON.parse. Only that exact call: no optional chaining, type arguments
 * or wrappers (the module cannot rebind `JSON` or `String`, see `parseDataModule`).
 */
function rawJsonText(node: ts.Expression): string | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || node.questionDotToken !== undefined || node.typeArguments !== undefined) return undefined;
  if (!isMember({ node: node.expression, object: 'JSON', name: 'parse' })) return undefined;
  const argument = node.arguments[0]!;
  if (!ts.isTaggedTemplateExpression(argument) || argument.typeArguments !== undefined) return undefined;
  if (!isMember({ node: argument.tag, object: 'String', name: 'raw' }) || !ts.isNoSubstitutionTemplateLiteral(argument.template)) return undefined;
  return argument.template.rawText;
}

function isMember(options: { node: ts.Expression; object: string; name: string }): boolean {
  const { node } = options;
  return (
    ts.isPropertyAccessExpression(node) &&
    node.questionDotToken === undefined &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === options.object &&
    ts.isIdentifier(node.name) &&
    node.name.text === options.name
  );
}

function parseJsonText(options: { text: string; node: ts.Node; context: Pick<ReadContext, 'source' | 'file'> }): Data {
  try {
    return JSON.parse(options.text) as Data;
  } catch (error) {
    const { line, character } = options.context.source.getLineAndCharacterOfPosition(options.node.getStart(options.context.source));
    // JSON.parse quotes the text it stopped at; control characters in it are written as escapes.
    const reason = (error instanceof Error ? error.message : String(error)).replace(
      /[\u0000-\u001f\u007f-\u009f]/g,
      (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    throw new SpecwireError(`the JSON text of a definition file does not parse: ${reason}`, { file: options.context.file, line: line + 1, column: character + 1 });
  }
}

function readPropertyKey(options: { name: ts.PropertyName; context: ReadContext }): string {
  const { name } = options;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const expression = unwrap(name.expression);
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  }
  throw notData({ node: name, context: options.context });
}

/** `x satisfies T`, `x as T` and `(x)` are the same data as `x`. */
function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isSatisfiesExpression(current) || ts.isAsExpression(current) || ts.isParenthesizedExpression(current)) {
    current = current.expression;
  }
  return current;
}

function notData(options: { node: ts.Node; context: Pick<ReadContext, 'source' | 'file'> }): SpecwireError {
  const { source, file } = options.context;
  const { line, character } = source.getLineAndCharacterOfPosition(options.node.getStart(source));
  const kind = ts.SyntaxKind[options.node.kind];
  return new SpecwireError(`only literal data is read from a definition file, found ${kind}`, {
    file,
    line: line + 1,
    column: character + 1,
  });
}
