import type { ParameterIR, ParameterLocation, ParameterStyleIR, SchemaIR } from '../ir/types.ts';
import { childPointer } from '../errors/index.ts';
import { isPlainRecord } from '../load/plain-record.ts';
import { field, optionalString, recordEntries, degrade, warn, type NormaliseContext } from './normalise-context.ts';
import { normaliseSchema } from './normalise-schema.ts';
import type { RawParameter } from './merge-parameter-lists.ts';

const LOCATIONS = new Set<string>(['path', 'query', 'header', 'cookie']);
const STYLES = new Set<string>(['form', 'simple', 'label', 'matrix', 'spaceDelimited', 'pipeDelimited', 'deepObject']);
/**
 * OpenAPI 3 says header parameters named Accept, Content-Type or Authorization "SHALL be ignored".
 * We drop the two the runtime derives (body encoding, security) but keep Accept: vendors such as
 * PagerDuty declare a required versioned Accept value that requests need.
 */
const IGNORED_HEADERS = new Set(['content-type', 'authorization']);
/**
 * Headers that frame the message, which the HTTP client computes itself (the Fetch standard forbids
 * setting them). A user's `Content-Length: 1` beside a longer body left the server waiting for bytes
 * that never came, or cut the body short.
 */
const CLIENT_COMPUTED_HEADERS = new Set(['content-length', 'transfer-encoding', 'host', 'connection', 'keep-alive', 'te', 'trailer', 'upgrade', 'expect']);

export function defaultStyle(location: ParameterLocation): ParameterStyleIR {
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}

/** One OpenAPI 3 parameter; undefined (with a warning) when it cannot or must not be used. */
export function normaliseParameter(options: { context: NormaliseContext; parameter: RawParameter }): ParameterIR | undefined {
  const { context, parameter } = options;
  const { value, pointer, name } = parameter;
  if (!LOCATIONS.has(parameter.in)) {
    degrade(context, pointer, `parameter "${name}" has unsupported location "${parameter.in}"; ignored`);
    return undefined;
  }
  const location = parameter.in as ParameterLocation;
  if (location === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) {
    warn(context, pointer, `header parameter "${name}" is ignored (OpenAPI leaves it to the client)`);
    return undefined;
  }
  if (location === 'header' && CLIENT_COMPUTED_HEADERS.has(name.toLowerCase())) {
    warn(context, pointer, `header parameter "${name}" is ignored (the HTTP client sets it from the request it sends)`);
    return undefined;
  }
  const rawStyle = field(value, 'style');
  let style = defaultStyle(location);
  if (typeof rawStyle === 'string' && STYLES.has(rawStyle)) style = rawStyle as ParameterStyleIR;
  else if (rawStyle !== undefined) warn(context, childPointer(pointer, 'style'), `unknown style ${JSON.stringify(rawStyle)}; using "${style}"`);
  const rawExplode = field(value, 'explode');
  const { schema, contentJson } = parameterSchema({ context, parameter });

  const result: ParameterIR = {
    name,
    in: location,
    required: isRequired({ context, parameter, location }),
    style,
    explode: typeof rawExplode === 'boolean' ? rawExplode : style === 'form',
    allowReserved: field(value, 'allowReserved') === true,
    contentJson,
    schema,
    deprecated: field(value, 'deprecated') === true,
    pointer,
  };
  const description = optionalString(field(value, 'description'));
  if (description !== undefined) result.description = description;
  if (Object.hasOwn(value, 'example')) result.example = value.example;
  return result;
}

export function isRequired(options: { context: NormaliseContext; parameter: RawParameter; location: string }): boolean {
  const required = field(options.parameter.value, 'required') === true;
  if (options.location === 'path' && !required) {
    warn(options.context, options.parameter.pointer, `path parameter "${options.parameter.name}" is not marked required; treated as required`);
    return true;
  }
  return required;
}

function parameterSchema(options: { context: NormaliseContext; parameter: RawParameter }): { schema: SchemaIR; contentJson: boolean } {
  const { context, parameter } = options;
  const content = recordEntries(field(parameter.value, 'content'));
  if (content.length > 0) {
    const [mediaType, media] = content[0];
    const at = childPointer(parameter.pointer, 'content', mediaType);
    const rawSchema = isPlainRecord(media) ? field(media, 'schema') : undefined;
    const schema = rawSchema === undefined ? {} : normaliseSchema({ context, schema: rawSchema, pointer: childPointer(at, 'schema') });
    const json = /json/i.test(mediaType);
    if (!json) warn(context, at, `parameter content type "${mediaType}" is not JSON; the value is sent as given`);
    return { schema, contentJson: json };
  }
  const rawSchema = field(parameter.value, 'schema');
  if (rawSchema === undefined) return { schema: {}, contentJson: false };
  return { schema: normaliseSchema({ context, schema: rawSchema, pointer: childPointer(parameter.pointer, 'schema') }), contentJson: false };
}
