import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToMcpCli, MCP_CLI, workspaceRoot } from './spawn-mcp-cli.ts';

const run = promisify(execFile);

describe('specwire mcp: the mcp section of an override file curates the tools', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'specwire-mcp-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('offers only the listed actions, in that order, under the curated names, without the many-tools warning', async () => {
    const file = join(folder, 'curated.yaml');
    await writeFile(file, 'mcp:\n  actions: [issues_get, issues_create, repos_delete_webhook]\n  names:\n    issues_get: get_issue\n');
    const session = await connectToMcpCli({ connector: 'github', env: {}, args: ['--overrides', file] });
    try {
      const { tools } = await session.client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['get_issue', 'issues_create', 'repos_delete_webhook']);
      expect(tools[0]?.annotations?.readOnlyHint).toBe(true);
      expect(session.stderr()).toContain('3 tools (curated by');
      expect(session.stderr()).not.toContain('warning');
    } finally {
      await session.close();
    }
  }, 120_000);

  it('an id that names no action stops the server with one error at the key, with a suggestion', async () => {
    const file = join(folder, 'misspelt.yaml');
    await writeFile(file, 'mcp:\n  actions:\n    - issues_gte\n');
    const failure = await run(process.execPath, [...MCP_CLI, 'github', '--overrides', file], { cwd: workspaceRoot }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/mcp\.actions: "issues_gte" is not an action of github \(did you mean "issues_get"\?\)/);
    expect(failure?.stderr).toContain(':3:');
  }, 120_000);

  it('two tools given one name are refused', async () => {
    const file = join(folder, 'clash.yaml');
    await writeFile(file, 'mcp:\n  names:\n    issues_get: issues_create\n');
    const failure = await run(process.execPath, [...MCP_CLI, 'github', '--overrides', file], { cwd: workspaceRoot }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('mcp.names: "issues_create" would name two tools');
  }, 120_000);

  it('--env lists the variables of the documented convention', async () => {
    const { stdout } = await run(process.execPath, [...MCP_CLI, 'petstore', '--env'], { cwd: workspaceRoot });
    expect(stdout.split('\n').filter(Boolean).map((line) => line.split(/[ :]/)[0])).toEqual(['SPECWIRE_PETSTORE_API_KEY', 'SPECWIRE_PETSTORE_BASE_URL']);
    expect(stdout).toContain('SPECWIRE_PETSTORE_API_KEY (required)');
  }, 120_000);
});
