/**
 * One action's input: every parameter and the request body become flat input fields, each with a
 * `paramMapping` entry saying where it goes on the wire.
 */
import type { AuthScheme, BodyDefinition, InputField, ParamTarget } from '@specwire/runtime';
import type { MediaTypeIR, OperationIR, ParameterIR, ParameterLocation, Warning } from '../../ir/types.ts';
import type { ActionTypeShape } from '../types.ts';
import { chooseRequestMedia } from '../actions/choose-media-type.ts';
import { extendStack, newFieldContext, requiredNames, isReadOnly, schemaToInputField, type FieldContext } from './input-field.ts';
import { claimUnique } from '../names.ts';
import { cloneJson, isPlainObject, recordFromEntries } from '../schemas/own-record.ts';
import { impliedType, resolveSchema, type SchemaTable } from '../schemas/resolve-schema.ts';

export interface RenamedParameter {
  in: ParameterLocation;
  name: string;
  field: string;
}

export interface ActionInputPlan {
  inputSchema: Record<string, InputField>;
  paramMapping: Record<string, ParamTarget>;
  body?: BodyDefinition;
  bodyShape?: ActionTypeShape['body'];
  /** The chosen request media type (the only one the types document keeps). */
  media?: MediaTypeIR;
  /** Parameters that became fields, in spec order. */
  parameters: ParameterIR[];
  parameterLocations: ParameterLocation[];
  renamedParameters: RenamedParameter[];
  /** What the planner left out of this action's request, with the spec pointer. */
  warnings: Warning[];
}

/** Headers the runtime sets itself; a spec declaring them as parameters does not make them inputs. */
const RUNTIME_HEADERS = new Set(['content-type', 'accept', 'authorization']);
/** When two parameters share a name, the first location here keeps it; the others get `<in>_<name>`. */
/** RFC 9110 `token`: what a header field name (and a cookie name) may be. */
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const LOCATION_ORDER: ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

/** A parameter that repeats what an API key scheme of this action already sends. */
function isAuthParameter(options: { parameter: ParameterIR; schemes: readonly AuthScheme[]; security: readonly string[][] }): boolean {
  const { parameter } = options;
  const used = new Set(options.security.flat());
  return options.schemes.some(
    (scheme) =>
      scheme.type === 'apiKey' &&
      used.has(scheme.id) &&
      scheme.in === parameter.in &&
      (parameter.in === 'header' ? scheme.name.toLowerCase() === parameter.name.toLowerCase() : scheme.name === parameter.name),
  );
}

function parameterTarget(parameter: ParameterIR): ParamTarget {
  return {
    in: parameter.in,
    name: parameter.name,
    style: parameter.style,
    explode: parameter.explode,
    ...(parameter.in === 'query' && parameter.allowReserved ? { allowReserved: true } : {}),
    ...((parameter.in === 'query' || parameter.in === 'header') && parameter.contentJson ? { json: true } : {}),
  };
}

function parameterField(options: { parameter: ParameterIR; context: FieldContext }): InputField {
  const { parameter } = options;
  const field = schemaToInputField({ schema: parameter.schema, name: parameter.name, context: options.context });
  const description = parameter.description?.trim();
  const example = parameter.example === undefined ? undefined : typeof parameter.example === 'string' ? parameter.example : JSON.stringify(parameter.example);
  return {
    ...field,
    required: parameter.required || parameter.in === 'path',
    ...(description ? { description } : {}),
    ...(parameter.deprecated ? { deprecated: true } : {}),
    ...(example !== undefined && example !== '' && example.length <= 80 ? { placeholder: example } : {}),
  };
}

