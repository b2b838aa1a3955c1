/**
 * JSON Schema → the host UI's InputField. Deterministic and bounded: recursion stops at refs already on
 * the path (cycles), below MAX_FIELD_DEPTH nested levels, and once an action's field budget is spent;
 * what is cut off becomes an `opaque` JSON field that the runtime accepts without validating further.
 */
import type { FieldOption, FieldValidation, FieldVariant, InputField, InputFieldType, InputType } from '@specwire/runtime';
import type { SchemaIR } from '../../ir/types.ts';
import { humanLabel, splitWords } from '../names.ts';
import { cloneJson, isPlainObject, ownValue, recordFromEntries, type PlainObject } from '../schemas/own-record.ts';
import {
  componentNameOfRef,
  impliedType,
  lookupRef,
  refOf,
  resolveSchema,
  schemaTypes,
  type SchemaTable,
} from '../schemas/resolve-schema.ts';

/** Object/array/variant levels below a top-level field before the rest becomes opaque. */
export const MAX_FIELD_DEPTH = 4;
/** Fields one action may produce (GitHub/Stripe bodies would otherwise multiply out). */
export const FIELD_BUDGET_PER_ACTION = 1500;
/** Examples longer than this are not used as placeholders. */
const MAX_PLACEHOLDER_LENGTH = 80;

export interface FieldContext {
  schemas: SchemaTable;
  /** Refs followed on the current path (cycle guard). */
  stack: readonly string[];
  /** Nesting level: 0 for top-level fields. */
  depth: number;
  /** Shared by every field of one action. */
  budget: { remaining: number };
  /**
   * `format: binary` means a file here: a top-level property of a multipart body (or an item of
   * one). Anywhere else (JSON bodies, parameters, nested parts) it is a string like any other.
   */
  filesAllowed?: boolean;
  /** This field is a whole multipart body: its properties (or its variants' properties) are the parts. */
  multipartBody?: boolean;
}

/**
 * The path with `refs` appended. Paths are never changed in place, so one without new refs is
 * shared rather than copied (a copy per field was the single costliest line of planning Stripe).
 */
export function extendStack(stack: readonly string[], refs: readonly string[]): readonly string[] {
  return refs.length === 0 ? stack : stack.concat(refs);
}

/** A fresh context for one action's top-level fields. */
export function newFieldContext(schemas: SchemaTable): FieldContext {
  return { schemas, stack: [], depth: 0, budget: { remaining: FIELD_BUDGET_PER_ACTION } };
}

const FORMAT_INPUT_TYPES = new Map<string, InputType>([
  ['date', 'date'],
  ['date-time', 'datetime'],
  ['email', 'email'],
  ['idn-email', 'email'],
  ['uri', 'url'],
  ['url', 'url'],
  ['iri', 'url'],
  ['binary', 'file'],
  ['password', 'password'],
  ['textarea', 'textarea'],
]);

/**
 * Free-text fields get a textarea when their name's last word is one of these (`body`,
 * `pull_request_description`, `commitMessage`): a deterministic stand-in for "long text".
 */
const LONG_TEXT_WORDS = new Set(['body', 'description', 'content', 'message', 'text', 'comment', 'notes', 'note', 'bio', 'markdown', 'html']);

const INTEGER_FORMATS = new Set(['int8', 'int16', 'int32', 'int64', 'integer', 'uint8', 'uint16', 'uint32', 'uint64']);

