import type { MediaTypeIR, ParameterIR, ParameterLocation, ParameterStyleIR, RequestBodyIR, SchemaIR } from '../ir/types.ts';
import { childPointer } from '../errors/index.ts';
import type { PlainRecord } from '../load/plain-record.ts';
import { field, optionalString, degrade, warn, type NormaliseContext } from './normalise-context.ts';
import { normaliseSchema } from './normalise-schema.ts';
import { classifyMediaType } from './classify-media-type.ts';
import { defaultStyle, isRequired } from './normalise-parameter.ts';
import type { RawParameter } from './merge-parameter-lists.ts';

/** Parameter-object keys of 2.0 that describe the parameter, not its value's schema. */
const PARAMETER_ONLY_KEYS = new Set(['name', 'in', 'required', 'description', 'collectionFormat', 'allowEmptyValue', 'schema']);
const FORM_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export interface Swagger2Parameters {
  parameters: ParameterIR[];
  requestBody?: RequestBodyIR;
}

/**
 * Splits merged 2.0 parameters: `in: body` becomes the request body under each `consumes` type;
 * `in: formData` parameters become the properties of one form or multipart body (multipart when a
 * file is sent or `consumes` asks for it); the rest become parameters whose `collectionFormat` is
 * expressed as style/explode.
 */
export function normaliseSwagger2Parameters(options: { context: NormaliseContext; parameters: RawParameter[]; consumes: string[] }): Swagger2Parameters {
  const { context, parameters, consumes } = options;
  const result: Swagger2Parameters = { parameters: [] };
  const formFields = parameters.filter((parameter) => parameter.in === 'formData');
  const bodyParameter = parameters.find((parameter) => parameter.in === 'body');
  for (const parameter of parameters) {
    if (parameter.in === 'body' || parameter.in === 'formData') continue;
    const converted = normaliseSimpleParameter({ context, parameter });
    if (converted !== undefined) result.parameters.push(converted);
  }
  if (bodyParameter !== undefined) {
    if (formFields.length > 0) warn(context, bodyParameter.pointer, 'operation has both a body and formData parameters; the formData ones are ignored');
    result.requestBody = bodyRequest({ context, parameter: bodyParameter, consumes });
  } else if (formFields.length > 0) {
    result.requestBody = formRequest({ context, fields: formFields, consumes });
  }
  return result;
}

function normaliseSimpleParameter(options: { context: NormaliseContext; parameter: RawParameter }): ParameterIR | undefined {
  const { context, parameter } = options;
  if (parameter.in !== 'path' && parameter.in !== 'query' && parameter.in !== 'header') {
    degrade(context, parameter.pointer, `parameter "${parameter.name}" has unsupported location "${parameter.in}"; ignored`);
    return undefined;
  }
  const location: ParameterLocation = parameter.in;
  const schema = valueSchema({ context, parameter });
  const { style, explode } = collectionStyle({ context, parameter, location });
  const result: ParameterIR = {
    name: parameter.name,
    in: location,
    required: isRequired({ context, parameter, location }),
    style,
    explode,
    allowReserved: false,
    contentJson: false,
    schema,
    deprecated: field(parameter.value, 'x-deprecated') === true,
    pointer: parameter.pointer,
  };
  const description = optionalString(field(parameter.value, 'description'));
  if (description !== undefined) result.description = description;
  if (Object.hasOwn(parameter.value, 'x-example')) result.example = parameter.value['x-example'];
  return result;
}

/** The value schema of a 2.0 non-body parameter: its own type/format/items/enum/… keys. */
function valueSchema(options: { context: NormaliseContext; parameter: RawParameter }): SchemaIR {
  const entries = Object.entries(options.parameter.value).filter(([key]) => !PARAMETER_ONLY_KEYS.has(key) && key !== 'x-example');
  return normaliseSchema({ context: options.context, schema: Object.fromEntries(entries), pointer: options.parameter.pointer });
}