export function planActionInput(options: {
  operation: OperationIR;
  schemas: SchemaTable;
  schemes: readonly AuthScheme[];
  security: readonly string[][];
}): ActionInputPlan {
  const { operation, schemas } = options;
  const context = newFieldContext(schemas);
  // A header or cookie name that is not an RFC 9110 token cannot be sent (fetch refuses it, or it
  // injects a header or cookie); the runtime refuses such a definition, so the parameter is left out.
  const unsendable = operation.parameters.filter(
    (parameter) => (parameter.in === 'header' || parameter.in === 'cookie') && !HTTP_TOKEN.test(parameter.name),
  );
  const parameters = operation.parameters.filter(
    (parameter) =>
      !unsendable.includes(parameter) &&
      !(parameter.in === 'header' && RUNTIME_HEADERS.has(parameter.name.toLowerCase())) &&
      !isAuthParameter({ parameter, schemes: options.schemes, security: options.security }),
  );
  const ownerOfName = new Map<string, ParameterLocation>();
  for (const location of LOCATION_ORDER) {
    for (const parameter of parameters) {
      if (parameter.in === location && !ownerOfName.has(parameter.name)) ownerOfName.set(parameter.name, location);
    }
  }
  const taken = new Set<string>();
  const fields: Array<[string, InputField]> = [];
  const mapping: Array<[string, ParamTarget]> = [];
  const renamedParameters: RenamedParameter[] = [];
  for (const parameter of parameters) {
    const wanted = ownerOfName.get(parameter.name) === parameter.in ? parameter.name : `${parameter.in}_${parameter.name}`;
    const field = claimUnique({ base: wanted, taken, separator: '_' });
    if (field !== parameter.name) renamedParameters.push({ in: parameter.in, name: parameter.name, field });
    fields.push([field, parameterField({ parameter, context })]);
    mapping.push([field, parameterTarget(parameter)]);
  }
  const parameterLocations = LOCATION_ORDER.filter((location) => parameters.some((parameter) => parameter.in === location));

  const result: ActionInputPlan = {
    inputSchema: {},
    paramMapping: {},
    parameters,
    parameterLocations,
    renamedParameters,
    warnings: unsendable.map((parameter) => ({
      pointer: `${operation.pointer}/parameters`,
      message: `${parameter.in} parameter ${JSON.stringify(parameter.name.slice(0, 100))} is left out: its name is not a valid HTTP token`,
    })),
  };
  const media = chooseRequestMedia(operation.requestBody, (candidate) => formFieldless({ media: candidate, context }) === undefined);
  if (operation.requestBody && media && !methodMayHaveBody(operation.method)) {
    // fetch refuses a GET/HEAD body and HTTP gives it no meaning; Stripe declares optional form
    // bodies on its GETs. The action is planned without one.
    const how = operation.requestBody.required ? 'a required' : 'an optional';
    result.warnings.push({
      pointer: `${operation.pointer}/requestBody`,
      // The pointer names the path; the message carries no spec text.
      message: `${how} request body on a ${operation.method.toUpperCase()} operation is left out: a ${operation.method.toUpperCase()} request cannot carry one`,
    });
  } else if (operation.requestBody && media) {
    const required = operation.requestBody.required;
    const fieldless = formFieldless({ media, context });
    if (fieldless !== undefined) {
      result.warnings.push({
        pointer: `${operation.pointer}/requestBody`,
        message: `the ${media.mediaType} body's schema is ${fieldless === 'array' || fieldless === 'integer' ? 'an' : 'a'} ${fieldless}, not an object whose properties name the form's fields: no form can carry it, and the action's requests are refused`,
      });
    }
    const bodyFields = planBodyFields({ media, required, description: operation.requestBody.description, taken, context });
    fields.push(...bodyFields.fields);
    mapping.push(...bodyFields.mapping);
    result.media = media;
    result.bodyShape = bodyFields.shape;
    result.body = {
      encoding: media.encoding,
      contentType: media.mediaType,
      required,
      ...(media.propertyEncoding && Object.keys(media.propertyEncoding).length > 0
        ? { propertyEncoding: cloneJson(media.propertyEncoding) }
        : {}),
    };
  }
  result.inputSchema = recordFromEntries(fields);
  result.paramMapping = recordFromEntries(mapping);
  return result;
}