export function schemaToInputField(options: {
  schema: SchemaIR;
  /** Property or parameter name (label and textarea heuristic come from it). */
  name: string;
  label?: string;
  context: FieldContext;
}): InputField {
  const { schema, name, context } = options;
  const label = options.label ?? humanLabel(name);
  context.budget.remaining -= 1;
  const resolved = resolveSchema({ schema, schemas: context.schemas, stack: context.stack });
  const shape = resolved.schema;
  const common = commonAttributes({ schema: shape, nullable: resolved.nullable });
  if (resolved.problem !== undefined) {
    return opaqueField({ label, kind: opaqueKind({ schema: shape, schemas: context.schemas }), common });
  }
  const filesAllowed = context.filesAllowed === true;
  const multipartBody = context.multipartBody === true;
  const inner: FieldContext = { ...context, stack: extendStack(context.stack, resolved.refs), depth: context.depth + 1, filesAllowed: false, multipartBody: false };
  const exhausted = context.depth >= MAX_FIELD_DEPTH || context.budget.remaining <= 0;

  // An enum or const beside a oneOf/anyOf (`enum: [11]` next to `allOf: [$ref: <oneOf of consts>]`)
  // is the narrower constraint: every valid value is one of its values, and it keeps variants that
  // differ only by such a tag distinguishable.
  const choices = primitiveOptions(shape);
  if (choices) return selectField({ schema: shape, label, common, ...choices });
  const alternatives = variantAlternatives({ schema: shape, schemas: context.schemas, stack: context.stack });
  if (alternatives) {
    if (exhausted) return opaqueField({ label, kind: opaqueKind({ schema: shape, schemas: context.schemas }), common });
    return variantField({ schema: shape, alternatives, name, label, common, context: { ...inner, filesAllowed, multipartBody } });
  }

  switch (impliedType(shape)) {
    case 'string':
      return stringField({ schema: shape, name, label, common, filesAllowed });
    case 'number':
    case 'integer':
      return numberField({ schema: shape, label, common });
    case 'boolean':
      return finish({ type: 'boolean', label, ...common });
    case 'object':
      if (exhausted && hasStructure(shape)) return opaqueField({ label, kind: 'object', common });
      return objectField({ schema: shape, label, common, context: inner, propertiesAreParts: multipartBody });
    case 'array':
      if (exhausted && shape.items !== undefined) return opaqueField({ label, kind: 'array', common });
      return arrayField({ schema: shape, label, common, context: { ...inner, filesAllowed } });
    default:
      // No type at all (`{}`, `true`, only a description): any JSON value, `null` included.
      return opaqueField({ label, kind: 'object', common: schemaTypes(shape).length === 0 ? { ...common, nullable: true } : common });
  }
}

type CommonAttributes = Pick<InputField, 'description' | 'default' | 'placeholder' | 'deprecated' | 'nullable'>;

function commonAttributes(options: { schema: PlainObject; nullable: boolean }): CommonAttributes {
  const { schema } = options;
  return {
    description: typeof schema.description === 'string' && schema.description.trim() !== '' ? schema.description.trim() : undefined,
    default: schema.default === undefined ? undefined : cloneJson(schema.default),
    placeholder: placeholderFromExample(exampleOf(schema)),
    deprecated: schema.deprecated === true ? true : undefined,
    nullable: options.nullable ? true : undefined,
  };
}

function exampleOf(schema: PlainObject): unknown {
  if (schema.example !== undefined) return schema.example;
  return Array.isArray(schema.examples) ? schema.examples[0] : undefined;
}

/** A short string form of an example (`examples` may be any JSON), or nothing when too long. */
export function placeholderFromExample(example: unknown): string | undefined {
  if (example === undefined || example === null) return undefined;
  const text = typeof example === 'string' ? example : JSON.stringify(example);
  if (text === undefined || text === '' || text.length > MAX_PLACEHOLDER_LENGTH) return undefined;
  return text;
}

/** Drops undefined attributes so fields stay small and compare cleanly. */
function finish(field: InputField): InputField {
  const kept: PlainObject = {};
  for (const key of Object.keys(field)) {
    const value = (field as unknown as PlainObject)[key];
    if (value !== undefined) kept[key] = value;
  }
  return kept as unknown as InputField;
}

function opaqueField(options: { label: string; kind: 'object' | 'array'; common: CommonAttributes }): InputField {
  return finish({ type: options.kind, label: options.label, ...options.common, inputType: 'json', opaque: true });
}

function opaqueKind(options: { schema: PlainObject; schemas: SchemaTable }): 'object' | 'array' {
  const ref = refOf(options.schema);
  const target = ref === undefined ? options.schema : lookupRef({ ref, schemas: options.schemas });
  return isPlainObject(target) && impliedType(target) === 'array' ? 'array' : 'object';
}

