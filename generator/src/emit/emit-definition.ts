import type { ConnectorPlan } from '../plan/types.ts';
import { assertIdentifier } from './assert-identifier.ts';
import type { EmittedFile } from './emitted-file.ts';
import { relativeModuleSpecifier } from './module-specifier.ts';
import { renderBanner, type BannerOptions } from './render-banner.ts';
import { renderLiteral } from './render-literal.ts';
import { renderRawJson } from './render-raw-json.ts';
import { renderValuePropertyKey } from './render-property-key.ts';
import { renderStringLiteral } from './render-string-literal.ts';
import { escapePointerSegment, SpecwireError } from '../errors/index.ts';

/** Short objects and arrays (`{ in: "body", name: "id" }`) go on one line up to this width. */
const LINE_WIDTH = 100;

/**
 * The definition's source files, as the plan's `definitionModules` splits them:
 * - `src/definition.gen.ts`: the connector's metadata, auth, triggers, and the list of its actions in
 *   definition order, one reference per line (`issuesActions.issuesCreate`);
 * - `src/actions/<category>.gen.ts`: one exported constant per action, named by its method;
 * - `src/schemas.gen.ts`: the shared schemas, one per line, as JSON text (`emitSchemasModule`).
 * A change to one vendor operation is then a hunk in the file of its resource, and a change to one
 * shared schema is one line. Everything is plain data behind type annotations (the shared schemas
 * and each action's input fields are JSON text that `JSON.parse` reads): the JavaScript is the same data a single object literal would hold,
 * and `specwire diff` reads it back without running it. Input fields and parameter mappings are
 * one per line too (`renderAction`).
 *
 * Each action is its own `const x: ActionDefinition = {…}`: checked in full (excess properties
 * included), and the compiler never builds the union of every action's literal type, which
 * overflows on specs with over a thousand operations. The definition is an annotation rather than
 * `as const satisfies`: readonly tuples do not fit the mutable arrays of `ConnectorDefinition`.
 */
export function emitDefinitionFiles(options: { plan: ConnectorPlan; banner: BannerOptions }): EmittedFile[] {
  const { plan, banner } = options;
  const modules = plan.definitionModules;
  const files: EmittedFile[] = [{ path: plan.files.definition, contents: emitDefinition({ plan, banner }) }];
  if (modules.schemas !== undefined) {
    files.push({ path: modules.schemas, contents: emitSchemasModule({ schemas: plan.definition.schemas ?? {}, banner }) });
  }
  const indexOf = new Map(plan.definition.supported_actions.map((action, index) => [action.id, index]));
  const methodOf = new Map(plan.actions.map((action) => [action.actionId, action.methodName]));
  for (const module of modules.actions) {
    const constants = module.actionIds.map((id) => {
      const index = indexOf.get(id) ?? -1;
      const name = assertIdentifier({ name: methodOf.get(id) ?? '', kind: 'binding', location: { pointer: `/definition/supported_actions/${index}` } });
      return `export const ${name}: ActionDefinition = ${renderAction({ action: plan.definition.supported_actions[index], where: `/definition/supported_actions/${index}` })};`;
    });
    files.push({
      path: module.path,
      contents: [renderBanner(banner), 'import type { ActionDefinition } from "@specwire/runtime";', '', constants.join('\n\n'), ''].join('\n'),
    });
  }
  return files;
}

function emitDefinition(options: { plan: ConnectorPlan; banner: BannerOptions }): string {
  const { plan } = options;
  const modules = plan.definitionModules;
  const from = plan.files.definition;
  const specifier = (to: string): string => renderStringLiteral(relativeModuleSpecifier({ from, to }));
  const namespaceOf = new Map<string, string>();
  const imports = ['import type { ConnectorDefinition } from "@specwire/runtime";'];
  for (const module of modules.actions) {
    const namespace = assertIdentifier({ name: module.namespace, kind: 'binding', location: { pointer: '/definition/supported_actions' } });
    for (const id of module.actionIds) namespaceOf.set(id, namespace);
    imports.push(`import * as ${namespace} from ${specifier(module.path)};`);
  }
  if (modules.schemas !== undefined) imports.push(`import { schemas } from ${specifier(modules.schemas)};`);
  const methodOf = new Map(plan.actions.map((action) => [action.actionId, action.methodName]));
  const lines: string[] = [];
  for (const [key, value] of Object.entries(plan.definition)) {
    if (value === undefined) continue;
    if (key === 'schemas' && modules.schemas !== undefined) {
      lines.push('  schemas,');
      continue;
    }
    const where = `/definition/${key}`;
    const rendered =
      key === 'supported_actions' && Array.isArray(value)
        ? renderActionList({ ids: plan.definition.supported_actions.map((action) => action.id), namespaceOf, methodOf })
        : renderLiteral(value, { indent: '  ', where, lineWidth: LINE_WIDTH });
    lines.push(`  ${renderValuePropertyKey(key)}: ${rendered},`);
  }
  return [renderBanner(options.banner), ...imports, '', `export const definition: ConnectorDefinition = {\n${lines.join('\n')}\n};`, ''].join('\n');
}

