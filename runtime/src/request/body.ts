import type { BodyDefinition, InputField } from '../definition.ts';
import { ConnectorError, ErrorCode, validationError } from '../errors/connector-error.ts';
import { isPlainObject } from '../validate/describe-value.ts';
import { hasBodyValues, type BodyValues } from './body-values.ts';
import { fileValueToBlob, isBinaryValue, isFileInput } from './file-value.ts';
import { buildFormBody } from './form-body.ts';
import { buildMultipartBody } from './multipart-body.ts';
import { atomToString } from './style-value.ts';

export type RequestBody = string | Uint8Array;

export interface BuiltBody {
  body?: RequestBody;
  contentType?: string;
}

/**
 * Encodes the body. Named body fields become properties of the body object; the unnamed body
 * field is the whole body, and when both are given the named fields are merged over it (the whole
 * body must then be an object). No body values: no body, except an empty `{}` (json) or empty form
 * (urlencoded or multipart) when the spec marks the body required.
 */
export async function buildBody(options: { definition?: BodyDefinition; values: BodyValues }): Promise<BuiltBody> {
  const { definition, values } = options;
  if (!definition) return {};
  if (!hasBodyValues(values)) {
    if (!definition.required) return {};
    if (definition.encoding === 'json') return { body: '{}', contentType: definition.contentType || 'application/json' };
    if (definition.encoding === 'form') return { body: '', contentType: 'application/x-www-form-urlencoded' };
    // An empty form, as a browser sends one: the closing boundary alone.
    if (definition.encoding === 'multipart') return buildMultipartBody({ properties: [], definition });
    return {};
  }
  switch (definition.encoding) {
    case 'json':
      return { body: toJson(mergeBody(values)), contentType: definition.contentType || 'application/json' };
    case 'form': {
      const body = mergeBody(values);
      const text = typeof body === 'string' ? body : buildFormBody({ object: asObject(body), definition });
      return { body: text, contentType: 'application/x-www-form-urlencoded' };
    }
    case 'multipart':
      return buildMultipartBody({ properties: multipartProperties(values), definition });
    case 'binary':
      return buildBinaryBody({ value: singleValue(values), contentType: definition.contentType, base64: singleField(values)?.format === 'byte' });
    case 'text':
      return { body: atomToString(singleValue(values)), contentType: definition.contentType || 'text/plain' };
    default:
      throw new ConnectorError({ code: ErrorCode.configuration, message: `unsupported body encoding ${JSON.stringify(definition.encoding)}` });
  }
}

function mergeBody(values: BodyValues): unknown {
  if (values.properties.length === 0) return values.whole?.value;
  const base = values.whole?.value ?? {};
  if (!isPlainObject(base)) {
    throw validationError('input: the body field must be an object when other body properties are given');
  }
  const merged: Array<[string, unknown]> = Object.entries(base);
  for (const { name, value } of values.properties) merged.push([name, value]);
  return Object.fromEntries(merged);
}

function asObject(value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) throw validationError('input: a form body must be an object');
  return value;
}

/** Bytes have no JSON form (JSON.stringify would write a Uint8Array as `{"0":115,…}`). */
class BytesInJson extends Error {}

function refuseBytes(_key: string, value: unknown): unknown {
  if (isBinaryValue(value)) throw new BytesInJson();
  return value;
}

function toJson(value: unknown): string {
  try {
    return JSON.stringify(value, refuseBytes) ?? 'null';
  } catch (error) {
    if (error instanceof BytesInJson) {
      throw validationError('input: a JSON body cannot carry bytes (Blob or Uint8Array); give text, e.g. base64 for a `format: byte` field');
    }
    throw validationError('input: the body cannot be serialised as JSON (a cycle or a BigInt?)');
  }
}

function multipartProperties(values: BodyValues): BodyValues['properties'] {
  const whole = values.whole?.value;
  if (whole === undefined) return values.properties;
  if (!isPlainObject(whole)) throw validationError('input: a multipart body must be an object');
  const fromWhole = Object.entries(whole).map(([name, value]) => ({ name, value, field: values.whole?.field?.properties?.[name] }));
  const named = new Set(values.properties.map((property) => property.name));
  return [...fromWhole.filter((property) => !named.has(property.name)), ...values.properties];
}

function singleField(values: BodyValues): InputField | undefined {
  return values.whole !== undefined ? values.whole.field : values.properties[0]?.field;
}

function singleValue(values: BodyValues): unknown {
  if (values.whole !== undefined) return values.whole.value;
  if (values.properties.length === 1) return values.properties[0]?.value;
  throw new ConnectorError({ code: ErrorCode.configuration, message: 'a binary or text body needs exactly one body field' });
}

/**
 * Bytes as they are, or, for a body declared `type: string, format: byte`, as base64 text: bytes
 * are encoded here, and a string is taken to be the base64 text already (as in any `byte` field).
 */
async function buildBinaryBody(options: { value: unknown; contentType: string; base64: boolean }): Promise<BuiltBody> {
  const { value } = options;
  // Specs often declare wildcards (`image/*`, `*/*`), which cannot be sent as a Content-Type.
  const declared = options.contentType && !options.contentType.includes('*') ? options.contentType : 'application/octet-stream';
  if (typeof value === 'string') return { body: new TextEncoder().encode(value), contentType: declared };
  if (isBinaryValue(value) || isFileInput(value)) {
    const blob = fileValueToBlob({ value });
    const contentType = (isFileInput(value) && value.contentType) || (value instanceof Blob && value.type) || declared;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return { body: options.base64 ? new TextEncoder().encode(Buffer.from(bytes).toString('base64')) : bytes, contentType };
  }
  throw validationError('input: a binary body must be a Blob, Uint8Array, string or { data, filename?, contentType? }');
}