function hasStructure(schema: PlainObject): boolean {
  return isPlainObject(schema.properties) || isPlainObject(schema.additionalProperties);
}

/** oneOf/anyOf alternatives that describe shapes (not just `required` combinations). */
function variantAlternatives(options: { schema: PlainObject; schemas: SchemaTable; stack: readonly string[] }): VariantAlternatives | undefined {
  const { schema } = options;
  const mode = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined;
  if (mode === undefined) return undefined;
  const list = (schema[mode] as unknown[]).filter((item): item is SchemaIR => typeof item === 'boolean' || isPlainObject(item));
  const describesShape = (item: SchemaIR): boolean =>
    isPlainObject(item) &&
    ['$ref', 'type', 'properties', 'items', 'enum', 'const', 'oneOf', 'anyOf', 'allOf'].some((key) => key in item);
  // Beside declared properties, `required` combinations (`anyOf: [{required: [a]}, {required: [b]}]`)
  // are alternatives too: each is the object with that combination required.
  const requiresSome = (item: SchemaIR): boolean => isPlainObject(item) && Array.isArray(item.required) && item.required.length > 0;
  const combinations = isPlainObject(schema.properties) && list.length > 0 && list.every(requiresSome);
  if (!list.some(describesShape) && !combinations) return undefined;
  if (bindsObjectsOnly({ ...options, list })) return undefined;
  const base = objectBesideAlternatives({ schema, mode });
  return { mode, list, ...(base !== undefined ? { base } : {}) };
}

