import type { ActionDefinition, FieldOption, InputField } from '../definition.ts';
import { isFileField } from '../request/file-value.ts';
import { isIntegerFormat } from '../validate/validate-scalars.ts';

/** A JSON Schema object as agents' tool formats take it (plain data). */
export type ToolJsonSchema = { [key: string]: unknown };

/** The root of a tool's input: always an object, as MCP, OpenAI and Anthropic all require. */
export interface ToolInputSchema extends ToolJsonSchema {
  type: 'object';
  properties: Record<string, ToolJsonSchema>;
  required?: string[];
  additionalProperties: false;
}

/**
 * The JSON Schema of an action's input, derived from its `inputSchema` (the host's field
 * vocabulary), so an agent is told the same rules `validateInput` enforces. Unknown fields are
 * refused (`additionalProperties: false`) because the runtime refuses them too; a required field
 * with a default is optional here, since the runtime fills it in.
 */
export function actionInputJsonSchema(action: Pick<ActionDefinition, 'inputSchema'>): ToolInputSchema {
  const properties: Record<string, ToolJsonSchema> = {};
  const required: string[] = [];
  for (const [key, field] of Object.entries(action.inputSchema)) {
    if (field.readOnly) continue;
    properties[key] = inputFieldJsonSchema(field);
    if (field.required && field.default === undefined) required.push(key);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

/** One field as JSON Schema: its shape, limits, choices, description and default. */
export function inputFieldJsonSchema(field: InputField): ToolJsonSchema {
  const schema: ToolJsonSchema = { ...describe(field), ...shapeOf(field) };
  return field.nullable ? allowNull(schema) : schema;
}

function describe(field: InputField): ToolJsonSchema {
  const out: ToolJsonSchema = {};
  if (field.label) out.title = field.label;
  if (field.description) out.description = field.description;
  if (field.default !== undefined) out.default = field.default;
  if (field.deprecated) out.deprecated = true;
  return out;
}

function shapeOf(field: InputField): ToolJsonSchema {
  // An opaque field is accepted as any JSON: no shape to promise.
  if (field.opaque) return {};
  if (isFileField(field)) return FILE_SCHEMA;
  if (field.variants && field.variants.length > 0) {
    const alternatives = field.variants.map((variant) => ({ ...inputFieldJsonSchema(variant.field), title: variant.label }));
    return { [field.variantMode === 'oneOf' ? 'oneOf' : 'anyOf']: alternatives };
  }
  switch (field.type) {
    case 'string':
      return { type: 'string', ...formatOf(field), ...stringLimits(field) };
    case 'date':
      return { type: 'string', format: field.format ?? (field.inputType === 'datetime' ? 'date-time' : 'date'), ...stringLimits(field) };
    case 'number':
      return { type: isIntegerFormat(field.format) ? 'integer' : 'number', ...numberLimits(field) };
    case 'boolean':
      return { type: 'boolean' };
    case 'select':
      return field.options ? { enum: optionValues(field.options) } : { type: 'string' };
    case 'multiselect':
      return {
        type: 'array',
        items: field.options ? { enum: optionValues(field.options) } : field.itemSchema ? inputFieldJsonSchema(field.itemSchema) : {},
        ...arrayLimits(field),
      };
    case 'array':
      return { type: 'array', ...(field.itemSchema ? { items: inputFieldJsonSchema(field.itemSchema) } : {}), ...arrayLimits(field) };
    case 'object':
      return objectShape(field);
  }
}

function objectShape(field: InputField): ToolJsonSchema {
  const out: ToolJsonSchema = { type: 'object' };
  if (field.properties) {
    const properties: Record<string, ToolJsonSchema> = {};
    const required: string[] = [];
    for (const [key, property] of Object.entries(field.properties)) {
      if (property.readOnly) continue;
      properties[key] = inputFieldJsonSchema(property);
      if (property.required && property.default === undefined) required.push(key);
    }
    out.properties = properties;
    if (required.length > 0) out.required = required;
  }
  if (field.additionalProperties === false) out.additionalProperties = false;
  else if (typeof field.additionalProperties === 'object') out.additionalProperties = inputFieldJsonSchema(field.additionalProperties);
  return out;
}

/** Over JSON a file is its text content, or `{ data, filename?, contentType? }` (see `FileInput`). */
const FILE_SCHEMA: ToolJsonSchema = {
  anyOf: [
    { type: 'string', description: 'the file content' },
    {
      type: 'object',
      properties: { data: { type: 'string' }, filename: { type: 'string' }, contentType: { type: 'string' } },
      required: ['data'],
      additionalProperties: false,
    },
  ],
};

function formatOf(field: InputField): ToolJsonSchema {
  if (field.format) return { format: field.format };
  if (field.inputType === 'email') return { format: 'email' };
  if (field.inputType === 'url') return { format: 'uri' };
  return {};
}

function stringLimits(field: InputField): ToolJsonSchema {
  const v = field.validation ?? {};
  return pick({ minLength: v.minLength, maxLength: v.maxLength, pattern: v.pattern });
}

function numberLimits(field: InputField): ToolJsonSchema {
  const v = field.validation ?? {};
  return pick({ minimum: v.min, maximum: v.max, exclusiveMinimum: v.exclusiveMin, exclusiveMaximum: v.exclusiveMax, multipleOf: v.multipleOf });
}

function arrayLimits(field: InputField): ToolJsonSchema {
  const v = field.validation ?? {};
  return pick({ minItems: v.minItems, maxItems: v.maxItems, uniqueItems: v.uniqueItems });
}

function optionValues(options: FieldOption[]): Array<FieldOption['value']> {
  return options.map((option) => option.value);
}

/** `null` as one more accepted value, in whichever form the schema takes. */
function allowNull(schema: ToolJsonSchema): ToolJsonSchema {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.enum)) return schema.enum.includes(null) ? schema : { ...schema, enum: [...schema.enum, null] };
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alternatives = schema[key];
    if (Array.isArray(alternatives)) return { ...schema, [key]: [...alternatives, { type: 'null' }] };
  }
  return schema;
}

function pick(values: Record<string, unknown>): ToolJsonSchema {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
