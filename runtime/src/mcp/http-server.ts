import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createConnector } from '../connector/create-connector.ts';
import type { BaseConnector } from '../connector/base-connector.ts';
import { buildServer, type ConnectorMcpServerOptions } from './mcp-server.ts';
import { mcpToolsFor, type McpActionTool } from './mcp-tools.ts';

/** The one path the HTTP server answers on. */
export const MCP_HTTP_PATH = '/mcp';

/**
 * Serves the connector over Streamable HTTP at `http://127.0.0.1:<port>/mcp`, stateless: each POST
 * gets its own protocol server, all sharing one connector (so rate limits and tokens are shared).
 * It listens on loopback only and checks the Host header, because the tools act with the
 * credentials of whoever started it: a web page must not reach it through DNS rebinding.
 */
export async function serveConnectorOverHttp(options: ConnectorMcpServerOptions & { port: number }): Promise<{ url: string; toolCount: number; close: () => Promise<void> }> {
  const connector = createConnector(options.definition, options.connectorOptions);
  const tools = mcpToolsFor({ definition: options.definition, selection: options.selection });
  let allowedHosts: string[] = [];
  const http = createServer((req, res) => {
    void answer({ req, res, options, tools, connector, allowedHosts });
  });
  // Node closes an idle keep-alive socket after 5 s. A client whose event loop is busy longer than
  // that (the SDK Client compiles every tool's output schema after tools/list: seconds for GitHub's
  // 61 tools) sees the close only when it next writes on that socket, and its POST fails with
  // "other side closed". One local client: idle sockets may stay open for a minute.
  http.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `http://127.0.0.1:${port}${MCP_HTTP_PATH}`,
    toolCount: tools.length,
    close: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await connector.destroy();
    },
  };
}

async function answer(options: {
  req: IncomingMessage;
  res: ServerResponse;
  options: ConnectorMcpServerOptions;
  tools: McpActionTool[];
  connector: BaseConnector;
  allowedHosts: string[];
}): Promise<void> {
  const { req, res } = options;
  if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== MCP_HTTP_PATH) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: the MCP endpoint is ${MCP_HTTP_PATH}\n`);
    return;
  }
  const server = buildServer({ definition: options.options.definition, tools: options.tools, connector: options.connector, version: options.options.version });
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    enableDnsRebindingProtection: true,
    allowedHosts: options.allowedHosts,
  });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  try {
    await server.connect(transport);
    await transport.handleRequest(req, res);
  } catch (error) {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(`internal error: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown'}\n`);
  }
}