/** Keywords that constrain objects alone, and keywords that constrain nothing. */
const OBJECT_ONLY_KEYWORDS = new Set(['properties', 'required', 'additionalProperties', 'minProperties', 'maxProperties', 'patternProperties', 'propertyNames', 'dependentRequired', 'dependencies']);
const ANNOTATION_KEYWORDS = new Set(['title', 'description', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs', 'xml', '$comment']);

/**
 * `type: array` (or any type but object) beside alternatives that state no type and only constrain
 * objects (`properties`, `required`): every value of the stated type passes each alternative, so the
 * alternatives choose nothing and the stated type is the field (Cloudflare's `configurations`, an
 * array whose `anyOf` of configuration objects belongs to its items).
 */
function bindsObjectsOnly(options: { schema: PlainObject; list: SchemaIR[]; schemas: SchemaTable; stack: readonly string[] }): boolean {
  const types = schemaTypes(options.schema);
  if (types.length !== 1 || types[0] === 'object') return false;
  return options.list.every((alternative) => {
    const resolved = resolveSchema({ schema: alternative, schemas: options.schemas, stack: options.stack });
    if (resolved.problem !== undefined) return false;
    const keys = Object.keys(resolved.schema);
    return keys.some((key) => OBJECT_ONLY_KEYWORDS.has(key)) && keys.every((key) => OBJECT_ONLY_KEYWORDS.has(key) || ANNOTATION_KEYWORDS.has(key) || key.startsWith('x-'));
  });
}

interface VariantAlternatives {
  mode: 'oneOf' | 'anyOf';
  list: SchemaIR[];
  /** Object constraints beside the alternatives, merged into each variant's field. */
  base?: PlainObject;
}

/**
 * The object constraints written beside `oneOf`/`anyOf` (`properties`, `required`,
 * `additionalProperties`) hold for every alternative, so each variant is read as the alternative
 * merged with them; without them a variant misses the properties it requires (`required:
 * [conclusion]` where only the parent declares `conclusion`). An `anyOf` beside the `oneOf` (two
 * allOf members, one with each) holds for every variant too, and becomes each variant's own choice.
 */
function objectBesideAlternatives(options: { schema: PlainObject; mode: 'oneOf' | 'anyOf' }): PlainObject | undefined {
  const { schema } = options;
  const kept = ['type', 'properties', 'required', 'additionalProperties'].filter((key) => schema[key] !== undefined);
  const beside = options.mode === 'oneOf' && Array.isArray(schema.anyOf) ? ['anyOf'] : [];
  if (!kept.includes('properties') && !kept.includes('required') && beside.length === 0) return undefined;
  return recordFromEntries([...kept, ...beside].map((key) => [key, schema[key]]));
}

function variantField(options: {
  schema: PlainObject;
  alternatives: VariantAlternatives;
  name: string;
  label: string;
  common: CommonAttributes;
  context: FieldContext;
}): InputField {
  const { schema, alternatives, context } = options;
  const discriminator = isPlainObject(schema.discriminator) ? schema.discriminator : undefined;
  const propertyName = typeof discriminator?.propertyName === 'string' ? discriminator.propertyName : undefined;
  const mapping = isPlainObject(discriminator?.mapping) ? discriminator.mapping : {};
  const usedLabels = new Set<string>();
  const variants: FieldVariant[] = alternatives.list.map((alternative, index) => {
    const base = variantLabel({ alternative, index, mapping, schemas: context.schemas, stack: context.stack });
    let label = base;
    for (let counter = 2; usedLabels.has(label); counter += 1) label = `${base} (${counter})`;
    usedLabels.add(label);
    const merged = alternatives.base === undefined ? alternative : { allOf: [alternatives.base, alternative] };
    const field = schemaToInputField({ schema: merged, name: options.name, label, context });
    const tags = propertyName === undefined ? [] : discriminatorValues({ alternative, mapping });
    return { label, field, ...(tags.length > 0 ? { discriminatorValues: tags } : {}) };
  });
  const types = new Set(variants.map((variant) => variant.field.type));
  const [onlyType] = types;
  // A union of plain values (`string | integer`) is typed text, checked against the variants, not JSON.
  const plainValues = types.size > 1 && variants.every(({ field }) => isPlainValueField(field));
  const shared: InputFieldType = types.size === 1 && onlyType !== undefined ? onlyType : plainValues ? 'string' : 'object';
  return finish({
    type: shared,
    label: options.label,
    ...options.common,
    inputType: types.size === 1 ? undefined : plainValues ? 'text' : 'json',
    variants,
    variantMode: alternatives.mode,
    discriminator: propertyName,
  });
}

/** A string, number or boolean typed in one text box: no structure, fixed choices, file or nested choice. */
function isPlainValueField(field: InputField): boolean {
  return (field.type === 'string' || field.type === 'number' || field.type === 'boolean')
    && field.variants === undefined && field.properties === undefined && !field.opaque && field.inputType !== 'file';
}

/**
 * The tag values that choose a variant: the discriminator mapping's keys whose target is the
 * variant's `$ref` (a full ref or a bare schema name), else its schema name (OpenAPI's implicit
 * mapping). The runtime also accepts the values of the variant's own tag property (its enum), so a
 * spec that leaves the mapping out but means the enum still works.
 */
function discriminatorValues(options: { alternative: SchemaIR; mapping: PlainObject }): string[] {
  const ref = refOf(options.alternative);
  if (ref === undefined) return [];
  const name = componentNameOfRef(ref);
  const keys = Object.entries(options.mapping)
    .filter(([, target]) => target === ref || (name !== undefined && target === name))
    .map(([key]) => key);
  if (keys.length > 0) return keys;
  return name !== undefined && name !== '' ? [name] : [];
}

/** Variant title, else its `$ref` name, else its discriminator mapping key, else its type. */
function variantLabel(options: {
  alternative: SchemaIR;
  index: number;
  mapping: PlainObject;
  schemas: SchemaTable;
  stack: readonly string[];
}): string {
  const { alternative } = options;
  const resolved = resolveSchema({ schema: alternative, schemas: options.schemas, stack: options.stack });
  if (typeof resolved.schema.title === 'string' && resolved.schema.title.trim() !== '') return resolved.schema.title.trim();
  const ref = refOf(alternative);
  const refName = ref === undefined ? undefined : componentNameOfRef(ref);
  if (refName !== undefined && refName !== '') return refName;
  const mappingKey = Object.entries(options.mapping).find(([, target]) => target === ref)?.[0];
  if (mappingKey !== undefined) return mappingKey;
  const types = impliedType(resolved.schema) ?? schemaTypes(resolved.schema).join(' or ');
  return types === '' ? `Option ${options.index + 1}` : types;
}

/** Options for `enum`/`const` with primitive values; a `null` value becomes `nullable`. */
function primitiveOptions(schema: PlainObject): { options: FieldOption[]; constant: boolean; hasNull: boolean } | undefined {
  const constant = 'const' in schema;
  const values: unknown[] = constant ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : [];
  const options: FieldOption[] = [];
  for (const value of values) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      if (!options.some((option) => option.value === value)) options.push({ label: String(value), value });
    }
  }
  if (options.length === 0) return undefined;
  return { options, constant, hasNull: values.includes(null) };
}

