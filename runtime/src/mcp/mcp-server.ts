import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { createConnector } from '../connector/create-connector.ts';
import type { BaseConnector } from '../connector/base-connector.ts';
import type { ConnectorOptions } from '../connector/connector-options.ts';
import type { ConnectorDefinition } from '../definition.ts';
import { mcpToolsFor, type McpActionTool, type McpToolSelection } from './mcp-tools.ts';
import { toolCallResult } from './tool-result.ts';

export interface ConnectorMcpServerOptions {
  definition: ConnectorDefinition;
  /** Credentials, base URL and the rest, as for `createConnector`. */
  connectorOptions?: ConnectorOptions;
  selection?: McpToolSelection;
  /** Reported to clients as the server's version. */
  version?: string;
}

/**
 * An MCP server offering a connector's actions as tools. Built on the SDK's low-level `Server`
 * rather than `McpServer`: tools here are described by JSON Schema derived from the definition, and
 * arguments must reach the runtime untouched, so that `validateInput` (not a second validator with
 * other messages) decides what is invalid, and an invalid call never sends a request.
 */
export function createConnectorMcpServer(options: ConnectorMcpServerOptions): { server: Server; connector: BaseConnector; toolCount: number } {
  const connector = createConnector(options.definition, options.connectorOptions);
  const tools = mcpToolsFor({ definition: options.definition, selection: options.selection });
  return { server: buildServer({ ...options, tools, connector }), connector, toolCount: tools.length };
}

/** A protocol server over one connector; several (one per HTTP request) may share the connector and its limits. */
export function buildServer(options: { definition: ConnectorDefinition; tools: McpActionTool[]; connector: BaseConnector; version?: string }): Server {
  const { definition, tools, connector } = options;
  const byName = new Map(tools.map((entry) => [entry.tool.name, entry]));
  const server = new Server(
    { name: `specwire-${definition.name}`, title: definition.display_name, version: options.version ?? '0.0.0' },
    { capabilities: { tools: {} }, instructions: definition.description || undefined },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.map((entry) => entry.tool) }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const entry = byName.get(request.params.name);
    if (!entry) {
      return { isError: true, content: [{ type: 'text' as const, text: `unknown tool "${request.params.name}"` }] };
    }
    const response = await connector.executeAction(entry.action.id, request.params.arguments ?? {}, { signal: extra.signal });
    return toolCallResult({ response, structured: entry.tool.outputSchema !== undefined });
  });
  return server;
}

/** Serves the connector over stdio until the client closes the stream; resolves once connected. */
export async function serveConnectorOverStdio(options: ConnectorMcpServerOptions): Promise<{ close: () => Promise<void>; toolCount: number }> {
  const { server, connector, toolCount } = createConnectorMcpServer(options);
  server.onclose = () => {
    void connector.destroy();
  };
  await server.connect(new StdioServerTransport());
  return { close: () => server.close(), toolCount };
}
