import type { JSDocStructure, MethodDeclarationStructure, OptionalKind } from 'ts-morph';
import { StructureKind } from './ts-morph-module.ts';
import { SpecwireError } from '../errors/index.ts';
import { RESERVED_METHOD_NAMES } from '../plan/reserved-names.ts';
import type { ActionPlan, ConnectorPlan } from '../plan/types.ts';
import { assertIdentifier } from './assert-identifier.ts';
import { renderBanner, type BannerOptions } from './render-banner.ts';
import { renderJsDocText } from './render-comment.ts';
import { renderStringLiteral } from './render-string-literal.ts';
import { relativeModuleSpecifier } from './module-specifier.ts';
import { createEmitProject } from './ts-morph-project.ts';

/**
 * `src/connector.gen.ts`: the typed class. Created once from a structure in an in-memory project (no
 * manipulation afterwards, no formatText), as ts-morph is fast only that way.
 */
export function emitConnectorClass(options: { plan: ConnectorPlan; banner: BannerOptions }): string {
  const { plan } = options;
  const location = { file: plan.provenance.specSource };
  const className = assertIdentifier({ name: plan.className, kind: 'class', location });
  const methods = plan.actions.map((action) => renderMethod({ plan, action }));
  const typeNames = plan.actions.flatMap((action) => [action.inputTypeName, action.outputTypeName]);
  const classDocs = plan.description === undefined ? [] : renderDocs({ text: plan.description, deprecated: false });

  const project = createEmitProject();
  const file = project.createSourceFile(plan.files.connector, {
    statements: [
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: '@specwire/runtime',
        namedImports: ['BaseConnector', { name: 'ConnectorOptions', isTypeOnly: true }, { name: 'ConnectorResponse', isTypeOnly: true }],
      },
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: relativeModuleSpecifier({ from: plan.files.connector, to: plan.files.definition }),
        namedImports: ['definition'],
      },
      // Written as text so each type name sits on its own line: adding an action is then a one-line diff.
      ...(typeNames.length === 0
        ? []
        : [
            `import type {\n${typeNames.map((name) => `  ${name},\n`).join('')}} from ${renderStringLiteral(
              relativeModuleSpecifier({ from: plan.files.connector, to: plan.files.types }),
            )};`,
          ]),
      {
        kind: StructureKind.Class,
        name: className,
        isExported: true,
        extends: 'BaseConnector',
        docs: classDocs,
        ctors: [
          {
            parameters: [{ name: 'options', type: 'ConnectorOptions', initializer: '{}' }],
            statements: ['super(definition, options);'],
          },
        ],
        methods,
      },
    ],
  });
  return `${renderBanner(options.banner)}\n${file.getFullText()}`;
}

function renderMethod(options: { plan: ConnectorPlan; action: ActionPlan }): OptionalKind<MethodDeclarationStructure> {
  const { plan, action } = options;
  const location = { file: plan.provenance.specSource, pointer: action.pointer };
  const name = assertIdentifier({ name: action.methodName, kind: 'method', location });
  // Checked again here because a shadowed runtime member breaks the connector (`then` makes it
  // thenable, so `await connector` never settles), not just its types.
  if (RESERVED_METHOD_NAMES.has(name)) {
    throw new SpecwireError(`emit: the plan gave ${JSON.stringify(name)} as a method name, which the runtime or the platform already uses (planner bug)`, location);
  }
  const inputType = assertIdentifier({ name: action.inputTypeName, kind: 'type', location });
  const outputType = assertIdentifier({ name: action.outputTypeName, kind: 'type', location });
  const responseType = `Promise<ConnectorResponse<${outputType}>>`;
  const text = [action.summary, action.description === action.summary ? undefined : action.description]
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .join('\n\n');
  return {
    name,
    docs: text === '' && !action.deprecated ? [] : renderDocs({ text, deprecated: action.deprecated }),
    parameters: [{ name: 'input', type: inputType }],
    returnType: responseType,
    statements: [`return this.executeAction<${outputType}>(${renderStringLiteral(action.actionId)}, input);`],
  };
}

/** Every piece of spec text in a comment passes through `renderJsDocText` here. */
function renderDocs(options: { text: string; deprecated: boolean }): OptionalKind<JSDocStructure>[] {
  const description = renderJsDocText(options.text);
  return [
    {
      description: description === '' ? undefined : description,
      tags: options.deprecated ? [{ tagName: 'deprecated' }] : undefined,
    },
  ];
}