function selectField(options: {
  schema: PlainObject;
  label: string;
  common: CommonAttributes;
  options: FieldOption[];
  constant: boolean;
  hasNull: boolean;
}): InputField {
  const { schema } = options;
  return finish({
    type: 'select',
    label: options.label,
    ...options.common,
    default: options.constant ? options.options[0]?.value : options.common.default,
    nullable: options.hasNull || options.common.nullable ? true : undefined,
    format: typeof schema.format === 'string' ? schema.format : undefined,
    options: options.options,
  });
}

function stringField(options: { schema: PlainObject; name: string; label: string; common: CommonAttributes; filesAllowed: boolean }): InputField {
  const stated = typeof options.schema.format === 'string' ? options.schema.format : undefined;
  // Outside a multipart body's top level, `binary` is a string: dropping the format keeps the
  // runtime from taking (and JSON-encoding) bytes for it.
  const format = stated === 'binary' && !options.filesAllowed ? undefined : stated;
  const fromFormat = format === undefined ? undefined : FORMAT_INPUT_TYPES.get(format);
  const words = splitWords(options.name);
  const lastWord = words[words.length - 1]?.toLowerCase();
  const inputType = fromFormat ?? (lastWord !== undefined && LONG_TEXT_WORDS.has(lastWord) ? 'textarea' : undefined);
  return finish({
    type: 'string',
    label: options.label,
    ...options.common,
    inputType,
    format,
    validation: validationOf(options.schema),
  });
}

function numberField(options: { schema: PlainObject; label: string; common: CommonAttributes }): InputField {
  const stated = typeof options.schema.format === 'string' ? options.schema.format : undefined;
  const isInteger = schemaTypes(options.schema).includes('integer');
  // The runtime tells integers from numbers by format (`integer`, `int32`, …).
  const format = isInteger ? (stated !== undefined && INTEGER_FORMATS.has(stated) ? stated : 'integer') : stated;
  return finish({ type: 'number', label: options.label, ...options.common, format, validation: validationOf(options.schema) });
}

function objectField(options: {
  schema: PlainObject;
  label: string;
  common: CommonAttributes;
  context: FieldContext;
  /** A whole multipart body: each property is a part, where `format: binary` is a file. */
  propertiesAreParts?: boolean;
}): InputField {
  const { schema, context } = options;
  const required = requiredNames(schema);
  const entries: Array<[string, InputField]> = [];
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  for (const [property, propertySchema] of Object.entries(properties)) {
    if (!isSchema(propertySchema) || isReadOnly({ schema: propertySchema, context })) continue;
    const field = schemaToInputField({ schema: propertySchema, name: property, context: { ...context, filesAllowed: options.propertiesAreParts === true } });
    entries.push([property, required.includes(property) ? { ...field, required: true } : field]);
  }
  let additionalProperties: boolean | InputField | undefined;
  if (schema.additionalProperties === false) additionalProperties = false;
  else if (isPlainObject(schema.additionalProperties) && Object.keys(schema.additionalProperties).length > 0) {
    additionalProperties = schemaToInputField({ schema: schema.additionalProperties, name: 'value', context: { ...context, filesAllowed: options.propertiesAreParts === true } });
  }
  const freeForm = entries.length === 0 && (additionalProperties === undefined || additionalProperties === true);
  return finish({
    type: 'object',
    label: options.label,
    ...options.common,
    inputType: freeForm ? 'json' : undefined,
    properties: entries.length > 0 ? recordFromEntries(entries) : undefined,
    additionalProperties,
    validation: objectValidationOf(schema),
  });
}

