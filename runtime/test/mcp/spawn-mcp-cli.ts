import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

export const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Node arguments that run `specwire mcp` from the CLI's sources; the connector name follows. */
export const MCP_CLI = ['--import', 'tsx', '--conditions=@specwire/source', 'generator/src/cli/main.ts', 'mcp'];

/**
 * Starts `specwire mcp <connector>` as a child process (the CLI from its TypeScript sources, as the
 * workspace's tests run every package) and connects the SDK's own `Client` to it over stdio.
 */
export async function connectToMcpCli(options: { connector: string; env: Record<string, string>; args?: string[] }): Promise<{ client: Client; stderr: () => string; close: () => Promise<void> }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [...MCP_CLI, options.connector, ...(options.args ?? [])],
    cwd: workspaceRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const client = new Client({ name: 'specwire-test', version: '0.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}