/**
 * The type of a form or multipart body schema that is not an object (`string`, `array`, …): a
 * form's fields are its schema's properties, so such a schema names none. `undefined` otherwise.
 */
function formFieldless(options: { media: MediaTypeIR; context: FieldContext }): string | undefined {
  const { media, context } = options;
  if (media.encoding !== 'form' && media.encoding !== 'multipart') return undefined;
  const resolved = resolveSchema({ schema: media.schema, schemas: context.schemas, stack: context.stack });
  if (resolved.problem !== undefined) return undefined;
  const type = impliedType(resolved.schema);
  return type === undefined || type === 'object' ? undefined : type;
}

function methodMayHaveBody(method: OperationIR['method']): boolean {
  return method !== 'get' && method !== 'head';
}

/**
 * An object body (JSON, form or multipart) with properties is spread: each writable property is a
 * top-level field (`body_<prop>` when a parameter has the name). Anything else is one `body` field.
 */
function planBodyFields(options: {
  media: MediaTypeIR;
  required: boolean;
  description?: string;
  taken: Set<string>;
  context: FieldContext;
}): { fields: Array<[string, InputField]>; mapping: Array<[string, ParamTarget]>; shape: NonNullable<ActionTypeShape['body']> } {
  const { media, required, taken, context } = options;
  const resolved = resolveSchema({ schema: media.schema, schemas: context.schemas, stack: context.stack });
  const shape = resolved.schema;
  const spreadable =
    (media.encoding === 'json' || media.encoding === 'form' || media.encoding === 'multipart') &&
    resolved.problem === undefined &&
    !resolved.nullable &&
    impliedType(shape) === 'object' &&
    !Array.isArray(shape.oneOf) &&
    !Array.isArray(shape.anyOf) &&
    isPlainObject(shape.properties) &&
    Object.keys(shape.properties).length > 0;
  if (spreadable && isPlainObject(shape.properties)) {
    // A multipart body's top-level properties are its parts: there, and only there, `format: binary` is a file.
    const propertyContext: FieldContext = { ...context, stack: extendStack(context.stack, resolved.refs), filesAllowed: media.encoding === 'multipart' };
    const requiredProperties = requiredNames(shape);
    const fields: Array<[string, InputField]> = [];
    const mapping: Array<[string, ParamTarget]> = [];
    const renamed: Array<[string, string]> = [];
    for (const [property, propertySchema] of Object.entries(shape.properties)) {
      if (typeof propertySchema !== 'boolean' && !isPlainObject(propertySchema)) continue;
      if (isReadOnly({ schema: propertySchema, context: propertyContext })) continue;
      const field = claimUnique({ base: taken.has(property) ? `body_${property}` : property, taken, separator: '_' });
      if (field !== property) renamed.push([property, field]);
      const inputField = schemaToInputField({ schema: propertySchema, name: property, context: propertyContext });
      fields.push([field, { ...inputField, required: required && requiredProperties.includes(property) }]);
      mapping.push([field, { in: 'body', name: property }]);
    }
    return {
      fields,
      mapping,
      shape: {
        mediaType: media.mediaType,
        required,
        mode: 'spread',
        ...(renamed.length > 0 ? { renamed: recordFromEntries(renamed) } : {}),
      },
    };
  }
  const name = claimUnique({ base: 'body', taken, separator: '_' });
  const description = options.description?.trim();
  // An octet-stream body declared `type: string, format: byte` is sent base64-encoded (`format: byte`).
  const field: InputField =
    media.encoding === 'binary'
      ? { type: 'string', label: 'Body', inputType: 'file', format: shape.format === 'byte' ? 'byte' : 'binary' }
      : schemaToInputField({ schema: media.schema, name: 'body', label: 'Body', context: { ...context, multipartBody: media.encoding === 'multipart' } });
  return {
    fields: [[name, { ...field, required, ...(description ? { description } : {}) }]],
    mapping: [[name, { in: 'body' }]],
    shape: { mediaType: media.mediaType, required, mode: 'field', field: name },
  };
}