function arrayField(options: { schema: PlainObject; label: string; common: CommonAttributes; context: FieldContext }): InputField {
  const { schema, context } = options;
  const validation = validationOf(schema);
  const items = isSchema(schema.items) && schema.items !== true ? schema.items : undefined;
  if (items === undefined) {
    return finish({ type: 'array', label: options.label, ...options.common, inputType: 'json', validation });
  }
  const resolvedItems = resolveSchema({ schema: items, schemas: context.schemas, stack: context.stack });
  const choices = resolvedItems.problem === undefined ? primitiveOptions(resolvedItems.schema) : undefined;
  if (choices) {
    return finish({ type: 'multiselect', label: options.label, ...options.common, options: choices.options, validation });
  }
  const itemSchema = schemaToInputField({ schema: items, name: 'item', label: 'Item', context });
  return finish({ type: 'array', label: options.label, ...options.common, itemSchema, validation });
}

function isSchema(value: unknown): value is SchemaIR {
  return typeof value === 'boolean' || isPlainObject(value);
}

export function requiredNames(schema: PlainObject): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : [];
}

/**
 * readOnly on the property itself, on the schema its ref points to, or on a member of its `allOf`
 * (`allOf: [$ref, { readOnly: true }]`, a common way to add a keyword beside a ref in OAS 3.0).
 */
export function isReadOnly(options: { schema: SchemaIR; context: Pick<FieldContext, 'schemas' | 'stack'> }): boolean {
  const { schema } = options;
  if (!isPlainObject(schema)) return false;
  if (schema.readOnly === true) return true;
  if (refOf(schema) === undefined && !Array.isArray(schema.allOf)) return false;
  const resolved = resolveSchema({ schema, schemas: options.context.schemas, stack: options.context.stack });
  return resolved.problem === undefined && resolved.schema.readOnly === true;
}

/** The property-count bounds of an object (`minProperties: 1` on a map of tags). */
function objectValidationOf(schema: PlainObject): FieldValidation | undefined {
  const { minProperties, maxProperties } = validationOf(schema) ?? {};
  if (minProperties === undefined && maxProperties === undefined) return undefined;
  return { ...(minProperties !== undefined ? { minProperties } : {}), ...(maxProperties !== undefined ? { maxProperties } : {}) };
}

function validationOf(schema: PlainObject): FieldValidation | undefined {
  const validation: FieldValidation = {
    min: finiteNumber(schema, 'minimum'),
    max: finiteNumber(schema, 'maximum'),
    exclusiveMin: finiteNumber(schema, 'exclusiveMinimum'),
    exclusiveMax: finiteNumber(schema, 'exclusiveMaximum'),
    multipleOf: finiteNumber(schema, 'multipleOf'),
    minLength: finiteNumber(schema, 'minLength'),
    maxLength: finiteNumber(schema, 'maxLength'),
    pattern: typeof schema.pattern === 'string' ? schema.pattern : undefined,
    minItems: finiteNumber(schema, 'minItems'),
    maxItems: finiteNumber(schema, 'maxItems'),
    uniqueItems: schema.uniqueItems === true ? true : undefined,
    minProperties: finiteNumber(schema, 'minProperties'),
    maxProperties: finiteNumber(schema, 'maxProperties'),
  };
  // OAS 3.0 spelling (`exclusiveMinimum: true` next to `minimum`), in case it reaches us unfolded.
  if (schema.exclusiveMinimum === true && validation.min !== undefined) {
    validation.exclusiveMin = validation.min;
    validation.min = undefined;
  }
  if (schema.exclusiveMaximum === true && validation.max !== undefined) {
    validation.exclusiveMax = validation.max;
    validation.max = undefined;
  }
  const kept = finish(validation as InputField) as unknown as FieldValidation;
  return Object.keys(kept).length === 0 ? undefined : kept;
}

/** The schema's own value for `key` when it is a finite number. */
function finiteNumber(schema: PlainObject, key: string): number | undefined {
  const value = ownValue({ record: schema, key });
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
