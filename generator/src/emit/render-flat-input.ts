import type { ActionDefinition } from '@specwire/runtime';
import type { ActionPlan, ConnectorPlan } from '../plan/types.ts';
import { renderJsDocText } from './render-comment.ts';
import { renderPropertyKey } from './render-property-key.ts';
import { renderStringLiteral } from './render-string-literal.ts';

/**
 * Helpers the flattened input interfaces index into. Each field's type is still openapi-typescript's
 * type for that parameter or body property: the interface only names and documents the fields. They
 * are plain indexed accesses, not conditional types, so tsc resolves each one without instantiating
 * anything per use; `InputOf` wraps only the bodies that reach a readOnly property.
 */
export const FLAT_INPUT_HELPERS = [
  '/** The parameters of operation `K` in location `L` (`path`, `query`, `header` or `cookie`). */',
  'type ParameterOf<K extends keyof operations, L extends keyof operations[K]["parameters"]> = NonNullable<operations[K]["parameters"][L]>;',
  '/** The request body of operation `K` in media type `M`. */',
  'type RequestBodyOf<K extends keyof operations, M extends keyof NonNullable<operations[K]["requestBody"]>["content"]> = NonNullable<operations[K]["requestBody"]>["content"][M];',
  '/** The properties of an object request body (a nullable body spreads its object part). */',
  'type BodyPropertiesOf<K extends keyof operations, M extends keyof NonNullable<operations[K]["requestBody"]>["content"]> = NonNullable<RequestBodyOf<K, M>>;',
].join('\n');

/** With `InputOf` (emitted beside it): the spread helper for a body that reaches a readOnly property. */
export const FLAT_INPUT_OF_HELPER = [
  '/** The properties of an object request body as an input (readOnly properties optional, at every depth). */',
  'type InputPropertiesOf<K extends keyof operations, M extends keyof NonNullable<operations[K]["requestBody"]>["content"]> = NonNullable<InputOf<RequestBodyOf<K, M>>>;',
].join('\n');

const PARAMETER_LOCATIONS = new Set(['path', 'query', 'header', 'cookie']);
const COMPOSITION_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'not', 'if', '$ref'];

/**
 * `export interface <Action>Input { ... }`: one member per input field, with the field's description
 * as JSDoc and its type indexed from openapi-typescript's output. Undefined when a field cannot be
 * traced to one named parameter or one property of a plain object body in the types document; the
 * caller then falls back to the composed alias, which is always correct.
 */
export function renderFlatInput(options: {
  plan: ConnectorPlan;
  action: ActionPlan;
  /** Whether a body schema reaches a readOnly property (then its type goes through `InputOf`). */
  reachesReadOnly: (schema: unknown) => boolean;
}): { text: string; usesInputOf: boolean } | undefined {
  const { plan, action } = options;
  const definition = plan.definition.supported_actions.find((candidate) => candidate.id === action.actionId);
  const operation = findOperation({ document: plan.typesDocument, operationId: action.actionId });
  if (definition === undefined || operation === undefined) return undefined;
  const members: string[] = [];
  let usesInputOf = false;
  for (const [field, spec] of Object.entries(definition.inputSchema ?? {})) {
    const type = renderFieldType({ plan, action, definition, operation, field, reachesReadOnly: options.reachesReadOnly });
    if (type === undefined) return undefined;
    usesInputOf ||= type.startsWith('InputOf<') || type.startsWith('InputPropertiesOf<');
    const description = renderJsDocText(typeof spec.description === 'string' ? spec.description : '');
    if (description !== '') members.push(renderMemberDoc(description));
    members.push(`  ${renderPropertyKey(field)}${spec.required === true ? '' : '?'}: ${type};`);
  }
  const text = `export interface ${action.inputTypeName} {\n${members.join('\n')}${members.length > 0 ? '\n' : ''}}`;
  return { text, usesInputOf };
}

function renderMemberDoc(text: string): string {
  const lines = text.split('\n');
  if (lines.length === 1) return `  /** ${lines[0]!} */`;
  return ['  /**', ...lines.map((line) => (line === '' ? '   *' : `   * ${line}`)), '   */'].join('\n');
}

