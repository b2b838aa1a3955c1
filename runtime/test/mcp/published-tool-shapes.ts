/**
 * The tool shapes OpenAI and Anthropic publish, written out as JSON Schema so exports are checked
 * against the formats themselves rather than against our own types.
 * - OpenAI Chat Completions `ChatCompletionTool` / `FunctionObject` (openai-openapi): `type` is
 *   "function"; `function.name` matches ^[a-zA-Z0-9_-]{1,64}$; `parameters` is a JSON Schema object.
 * - Anthropic Messages `Tool`: `name` matches ^[a-zA-Z0-9_-]{1,64}$; `input_schema` has `type: "object"`
 *   and optional `properties` and `required`.
 */
const TOOL_NAME = { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,64}$' };

export const OPENAI_FUNCTION_TOOL_SHAPE = {
  type: 'object',
  required: ['type', 'function'],
  additionalProperties: false,
  properties: {
    type: { const: 'function' },
    function: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: TOOL_NAME,
        description: { type: 'string' },
        parameters: { type: 'object' },
        strict: { type: ['boolean', 'null'] },
      },
    },
  },
} as const;

export const ANTHROPIC_TOOL_SHAPE = {
  type: 'object',
  required: ['name', 'input_schema'],
  additionalProperties: false,
  properties: {
    type: { enum: ['custom', null] },
    name: TOOL_NAME,
    description: { type: 'string' },
    input_schema: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { const: 'object' },
        properties: { type: ['object', 'null'] },
        required: { type: ['array', 'null'], items: { type: 'string' } },
      },
    },
    cache_control: { type: ['object', 'null'] },
  },
} as const;
