import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startRecordingServer, type RecordingServer } from '@specwire/runtime/testing';
import { MCP_CLI, workspaceRoot } from './spawn-mcp-cli.ts';

describe('specwire mcp --http: Streamable HTTP on 127.0.0.1', () => {
  let api: RecordingServer;
  let child: ChildProcess;
  let url: string;

  beforeAll(async () => {
    api = await startRecordingServer(() => ({ json: [{ name: 'main' }] }));
    child = spawn(process.execPath, [...MCP_CLI, 'github', '--http', '0'], {
      cwd: workspaceRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SPECWIRE_GITHUB_ACCESS_TOKEN: 'ghp_http', SPECWIRE_GITHUB_BASE_URL: api.url },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const found = /at (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr);
        if (found) resolve(found[1]!);
      });
      child.once('exit', (code) => reject(new Error(`specwire mcp exited (${code}): ${stderr}`)));
    });
  }, 120_000);

  afterAll(async () => {
    child?.kill();
    await api?.close();
  });

  it('lists the tools and runs a call through the SDK Client', async () => {
    const client = new Client({ name: 'specwire-test', version: '0.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    try {
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(61);
      const result = await client.callTool({ name: 'repos_list_branches', arguments: { owner: 'octo', repo: 'hello', protected: true } });
      expect(result.isError).toBeFalsy();
      expect(api.requests.at(-1)).toMatchObject({ method: 'GET', pathname: '/repos/octo/hello/branches', query: { protected: ['true'] } });
      expect(api.requests.at(-1)?.headers.authorization).toBe('Bearer ghp_http');
    } finally {
      await client.close();
    }
  });

  it('refuses a request whose Host is not the loopback address it listens on (DNS rebinding)', async () => {
    const port = new URL(url).port;
    expect(await initializeWithHost({ url, host: `attacker.example:${port}` })).toBe(403);
    expect(await initializeWithHost({ url, host: `127.0.0.1:${port}` })).toBe(200);
    expect((await fetch(url.replace('/mcp', '/other'))).status).toBe(404);
  });

  it('keeps an idle connection open past 5 s, so a client busy that long can still send on it', async () => {
    // The SDK Client compiles every output schema after tools/list (seconds for 61 tools); a server
    // that closed idle sockets at Node's default 5 s made its next POST fail with "other side closed".
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await initializeWithHost({ url, host: new URL(url).host, agent })).toEqual({ status: 200, reused: false });
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await initializeWithHost({ url, host: new URL(url).host, agent })).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 30_000);
});

/** An initialize POST with the given Host header (fetch may not set Host, so node:http writes it). */
function initializeWithHost(options: { url: string; host: string; agent: Agent }): Promise<{ status: number | undefined; reused: boolean }>;
function initializeWithHost(options: { url: string; host: string }): Promise<number | undefined>;
function initializeWithHost(options: { url: string; host: string; agent?: Agent }): Promise<number | undefined | { status: number | undefined; reused: boolean }> {
  const target = new URL(options.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { host: options.host, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        ...(options.agent ? { agent: options.agent } : {}),
      },
      (response) => {
        response.resume();
        if (!options.agent) {
          resolve(response.statusCode);
          return;
        }
        // With an agent: once the answer is read, whether it came on a socket kept from before.
        response.once('end', () => resolve({ status: response.statusCode, reused: request.reusedSocket }));
      },
    );
    request.once('error', reject);
    request.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }));
  });
}