/** 2.0 `collectionFormat` (default csv) in OpenAPI 3 terms; only arrays are affected. */
function collectionStyle(options: { context: NormaliseContext; parameter: RawParameter; location: ParameterLocation }): { style: ParameterStyleIR; explode: boolean } {
  const { context, parameter, location } = options;
  const style = defaultStyle(location);
  if (field(parameter.value, 'type') !== 'array') return { style, explode: style === 'form' };
  const format = field(parameter.value, 'collectionFormat') ?? 'csv';
  const at = childPointer(parameter.pointer, 'collectionFormat');
  if (location !== 'query') {
    if (format !== 'csv') warn(context, at, `collectionFormat "${String(format)}" is not supported in ${location}; using csv`);
    return { style: 'simple', explode: false };
  }
  switch (format) {
    case 'csv':
      return { style: 'form', explode: false };
    case 'multi':
      return { style: 'form', explode: true };
    case 'ssv':
      return { style: 'spaceDelimited', explode: false };
    case 'pipes':
      return { style: 'pipeDelimited', explode: false };
    case 'tsv':
      warn(context, at, 'collectionFormat "tsv" has no OpenAPI 3 equivalent; sent comma-separated');
      return { style: 'form', explode: false };
    default:
      warn(context, at, `unknown collectionFormat ${JSON.stringify(format)}; sent comma-separated`);
      return { style: 'form', explode: false };
  }
}

function bodyRequest(options: { context: NormaliseContext; parameter: RawParameter; consumes: string[] }): RequestBodyIR {
  const { context, parameter } = options;
  const rawSchema = field(parameter.value, 'schema');
  const schema = rawSchema === undefined ? {} : normaliseSchema({ context, schema: rawSchema, pointer: childPointer(parameter.pointer, 'schema') });
  const mediaTypes = options.consumes.filter((mediaType) => !FORM_MEDIA_TYPES.includes(mediaType.toLowerCase()));
  const contents: MediaTypeIR[] = (mediaTypes.length > 0 ? mediaTypes : ['application/json']).map((mediaType) => ({
    mediaType,
    encoding: classifyMediaType({ mediaType, schema }),
    schema,
  }));
  const body: RequestBodyIR = { required: field(parameter.value, 'required') === true, contents };
  const description = optionalString(field(parameter.value, 'description'));
  if (description !== undefined) body.description = description;
  return body;
}

function formRequest(options: { context: NormaliseContext; fields: RawParameter[]; consumes: string[] }): RequestBodyIR {
  const { context, fields, consumes } = options;
  const properties: Array<[string, SchemaIR]> = [];
  const required: string[] = [];
  const propertyEncoding: Array<[string, { style: ParameterStyleIR; explode: boolean }]> = [];
  let hasFile = false;
  for (const parameter of fields) {
    hasFile = hasFile || field(parameter.value, 'type') === 'file';
    const schema = valueSchema({ context, parameter });
    const description = optionalString(field(parameter.value, 'description'));
    properties.push([parameter.name, description !== undefined && typeof schema === 'object' ? { ...schema, description } : schema]);
    if (field(parameter.value, 'required') === true) required.push(parameter.name);
    if (field(parameter.value, 'type') === 'array') {
      propertyEncoding.push([parameter.name, collectionStyle({ context, parameter, location: 'query' })]);
    }
  }
  const wantsMultipart = consumes.some((mediaType) => mediaType.toLowerCase().startsWith('multipart/form-data'));
  const wantsUrlencoded = consumes.some((mediaType) => mediaType.toLowerCase().startsWith('application/x-www-form-urlencoded'));
  const multipart = hasFile || (wantsMultipart && !wantsUrlencoded);
  const schema: PlainRecord = { type: 'object', properties: Object.fromEntries(properties) };
  if (required.length > 0) schema.required = required;
  const media: MediaTypeIR = {
    mediaType: multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded',
    encoding: multipart ? 'multipart' : 'form',
    schema,
  };
  if (propertyEncoding.length > 0) media.propertyEncoding = Object.fromEntries(propertyEncoding);
  return { required: required.length > 0, contents: [media] };
}