function renderFieldType(options: {
  plan: ConnectorPlan;
  action: ActionPlan;
  definition: ActionDefinition;
  operation: Record<string, unknown>;
  field: string;
  reachesReadOnly: (schema: unknown) => boolean;
}): string | undefined {
  const { plan, action, definition, operation, field } = options;
  const target = Object.hasOwn(definition.api.paramMapping, field) ? definition.api.paramMapping[field] : undefined;
  const id = renderStringLiteral(action.actionId);
  const body = action.typeShape.body;
  if (target !== undefined && PARAMETER_LOCATIONS.has(target.in)) {
    // The types document names each parameter by its final field name.
    if (!hasParameter({ operation, location: target.in, name: field })) return undefined;
    return `ParameterOf<${id}, ${renderStringLiteral(target.in)}>[${renderStringLiteral(field)}]`;
  }
  // A whole-body field is the body (nullable as the schema says); a spread field is one of its properties.
  const wholeBody = body?.mode === 'field' && body.field === field && (target === undefined || target.in === 'body');
  const spread = body?.mode === 'spread' && target?.in === 'body';
  if (body === undefined || !(wholeBody || spread)) return undefined;
  const media = bodyMedia({ document: plan.typesDocument, operation, mediaType: body.mediaType });
  if (media === undefined) return undefined;
  const content = `RequestBodyOf<${id}, ${renderStringLiteral(body.mediaType)}>`;
  const readOnly = options.reachesReadOnly(media.schema);
  if (wholeBody) return readOnly ? `InputOf<${content}>` : content;
  // An uncurated body keeps the vendor's property names; `renamed` maps them to fields.
  const property = Object.entries(body.renamed ?? {}).find(([, renamedField]) => renamedField === field)?.[0] ?? field;
  const schema = resolve({ document: plan.typesDocument, value: media.schema });
  if (!isRecord(schema) || !isPlainObjectWith({ schema, property })) return undefined;
  return `${readOnly ? 'InputPropertiesOf' : 'BodyPropertiesOf'}<${id}, ${renderStringLiteral(body.mediaType)}>[${renderStringLiteral(property)}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function findOperation(options: { document: Record<string, unknown>; operationId: string }): Record<string, unknown> | undefined {
  const paths = options.document.paths;
  if (!isRecord(paths)) return undefined;
  for (const pathItem of Object.values(paths)) {
    if (!isRecord(pathItem)) continue;
    for (const operation of Object.values(pathItem)) {
      if (isRecord(operation) && operation.operationId === options.operationId) return operation;
    }
  }
  return undefined;
}

function hasParameter(options: { operation: Record<string, unknown>; location: string; name: string }): boolean {
  const parameters = options.operation.parameters;
  return Array.isArray(parameters) && parameters.some((parameter) => isRecord(parameter) && parameter.in === options.location && parameter.name === options.name);
}

/** Follows local `#/components/...` refs (a bounded number of hops). */
function resolve(options: { document: Record<string, unknown>; value: unknown }): unknown {
  let value = options.value;
  for (let hops = 0; hops < 16 && isRecord(value) && typeof value.$ref === 'string'; hops += 1) {
    const ref: string = value.$ref;
    if (!ref.startsWith('#/')) return undefined;
    let next: unknown = options.document;
    for (const segment of ref.slice(2).split('/')) {
      const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      next = isRecord(next) && Object.hasOwn(next, key) ? next[key] : undefined;
    }
    value = next;
  }
  return value;
}

/** The operation's request body content for `mediaType`, its `schema` unresolved. */
export function bodyMedia(options: { document: Record<string, unknown>; operation: Record<string, unknown>; mediaType: string }): { schema: unknown } | undefined {
  const requestBody = resolve({ document: options.document, value: options.operation.requestBody });
  if (!isRecord(requestBody) || !isRecord(requestBody.content) || !Object.hasOwn(requestBody.content, options.mediaType)) return undefined;
  const media = requestBody.content[options.mediaType];
  return isRecord(media) ? { schema: media.schema } : undefined;
}

/**
 * An object schema openapi-typescript prints as one object type that has `property`: no composition
 * (a union or intersection may lack the key on some member); `null` beside it is fine, as
 * `BodyPropertiesOf` spreads the object part only.
 */
function isPlainObjectWith(options: { schema: Record<string, unknown>; property: string }): boolean {
  const { schema, property } = options;
  if (COMPOSITION_KEYWORDS.some((keyword) => Object.hasOwn(schema, keyword))) return false;
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (types.some((type) => type !== 'object' && type !== 'null')) return false;
  return isRecord(schema.properties) && Object.hasOwn(schema.properties, property);
}