/** The actions in definition order, each a reference to its module's constant. */
function renderActionList(options: { ids: string[]; namespaceOf: Map<string, string>; methodOf: Map<string, string> }): string {
  if (options.ids.length === 0) return '[]';
  const items = options.ids.map((id) => {
    const namespace = options.namespaceOf.get(id);
    const method = options.methodOf.get(id);
    if (namespace === undefined || method === undefined) {
      throw new SpecwireError(`emit: action "${id}" is in no definition module (planner bug)`, { pointer: '/definition/supported_actions' });
    }
    return `    ${namespace}.${method},`;
  });
  return `[\n${items.join('\n')}\n  ]`;
}

/**
 * The shared schemas as JSON text, one schema per line, parsed once when the module loads. JSON
 * Schema is JSON: as text, tsc scans one template string where an object literal would make it build
 * a type for every node (on the full GitHub spec, 1.3 MB of schemas cost about 0.7 s of a 5.5 s
 * type-check), and `JSON.parse` is how an engine loads that much data fastest. `String.raw` keeps
 * the JSON escapes for JSON.parse; `renderRawJson` escapes what the template would read itself.
 */
function emitSchemasModule(options: { schemas: Record<string, unknown>; banner: BannerOptions }): string {
  return [
    renderBanner(options.banner),
    'import type { JsonSchema } from "@specwire/runtime";',
    '',
    '/** The shared schemas, one per line; input and output schemas refer to them as `#/$defs/<name>`. */',
    `export const schemas: Record<string, JsonSchema> = JSON.parse(String.raw\`${renderSchemas({ schemas: options.schemas, where: '/definition/schemas' })}\`);`,
    '',
  ].join('\n');
}

/**
 * One action, its input fields and parameter mappings one per line: a change to one input is then a
 * one-line hunk, and the indentation of a pretty-printed field (a third of GitHub's input bytes)
 * goes away. Everything else is pretty-printed, short objects on one line.
 */
function renderAction(options: { action: unknown; where: string }): string {
  const { action, where } = options;
  if (!isRecord(action)) return renderLiteral(action, { indent: '', where, lineWidth: LINE_WIDTH });
  const parts = Object.entries(action)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const at = `${where}/${escapePointerSegment(key)}`;
      const rendered =
        key === 'inputSchema' && isRecord(value)
          ? renderJsonEntriesPerLine({ record: value, indent: '  ', where: at })
          : key === 'api' && isRecord(value)
            ? renderApi({ api: value, where: at })
            : renderLiteral(value, { indent: '  ', where: at, lineWidth: LINE_WIDTH });
      return `  ${renderValuePropertyKey(key)}: ${rendered},`;
    });
  return `{\n${parts.join('\n')}\n}`;
}

function renderApi(options: { api: Record<string, unknown>; where: string }): string {
  const parts = Object.entries(options.api)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const at = `${options.where}/${escapePointerSegment(key)}`;
      const rendered =
        key === 'paramMapping' && isRecord(value)
          ? renderEntriesPerLine({ record: value, indent: '    ', where: at })
          : renderLiteral(value, { indent: '    ', where: at, lineWidth: LINE_WIDTH });
      return `    ${renderValuePropertyKey(key)}: ${rendered},`;
    });
  return `{\n${parts.join('\n')}\n  }`;
}

/** A record with each entry on one line of its own, whatever its length, in the record's order. */
function renderEntriesPerLine(options: { record: Record<string, unknown>; indent: string; where: string }): string {
  const entries = Object.entries(options.record).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return '{}';
  const inner = `${options.indent}  `;
  const lines = entries.map(
    ([name, value]) =>
      `${inner}${renderValuePropertyKey(name)}: ${renderLiteral(value, { where: `${options.where}/${escapePointerSegment(name)}`, lineWidth: Number.MAX_SAFE_INTEGER })},`,
  );
  return `{\n${lines.join('\n')}\n${options.indent}}`;
}

/**
 * An action's input fields as JSON text, one field per line. The fields are typed where the planner
 * builds them (`InputField` of the runtime, checked when the generator is); written as object
 * literals, every user's tsc checked them again, a fifth of the full GitHub connector's type-check.
 */
function renderJsonEntriesPerLine(options: { record: Record<string, unknown>; indent: string; where: string }): string {
  const entries = Object.entries(options.record).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return '{}';
  const inner = `${options.indent}  `;
  const lines = entries.map(
    ([name, value]) => `${inner}${renderRawJson(name)}: ${renderRawJson(value, { where: `${options.where}/${escapePointerSegment(name)}` })}`,
  );
  return `JSON.parse(String.raw\`{\n${lines.join(',\n')}\n${options.indent}}\`)`;
}

/** Each shared schema on one line of its own, in the plan's (name) order, as JSON text. */
function renderSchemas(options: { schemas: Record<string, unknown>; where: string }): string {
  const entries = Object.entries(options.schemas).filter(([, schema]) => schema !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(
    ([name, schema]) => `${renderRawJson(name)}: ${renderRawJson(schema, { where: `${options.where}/${escapePointerSegment(name)}` })}`,
  );
  return `{\n${lines.join(',\n')}\n}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
