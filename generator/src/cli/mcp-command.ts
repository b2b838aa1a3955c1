import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectorDefinition } from '@specwire/runtime';
import { readGeneratedDefinition } from '../diff/read-definitions.ts';
import { SpecwireError } from '../errors/index.ts';
import { findWorkspaceRoot, readGeneratorVersion } from '../pipeline/workspace.ts';
import { readMcpSelection } from './mcp-selection.ts';

export interface McpOptions {
  /** Print the environment variables the connector reads, then exit. */
  env?: boolean;
  /** Override file whose `mcp:` section curates the tools; default `overrides/<connector>.yaml` when present. */
  overrides?: string;
  /** Serve Streamable HTTP on this 127.0.0.1 port (0: any free port) instead of stdio. */
  http?: number;
}

/**
 * `specwire mcp <connector>`: serves a generated connector of the workspace as an MCP server over
 * stdio, or Streamable HTTP on loopback with `--http`. The definition is read as data from `generated/<name>/src/definition.gen.ts` (never run),
 * so the compiled CLI needs no TypeScript loader. Stdout belongs to the protocol: every human
 * message goes to stderr.
 */
export async function runMcp(connectorName: string, options: McpOptions): Promise<void> {
  const root = findWorkspaceRoot();
  if (!root) throw new SpecwireError('not inside a specwire workspace (no pnpm-workspace.yaml above this folder)');
  const definition = await readWorkspaceDefinition({ root, connectorName });
  const selection = await readMcpSelection({ root, definition, overridesFile: options.overrides });
  const mcp = await import('@specwire/runtime/mcp');
  if (options.env) {
    for (const variable of mcp.connectorVariables(definition)) {
      process.stdout.write(`${variable.name}${variable.required ? ' (required)' : ''}: ${variable.description}\n`);
    }
    return;
  }
  const settings = mcp.connectorSettingsFromEnvironment({ definition, env: process.env });
  const serveOptions = { definition, connectorOptions: settings, selection, version: await readGeneratorVersion() };
  let where = 'on stdio';
  let toolCount: number;
  if (options.http !== undefined) {
    const served = await mcp.serveConnectorOverHttp({ ...serveOptions, port: options.http });
    ({ toolCount } = served);
    where = `at ${served.url}`;
  } else {
    ({ toolCount } = await mcp.serveConnectorOverStdio(serveOptions));
  }
  const warning = mcp.manyToolsWarning({ connector: connectorName, count: toolCount });
  if (warning) process.stderr.write(`warning: ${warning}\n`);
  const curated = selection ? ` (curated by ${selection.file})` : '';
  const baseUrl = settings.baseUrl ? ` (base URL from ${mcp.environmentPrefix(definition.name)}BASE_URL)` : '';
  process.stderr.write(`specwire mcp: ${connectorName}, ${toolCount} tools${curated}, ${where}${baseUrl}\n`);
}

async function readWorkspaceDefinition(options: { root: string; connectorName: string }): Promise<ConnectorDefinition> {
  const { root, connectorName } = options;
  const available = workspaceConnectors(root);
  // The name becomes a path: only a listed connector folder is ever read.
  if (!available.includes(connectorName)) {
    throw new SpecwireError(`no generated connector "${connectorName}" (have: ${available.join(', ') || 'none'}); run \`pnpm generate\` first`);
  }
  return readGeneratedDefinition({ root, name: connectorName });
}

function workspaceConnectors(root: string): string[] {
  const generated = join(root, 'generated');
  if (!existsSync(generated)) return [];
  return readdirSync(generated, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(generated, entry.name, 'src', 'definition.gen.ts')))
    .map((entry) => entry.name)
    .sort();
}
