import type { ActionDefinition, ConnectorDefinition } from '../definition.ts';
import { actionInputJsonSchema, type ToolInputSchema } from './input-json-schema.ts';
import { toolNamesFor } from './tool-names.ts';

/** OpenAI's function tool (Chat Completions `tools[]`). */
export interface OpenAIFunctionTool {
  type: 'function';
  function: { name: string; description: string; parameters: ToolInputSchema };
}

/** Anthropic's client tool (Messages API `tools[]`). */
export interface AnthropicTool {
  name: string;
  description: string;
  input_schema: ToolInputSchema;
}

export interface ToolExportOptions {
  /** Action ids to export, in this order; default every action. An id that names no action throws. */
  actions?: string[];
  /** Tool name by action id, where the default (the action id) should not be used. */
  names?: Record<string, string>;
}

/** One entry per exported action: its tool name, description and input schema. */
export interface ActionTool {
  action: ActionDefinition;
  name: string;
  description: string;
  inputSchema: ToolInputSchema;
}

/** The actions a tool list offers, with names unique and fit for every tool format. */
export function actionTools(definition: ConnectorDefinition, options: ToolExportOptions = {}): ActionTool[] {
  const actions = options.actions ? options.actions.map((id) => findAction({ definition, id })) : definition.supported_actions;
  const names = toolNamesFor({ actions, preferred: options.names });
  return actions.map((action) => ({
    action,
    name: names.get(action.id)!,
    description: toolDescription(action),
    inputSchema: actionInputJsonSchema(action),
  }));
}

/** `tools` for OpenAI's Chat Completions API; call the action of `function.name` with the arguments. */
export function toOpenAITools(definition: ConnectorDefinition, options: ToolExportOptions = {}): OpenAIFunctionTool[] {
  return actionTools(definition, options).map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.inputSchema },
  }));
}

/** `tools` for Anthropic's Messages API. */
export function toAnthropicTools(definition: ConnectorDefinition, options: ToolExportOptions = {}): AnthropicTool[] {
  return actionTools(definition, options).map((tool) => ({ name: tool.name, description: tool.description, input_schema: tool.inputSchema }));
}

function findAction(options: { definition: ConnectorDefinition; id: string }): ActionDefinition {
  const found = options.definition.supported_actions.find((action) => action.id === options.id);
  if (!found) throw new Error(`"${options.id}" is not an action of ${options.definition.name}`);
  return found;
}

/** The action's description, else its name: every format wants one, and an empty one helps no agent. */
function toolDescription(action: ActionDefinition): string {
  const text = action.description.trim() || action.name;
  return action.deprecated ? `Deprecated. ${text}` : text;
}
