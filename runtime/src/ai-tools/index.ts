export { actionInputJsonSchema, inputFieldJsonSchema, type ToolInputSchema, type ToolJsonSchema } from './input-json-schema.ts';
export { TOOL_NAME_PATTERN, toolNamesFor } from './tool-names.ts';
export { actionBehaviourHints, type ToolBehaviourHints } from './tool-annotations.ts';
export {
  actionTools,
  toAnthropicTools,
  toOpenAITools,
  type ActionTool,
  type AnthropicTool,
  type OpenAIFunctionTool,
  type ToolExportOptions,
} from './export-tools.ts';
