/**
 * Sample values for generated request tests: simple, valid against the field, and predictable on the
 * wire. A field that cannot be sampled safely (opaque JSON, files, unmatchable patterns, variants
 * none of whose samples the runtime accepts) yields `undefined`, and the planner leaves that action
 * out of the tests.
 */
import { validateInput, type InputField } from '@specwire/runtime';
import { recordFromEntries } from '../schemas/own-record.ts';
import { isCheapToRun, MAX_TESTED_SAMPLE_LENGTH, sampleForPattern } from './pattern-sample.ts';

/** Path values carry a space and a slash, so the tests check that each is encoded as one segment. */
export const PATH_SAMPLE = 'a b/c';
export const STRING_SAMPLE = 'sample value';

const FORMAT_SAMPLES = new Map<string, string>([
  ['date', '2024-01-02'],
  ['date-time', '2024-01-02T03:04:05Z'],
  ['email', 'user@example.com'],
  ['uri', 'https://example.com/item'],
  ['url', 'https://example.com/item'],
  ['uuid', '00000000-0000-4000-8000-000000000000'],
  ['ipv4', '192.0.2.1'],
  ['time', '03:04:05Z'],
  // base64 of "sample value": a `byte` field holds base64 text.
  ['byte', 'c2FtcGxlIHZhbHVl'],
]);
const INPUT_TYPE_SAMPLES = new Map<string, string>([
  ['date', '2024-01-02'],
  ['datetime', '2024-01-02T03:04:05Z'],
  ['email', 'user@example.com'],
  ['url', 'https://example.com/item'],
]);
const PATTERN_FALLBACKS = ['sample', 'a', 'A', '1', 'abc', 'abc123', 'ABC', 'a1'];
const INTEGER_FORMATS = new Set(['int8', 'int16', 'int32', 'int64', 'integer', 'uint8', 'uint16', 'uint32', 'uint64']);

export function isFileField(field: InputField): boolean {
  return field.inputType === 'file' || field.format === 'binary';
}

/**
 * Where the value goes: a path segment, a form-encoded body (where an empty object or array leaves
 * nothing on the wire, so it cannot be told from an absent value), or anywhere else.
 */
export type SampleRole = 'path' | 'form' | 'other';

export function sampleFieldValue(options: { field: InputField; role: SampleRole }): unknown {
  const { field } = options;
  if (field.opaque || isFileField(field)) return undefined;
  if (field.variants) return sampleVariant({ field, role: options.role });
  switch (field.type) {
    case 'select':
      // A path value cannot be empty, "." or ".." (the runtime refuses them): a later option is taken.
      return field.options?.find((option) => option.value !== null && (options.role !== 'path' || !isEmptyOrDotSegment(option.value)))?.value ?? undefined;
    case 'multiselect': {
      const count = Math.max(1, field.validation?.minItems ?? 1);
      const values = (field.options ?? []).filter((option) => option.value !== null).slice(0, count).map((option) => option.value);
      return values.length === count ? values : undefined;
    }
    case 'string':
    case 'date':
      return sampleString(options);
    case 'number':
      return sampleNumber(field);
    case 'boolean':
      return true;
    case 'object': {
      // A path value needs an entry (an empty object is an empty segment), and so does a form field
      // (an empty object sends no pair at all); `{}` only when none fits.
      const inner = options.role === 'form' ? 'form' : 'other';
      if (options.role === 'other') return sampleObject({ field, role: inner });
      return sampleObject({ field: { ...field, validation: { ...field.validation, minProperties: Math.max(1, field.validation?.minProperties ?? 0) } }, role: inner }) ?? sampleObject({ field, role: inner });
    }
    case 'array':
      return sampleArray({ field, role: options.role === 'form' ? 'form' : 'other' });
  }
}

const MAX_SAMPLED_VARIANTS = 8;

/**
 * The first variant whose sample the whole field accepts: a tagged variant gets its tag, and the
 * runtime's own validation decides (a oneOf sample that fits two variants is not a sample).
 */
function sampleVariant(options: { field: InputField; role: SampleRole }): unknown {
  const { field } = options;
  for (const variant of (field.variants ?? []).slice(0, MAX_SAMPLED_VARIANTS)) {
    let value = sampleFieldValue({ field: variant.field, role: options.role });
    if (value === undefined) continue;
    const tag = field.discriminator === undefined ? undefined : variantTag({ variant, discriminator: field.discriminator });
    if (field.discriminator !== undefined && isRecord(value)) {
      if (tag === undefined) continue;
      value = { ...value, [field.discriminator]: tag };
    }
    if (acceptedBy({ field, value })) return value;
  }
  return undefined;
}

function variantTag(options: { variant: NonNullable<InputField['variants']>[number]; discriminator: string }): unknown {
  const property = options.variant.field.properties?.[options.discriminator];
  return property?.options?.[0]?.value ?? property?.default ?? options.variant.discriminatorValues?.[0];
}

function acceptedBy(options: { field: InputField; value: unknown }): boolean {
  try {
    validateInput({ schema: { value: { ...options.field, required: true } }, input: { value: options.value } });
    return true;
  } catch {
    return false;
  }
}

