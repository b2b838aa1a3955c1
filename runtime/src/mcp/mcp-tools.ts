import { actionTools, type ActionTool } from '../ai-tools/export-tools.ts';
import { actionBehaviourHints } from '../ai-tools/tool-annotations.ts';
import type { ToolJsonSchema } from '../ai-tools/input-json-schema.ts';
import type { ActionDefinition, ConnectorDefinition } from '../definition.ts';
import { mcpOutputSchema } from './output-schema.ts';

/** Above this many tools agents pick the wrong one noticeably more often; curate a subset. */
export const MANY_TOOLS_WARNING_THRESHOLD = 40;

/** Which actions an MCP server offers and under which names (an `mcp:` override's shape). */
export interface McpToolSelection {
  /** Action ids to offer; default every action. */
  actions?: string[];
  /** Tool name by action id. */
  names?: Record<string, string>;
}

/** An MCP `Tool` as listed by `tools/list`, with the action it runs. */
export interface McpActionTool {
  action: ActionDefinition;
  tool: {
    name: string;
    title: string;
    description: string;
    inputSchema: ActionTool['inputSchema'];
    outputSchema?: ToolJsonSchema & { type: 'object' };
    annotations: ReturnType<typeof actionBehaviourHints>;
  };
}

export function mcpToolsFor(options: { definition: ConnectorDefinition; selection?: McpToolSelection }): McpActionTool[] {
  return actionTools(options.definition, options.selection).map((entry) => {
    const outputSchema = mcpOutputSchema({ definition: options.definition, action: entry.action });
    return {
      action: entry.action,
      tool: {
        name: entry.name,
        title: entry.action.name,
        description: entry.description,
        inputSchema: entry.inputSchema,
        ...(outputSchema ? { outputSchema } : {}),
        annotations: actionBehaviourHints(entry.action),
      },
    };
  });
}

/** The warning a server prints when it offers more tools than agents handle well. */
export function manyToolsWarning(options: { connector: string; count: number }): string | undefined {
  if (options.count <= MANY_TOOLS_WARNING_THRESHOLD) return undefined;
  return `${options.connector} offers ${options.count} MCP tools; agents choose less reliably above ${MANY_TOOLS_WARNING_THRESHOLD}: curate a subset (mcp.actions in the override file)`;
}
