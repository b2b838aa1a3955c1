import type { ActionDefinition } from '@specwire/runtime';
import type { ActionPlan, ConnectorPlan } from '../plan/types.ts';
import { renderJsDocText } from './render-comment.ts';
import { renderPropertyKey } from './render-property-key.ts';
import { renderStringLiteral } from './render-string-literal.ts';

/**
 * Helpers the flattened input interfaces index into. Each field's type is still openapi-typescript's
 * type for that parameter or body property: the interface only names and documents the fields.
 */
export const FLAT_INPUT_HELPERS = [
  '/** The parameters of operation `K` in location `L` (`path`, `query`, `header` or `cookie`). */',
  'type ParameterOf<K extends keyof operations, L extends string> = operations[K] extends { parameters: infer P } ? (L extends keyof P ? NonNullable<P[L]> : never) : never;',
  '/** The request body of operation `K` in media type `M`, as an input (readOnly properties optional). */',
  'type RequestBodyOf<K extends keyof operations, M extends string> = operations[K] extends { requestBody?: infer B } ? (NonNullable<B> extends { content: infer C } ? (M extends keyof C ? InputOf<C[M]> : never) : never) : never;',
  '/** The properties of an object request body (a nullable body spreads its object part). */',
  'type BodyPropertiesOf<K extends keyof operations, M extends string> = NonNullable<RequestBodyOf<K, M>>;',
].join('\n');

const PARAMETER_LOCATIONS = new Set(['path', 'query', 'header', 'cookie']);
const COMPOSITION_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'not', 'if', '$ref'];

/**
 * `export interface <Action>Input { ... }`: one member per input field, with the field's description
 * as JSDoc and its type indexed from openapi-typescript's output. Undefined when a field cannot be
 * traced to one named parameter or one property of a plain object body in the types document; the
 * caller then falls back to the composed alias, which is always correct.
 */
export function renderFlatInput(options: { plan: ConnectorPlan; action: ActionPlan }): string | undefined {
  const { plan, action } = options;
  const definition = plan.definition.supported_actions.find((candidate) => candidate.id === action.actionId);
  const operation = findOperation({ document: plan.typesDocument, operationId: action.actionId });
  if (definition === undefined || operation === undefined) return undefined;
  const members: string[] = [];
  for (const [field, spec] of Object.entries(definition.inputSchema ?? {})) {
    const type = renderFieldType({ plan, action, definition, operation, field });
    if (type === undefined) return undefined;
    const description = renderJsDocText(typeof spec.description === 'string' ? spec.description : '');
    if (description !== '') members.push(renderMemberDoc(description));
    members.push(`  ${renderPropertyKey(field)}${spec.required === true ? '' : '?'}: ${type};`);
  }
  return `export interface ${action.inputTypeName} {\n${members.join('\n')}${members.length > 0 ? '\n' : ''}}`;
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
}): string | undefined {
  const { plan, action, definition, operation, field } = options;
  const target = Object.hasOwn(definition.api.paramMapping, field) ? definition.api.paramMapping[field] : undefined;
  const id = renderStringLiteral(action.actionId);
  const body = action.typeShape.body;
  // A whole-body field: the field is the body (nullable as the schema says).
  if (body?.mode === 'field' && body.field === field && (target === undefined || target.in === 'body')) {
    return `RequestBodyOf<${id}, ${renderStringLiteral(body.mediaType)}>`;
  }
  if (target === undefined) return undefined;
  if (PARAMETER_LOCATIONS.has(target.in)) {
    // The types document names each parameter by its final field name.
    if (!hasParameter({ operation, location: target.in, name: field })) return undefined;
    return `ParameterOf<${id}, ${renderStringLiteral(target.in)}>[${renderStringLiteral(field)}]`;
  }
  if (target.in !== 'body' || body?.mode !== 'spread') return undefined;
  // An uncurated body keeps the vendor's property names; `renamed` maps them to fields.
  const property = Object.entries(body.renamed ?? {}).find(([, renamedField]) => renamedField === field)?.[0] ?? field;
  const schema = bodySchema({ document: plan.typesDocument, operation, mediaType: body.mediaType });
  if (schema === undefined || !isPlainObjectWith({ schema, property })) return undefined;
  return `BodyPropertiesOf<${id}, ${renderStringLiteral(body.mediaType)}>[${renderStringLiteral(property)}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function findOperation(options: { document: Record<string, unknown>; operationId: string }): Record<string, unknown> | undefined {
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

function bodySchema(options: { document: Record<string, unknown>; operation: Record<string, unknown>; mediaType: string }): Record<string, unknown> | undefined {
  const requestBody = resolve({ document: options.document, value: options.operation.requestBody });
  if (!isRecord(requestBody) || !isRecord(requestBody.content) || !Object.hasOwn(requestBody.content, options.mediaType)) return undefined;
  const media = requestBody.content[options.mediaType];
  const schema = isRecord(media) ? resolve({ document: options.document, value: media.schema }) : undefined;
  return isRecord(schema) ? schema : undefined;
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
