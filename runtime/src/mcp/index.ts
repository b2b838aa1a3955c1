export { buildServer, createConnectorMcpServer, serveConnectorOverStdio, type ConnectorMcpServerOptions } from './mcp-server.ts';
export { serveConnectorOverHttp, MCP_HTTP_PATH } from './http-server.ts';
export { mcpToolsFor, manyToolsWarning, MANY_TOOLS_WARNING_THRESHOLD, type McpActionTool, type McpToolSelection } from './mcp-tools.ts';
export { mcpOutputSchema } from './output-schema.ts';
export { connectorSettingsFromEnvironment, connectorVariables, environmentPrefix, upperSnake, type ConnectorVariable } from './environment.ts';
export { toolCallResult, type ToolCallResult } from './tool-result.ts';
