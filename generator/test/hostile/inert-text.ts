import ts from 'typescript';

/**
 * Token kinds spec text may appear in: string literals, templates without substitutions (the JSON
 * text of the shared schemas) and comments; never a template with a substitution, or code.
 */
const INERT_KINDS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.SingleLineCommentTrivia,
  ts.SyntaxKind.MultiLineCommentTrivia,
  ts.SyntaxKind.WhitespaceTrivia,
  ts.SyntaxKind.NewLineTrivia,
]);

/**
 * Places in a TypeScript source where `marker` appears outside a string literal or a comment, e.g.
 * the identifier `PWNED` of a payload that escaped its comment. An identifier-shaped spec name used
 * as a property name (`PWNED: string`) is data, not code, and is allowed. Empty when the marker is inert.
 */
export function markerTokensOutsideLiterals(options: { source: string; marker: string }): string[] {
  const { source, marker } = options;
  if (!source.includes(marker)) return [];
  const leaks: string[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, source);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const text = scanner.getTokenText();
    // Identifiers are judged on the syntax tree below, where their role is known.
    if (kind === ts.SyntaxKind.Identifier) continue;
    if (text.includes(marker) && !INERT_KINDS.has(kind)) leaks.push(`${ts.SyntaxKind[kind]} ${text.slice(0, 80)}`);
    if (kind === ts.SyntaxKind.Unknown) leaks.push(`Unknown ${text.slice(0, 80)}`);
  }
  const tree = ts.createSourceFile('checked.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text.includes(marker) && !isPropertyName(node)) {
      leaks.push(`Identifier ${node.text.slice(0, 80)} (in ${ts.SyntaxKind[node.parent.kind]})`);
    }
    // A template is inert only as the JSON text of `JSON.parse(String.raw\`…\`)`.
    if (ts.isNoSubstitutionTemplateLiteral(node) && node.rawText?.includes(marker) && jsonTextOf(node.parent?.parent) === undefined) {
      leaks.push(`NoSubstitutionTemplateLiteral outside JSON.parse(String.raw\`…\`) ${node.rawText.slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return leaks;
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node;
}

/**
 * The JSON text of `JSON.parse(String.raw\`…\`)`, the one call a generated data file may hold (the
 * shared schemas and each action's input fields): a template without substitutions. Undefined for
 * any other node.
 */
export function jsonTextOf(node: ts.Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  const isMember = (expression: ts.Expression, object: string, name: string): boolean =>
    ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === object && expression.name.text === name;
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || node.typeArguments !== undefined || !isMember(node.expression, 'JSON', 'parse')) return undefined;
  const argument = node.arguments[0]!;
  if (!ts.isTaggedTemplateExpression(argument) || argument.typeArguments !== undefined || !isMember(argument.tag, 'String', 'raw')) return undefined;
  return ts.isNoSubstitutionTemplateLiteral(argument.template) ? (argument.template.rawText ?? '') : undefined;
}