function isEmptyOrDotSegment(value: unknown): boolean {
  return value === '' || value === '.' || value === '..';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sampleString(options: { field: InputField; role: SampleRole }): string | undefined {
  const { field } = options;
  const preferred =
    (field.format !== undefined ? FORMAT_SAMPLES.get(field.format) : undefined) ??
    (field.inputType !== undefined ? INPUT_TYPE_SAMPLES.get(field.inputType) : undefined) ??
    (field.type === 'date' ? '2024-01-02' : undefined) ??
    (options.role === 'path' ? PATH_SAMPLE : STRING_SAMPLE);
  const validation = field.validation ?? {};
  const fitsLength = (text: string): boolean =>
    (validation.minLength === undefined || text.length >= validation.minLength) &&
    (validation.maxLength === undefined || text.length <= validation.maxLength) &&
    (options.role !== 'path' || (text !== '' && text !== '.' && text !== '..'));
  const fitLength = (text: string): string => {
    let result = text;
    if (validation.minLength !== undefined && result.length < validation.minLength) result = result.padEnd(validation.minLength, 'x');
    if (validation.maxLength !== undefined && result.length > validation.maxLength) result = result.slice(0, validation.maxLength);
    return result;
  };
  const candidates = [preferred, ...PATTERN_FALLBACKS].map(fitLength).filter(fitsLength);
  if (validation.pattern === undefined) return candidates[0];
  // A sample built from the pattern matches by construction; otherwise try the candidates, but only
  // short ones and only on patterns that cannot backtrack badly.
  const built = sampleForPattern(validation.pattern);
  if (built !== undefined && fitsLength(built)) return built;
  const pattern = isCheapToRun(validation.pattern) ? compilePattern(validation.pattern) : undefined;
  if (pattern === undefined) return undefined;
  return candidates.find((text) => text.length <= MAX_TESTED_SAMPLE_LENGTH && pattern.test(text));
}

/** ECMAScript flavour with `u` where it compiles (closest to the runtime's RE2 on simple patterns). */
function compilePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    try {
      return new RegExp(pattern);
    } catch {
      return undefined;
    }
  }
}

function sampleNumber(field: InputField): number | undefined {
  const v = field.validation ?? {};
  const integer = field.format !== undefined && INTEGER_FORMATS.has(field.format);
  let value = 1;
  if (v.min !== undefined && value < v.min) value = v.min;
  if (v.exclusiveMin !== undefined && value <= v.exclusiveMin) value = integer ? Math.floor(v.exclusiveMin) + 1 : v.exclusiveMin + 1;
  if (v.multipleOf !== undefined && v.multipleOf > 0) value = Math.ceil(value / v.multipleOf) * v.multipleOf;
  if (integer) value = Math.ceil(value);
  const fits =
    Number.isFinite(value) &&
    (v.min === undefined || value >= v.min) &&
    (v.max === undefined || value <= v.max) &&
    (v.exclusiveMin === undefined || value > v.exclusiveMin) &&
    (v.exclusiveMax === undefined || value < v.exclusiveMax);
  return fits ? value : undefined;
}

const MAX_SAMPLED_PROPERTIES = 16;

function sampleObject(options: { field: InputField; role: SampleRole }): Record<string, unknown> | undefined {
  const { field, role } = options;
  const entries: Array<[string, unknown]> = [];
  const properties = Object.entries(field.properties ?? {});
  for (const [name, property] of properties) {
    if (!property.required) continue;
    const value = sampleFieldValue({ field: property, role });
    if (value === undefined) return undefined;
    entries.push([name, value]);
  }
  // `minProperties` (a map of tags with at least one): optional declared properties first, then
  // entries of the map's own value schema under names no property declares.
  const minProperties = field.validation?.minProperties ?? 0;
  if (minProperties > MAX_SAMPLED_PROPERTIES) return undefined;
  for (const [name, property] of properties) {
    if (entries.length >= minProperties) break;
    if (property.required) continue;
    const value = sampleFieldValue({ field: property, role });
    if (value !== undefined) entries.push([name, value]);
  }
  const extra = field.additionalProperties ?? true;
  for (let index = 1; entries.length < minProperties && extra !== false; index += 1) {
    const name = `key${index}`;
    if (Object.hasOwn(field.properties ?? {}, name)) continue;
    const value = extra === true ? STRING_SAMPLE : sampleFieldValue({ field: extra, role });
    if (value === undefined) return undefined;
    entries.push([name, value]);
  }
  if (entries.length < minProperties) return undefined;
  return recordFromEntries(entries);
}

function sampleArray(options: { field: InputField; role: SampleRole }): unknown[] | undefined {
  const { field } = options;
  const count = Math.max(1, field.validation?.minItems ?? 1);
  if (field.validation?.maxItems !== undefined && field.validation.maxItems < count) return undefined;
  if (!field.itemSchema) return field.validation?.minItems ? undefined : [];
  if (count > 1 && field.validation?.uniqueItems) return undefined;
  const item = sampleFieldValue({ field: field.itemSchema, role: options.role });
  return item === undefined ? undefined : Array.from({ length: count }, () => item);
}
