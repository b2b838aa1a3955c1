import openapiTS, { resolveRef, scanDiscriminators, transformSchema, type GlobalContext, type OpenAPI3 } from 'openapi-typescript';
import type ts from 'typescript';
import { isPlainObject } from '../plan/schemas/own-record.ts';

/** A fixed, non-existent base: output must not depend on where the generator runs. */
const TYPES_DOCUMENT_BASE = new URL('file:///specwire-types-document/');

/**
 * openapi-typescript's AST for the synthesised types document. `openapiTS()` first has
 * @redocly/openapi-core lint the document and bundle it, two more walks that resolve every `$ref`
 * (on Stripe's types document about as long as the transform itself). For the document the plan
 * synthesises, bundling changes nothing: every `$ref` names an existing component schema, from a
 * schema position. When `bundlesUnchanged` confirms that, the transform runs on the document
 * directly, with the context `openapiTS()` builds from the same (default) options; anything else
 * goes through `openapiTS()` as before. What the direct path does not repeat is the lint, whose
 * findings on this document would only be spec keywords of the wrong type (`minimum: "5"`).
 *
 * Transforms add discriminator enums in place: `document` must be a copy the caller owns.
 */
export async function renderOpenapiTypes(document: OpenAPI3): Promise<ts.Node[]> {
  if (!bundlesUnchanged(document)) return openapiTS(document, { silent: true, cwd: TYPES_DOCUMENT_BASE });
  const ctx: GlobalContext = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(document, { silent: true }),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Read by openapiTS()'s lint and bundle steps only, not by the transforms.
    redoc: undefined as unknown as GlobalContext['redoc'],
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref) {
      return resolveRef(document, $ref, { silent: true });
    },
  };
  return transformSchema(document, ctx);
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** A component name that a `$ref` and redocly's bundler write the same way (no `~`, `/` or `%` escapes). */
const PLAIN_NAME = /^[A-Za-z0-9._-]+$/;
const SCHEMA_REF = /^#\/components\/schemas\/([A-Za-z0-9._-]+)$/;
/** Keywords whose value is one schema (or a boolean where JSON Schema allows it). */
const SCHEMA_KEYWORDS = new Set([
  'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'contentSchema',
  'items', 'additionalProperties', 'unevaluatedItems', 'unevaluatedProperties',
]);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/**
 * Whether openapiTS()'s lint and bundle steps would pass the document through unchanged and
 * without an error: it has the shape the plan gives it (`openapi: 3.x`, info, paths of operations
 * with parameters, request body and responses, component schemas, no servers), unique
 * operationIds, every `$ref` and discriminator mapping value is `#/components/schemas/<name>` of an
 * existing component with a plain name, and every `$ref` sits where a schema does (a `$ref` in a
 * keyword redocly reads as a string or number is inlined by the bundler). Conservative: a document
 * it declines is still rendered, through openapiTS().
 */
export function bundlesUnchanged(document: unknown): boolean {
  if (!isPlainObject(document) || !hasOnlyKeys(document, ['openapi', 'info', 'paths', 'components'])) return false;
  if (typeof document.openapi !== 'string' || !/^3\.\d/.test(document.openapi)) return false;
  const { info, paths, components } = document;
  if (!isPlainObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') return false;
  if (!isPlainObject(components) || !hasOnlyKeys(components, ['schemas'])) return false;
  const schemas = components.schemas ?? {};
  if (!isPlainObject(schemas)) return false;
  const check = new SchemaCheck(schemas);
  for (const schema of Object.values(schemas)) if (!check.schemaOrBoolean(schema)) return false;
  if (!isPlainObject(paths)) return false;
  const operationIds = new Set<string>();
  for (const pathItem of Object.values(paths)) {
    if (!isPlainObject(pathItem)) return false;
    for (const [method, operation] of Object.entries(pathItem)) {
      if (!HTTP_METHODS.has(method) || !isPlainObject(operation)) return false;
      if (!hasOnlyKeys(operation, ['operationId', 'parameters', 'requestBody', 'responses'])) return false;
      const { operationId, parameters, requestBody, responses } = operation;
      if (typeof operationId !== 'string' || operationIds.has(operationId)) return false;
      operationIds.add(operationId);
      if (parameters !== undefined && !(Array.isArray(parameters) && parameters.every((parameter) => check.parameter(parameter)))) return false;
      if (requestBody !== undefined && !(isPlainObject(requestBody) && hasOnlyKeys(requestBody, ['required', 'content']) && check.content(requestBody.content))) return false;
      if (!isPlainObject(responses)) return false;
      for (const response of Object.values(responses)) {
        if (!isPlainObject(response) || !hasOnlyKeys(response, ['description', 'content']) || typeof response.description !== 'string') return false;
        if (response.content !== undefined && !check.content(response.content)) return false;
      }
    }
  }
  return true;
}

class SchemaCheck {
  /** Schema objects already checked (the plan shares none, but a document may). */
  private readonly seen = new Set<object>();

  constructor(private readonly schemas: Record<string, unknown>) {}

  parameter(value: unknown): boolean {
    return isPlainObject(value) && hasOnlyKeys(value, ['name', 'in', 'required', 'schema'])
      && typeof value.name === 'string' && typeof value.in === 'string' && this.schemaOrBoolean(value.schema);
  }

  /** A `content` map: media type → `{ schema }`. */
  content(value: unknown): boolean {
    if (!isPlainObject(value)) return false;
    return Object.values(value).every((media) => isPlainObject(media) && hasOnlyKeys(media, ['schema']) && (media.schema === undefined || this.schemaOrBoolean(media.schema)));
  }

  schemaOrBoolean(value: unknown): boolean {
    if (typeof value === 'boolean') return true;
    if (!isPlainObject(value)) return false;
    if (this.seen.has(value)) return true;
    this.seen.add(value);
    if (value.$ref !== undefined && !this.ref(value.$ref)) return false;
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref') continue;
      if (SCHEMA_KEYWORDS.has(key)) {
        if (!this.schemaOrBoolean(child)) return false;
      } else if (SCHEMA_LISTS.has(key)) {
        if (!Array.isArray(child) || !child.every((member) => this.schemaOrBoolean(member))) return false;
      } else if (SCHEMA_MAPS.has(key)) {
        if (!isPlainObject(child) || !Object.values(child).every((member) => this.schemaOrBoolean(member))) return false;
      } else if (key === 'discriminator') {
        if (!this.discriminator(child)) return false;
      } else if (holdsRef(child)) {
        return false;
      }
    }
    return true;
  }

  private discriminator(value: unknown): boolean {
    if (!isPlainObject(value)) return false;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'mapping') {
        if (!isPlainObject(child) || !Object.values(child).every((ref) => this.ref(ref))) return false;
      } else if (holdsRef(child)) return false;
    }
    return true;
  }

  private ref(value: unknown): boolean {
    const name = typeof value === 'string' ? SCHEMA_REF.exec(value)?.[1] : undefined;
    return name !== undefined && PLAIN_NAME.test(name) && Object.hasOwn(this.schemas, name);
  }
}

/** Whether a `$ref` object occurs anywhere in a value that is data rather than a schema. */
function holdsRef(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) stack.push(...item);
    else if (isPlainObject(item)) {
      if (Object.hasOwn(item, '$ref')) return true;
      stack.push(...Object.values(item));
    }
  }
  return false;
}

function hasOnlyKeys(value: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}
