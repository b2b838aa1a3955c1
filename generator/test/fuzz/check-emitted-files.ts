/**
 * The fuzzer's oracle for generated output, without evaluating anything: every emitted TypeScript
 * file parses cleanly, holds only the top-level declarations its emitter writes, carries the marker
 * `PWNED` only inside string literals and comments, and the definition is a pure data literal (or
 * JSON text read by `JSON.parse(String.raw\`…\`)`).
 */
import ts from 'typescript';
import type { EmittedFile } from '../../src/emit/index.ts';
import { jsonTextOf, markerTokensOutsideLiterals } from '../hostile/inert-text.ts';

const K = ts.SyntaxKind;

/** Top-level statement kinds each generated file may contain. */
const ALLOWED_STATEMENTS: ReadonlyArray<{ path: RegExp; kinds: ReadonlySet<ts.SyntaxKind> }> = [
  { path: /^src\/definition\.gen\.ts$/, kinds: new Set([K.ImportDeclaration, K.VariableStatement, K.TypeAliasDeclaration]) },
  { path: /^src\/(schemas|actions\/[a-z0-9-]+)\.gen\.ts$/, kinds: new Set([K.ImportDeclaration, K.VariableStatement]) },
  { path: /^src\/connector\.gen\.ts$/, kinds: new Set([K.ImportDeclaration, K.ClassDeclaration]) },
  { path: /^src\/types\.gen\.ts$/, kinds: new Set([K.InterfaceDeclaration, K.TypeAliasDeclaration]) },
  { path: /^src\/index\.ts$/, kinds: new Set([K.ExportDeclaration]) },
  { path: /^test\/actions\.gen\.test\.ts$/, kinds: new Set([K.ImportDeclaration, K.InterfaceDeclaration, K.VariableStatement, K.ExpressionStatement]) },
];

/** Node kinds a data literal may contain (the `as string` form keeps Object-member keys typed). */
const DATA_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  K.ObjectLiteralExpression, K.ArrayLiteralExpression, K.PropertyAssignment, K.Identifier, K.StringLiteral,
  K.NumericLiteral, K.TrueKeyword, K.FalseKeyword, K.NullKeyword, K.PrefixUnaryExpression, K.ComputedPropertyName,
  K.AsExpression, K.StringKeyword, K.SatisfiesExpression, K.TypeReference,
]);

/** The definition file refers to its modules' constants (`generalActions.issuesCreate`, `schemas,`). */
const REFERENCE_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([K.PropertyAccessExpression, K.ShorthandPropertyAssignment]);

/** Files whose top-level constants hold data only. */
const DATA_FILES = /^(src\/definition\.gen\.ts|src\/schemas\.gen\.ts|src\/actions\/[a-z0-9-]+\.gen\.ts|test\/actions\.gen\.test\.ts)$/;

function dataProblems(options: { node: ts.Node; where: string }): string[] {
  const problems: string[] = [];
  const references = options.where === 'src/definition.gen.ts';
  const visit = (node: ts.Node): void => {
    // JSON text (the shared schemas): exactly `JSON.parse(String.raw\`…\`)`, a template without substitutions holding JSON.
    const json = jsonTextOf(node);
    if (json !== undefined) {
      if (!parsesAsJson(json)) problems.push(`${options.where}: JSON text that does not parse`);
      return;
    }
    const reference = references && REFERENCE_KINDS.has(node.kind);
    if (reference && ts.isPropertyAccessExpression(node) && !(ts.isIdentifier(node.expression) && ts.isIdentifier(node.name))) {
      problems.push(`${options.where}: property access other than module.constant`);
    }
    if (!DATA_KINDS.has(node.kind) && !reference) problems.push(`${options.where}: ${K[node.kind]} in a data literal`);
    if (ts.isComputedPropertyName(node)) {
      const expression = ts.isAsExpression(node.expression) ? node.expression.expression : node.expression;
      if (!ts.isStringLiteral(expression)) problems.push(`${options.where}: computed key that is not a string literal`);
    }
    // Type-only wrappers (`{…} satisfies ActionDefinition as ActionDefinition`) may name a type, nothing else.
    if (ts.isTypeReferenceNode(node) && (!ts.isIdentifier(node.typeName) || node.typeArguments !== undefined)) {
      problems.push(`${options.where}: type reference other than a plain type name`);
    }
    if (ts.isPrefixUnaryExpression(node) && !(node.operator === K.MinusToken && ts.isNumericLiteral(node.operand))) {
      problems.push(`${options.where}: unary operator other than a negative number`);
    }
    ts.forEachChild(node, visit);
  };
  visit(options.node);
  return problems;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function classProblems(options: { statement: ts.ClassDeclaration; where: string }): string[] {
  const problems: string[] = [];
  for (const member of options.statement.members) {
    if (ts.isConstructorDeclaration(member)) continue;
    if (!ts.isMethodDeclaration(member)) {
      problems.push(`${options.where}: class member ${K[member.kind]}`);
      continue;
    }
    const statements = member.body?.statements ?? [];
    const only = statements[0];
    const call = only && ts.isReturnStatement(only) && only.expression && ts.isCallExpression(only.expression) ? only.expression : undefined;
    if (statements.length !== 1 || !call || !call.arguments[0] || !ts.isStringLiteral(call.arguments[0])) {
      problems.push(`${options.where}: method ${member.name.getText()} is not one executeAction call with a literal id`);
    }
  }
  return problems;
}

export function emittedFileProblems(files: readonly EmittedFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    if (!file.path.endsWith('.ts')) {
      if (file.path.endsWith('.json')) {
        try {
          JSON.parse(file.contents);
        } catch {
          problems.push(`${file.path}: not valid JSON`);
        }
      }
      continue;
    }
    const source = ts.createSourceFile(file.path, file.contents, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
    for (const diagnostic of diagnostics.slice(0, 3)) problems.push(`${file.path}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
    for (const leak of markerTokensOutsideLiterals({ source: file.contents, marker: 'PWNED' })) problems.push(`${file.path}: spec text as code: ${leak}`);
    if (/[\u2028\u2029]/.test(file.contents)) problems.push(`${file.path}: raw U+2028/U+2029`);
    const allowed = ALLOWED_STATEMENTS.find((entry) => entry.path.test(file.path));
    for (const statement of source.statements) {
      if (allowed && !allowed.kinds.has(statement.kind)) problems.push(`${file.path}: unexpected top-level ${K[statement.kind]}`);
      if (DATA_FILES.test(file.path) && ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (declaration.initializer) problems.push(...dataProblems({ node: declaration.initializer, where: file.path }));
        }
      }
      if (ts.isClassDeclaration(statement)) problems.push(...classProblems({ statement, where: file.path }));
      if (ts.isExpressionStatement(statement)) {
        const call = statement.expression;
        if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'describe') {
          problems.push(`${file.path}: top-level expression other than describe(...)`);
        }
      }
    }
  }
  return problems;
}
