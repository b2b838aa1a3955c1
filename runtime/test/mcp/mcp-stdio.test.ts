import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startRecordingServer, type RecordingServer } from '@specwire/runtime/testing';
import { definition as github } from '../../../generated/github/src/definition.gen.ts';
import { definition as petstore } from '../../../generated/petstore/src/definition.gen.ts';
import { connectToMcpCli } from './spawn-mcp-cli.ts';

const TOKEN = 'ghp_test-token-0123456789';

describe('specwire mcp github over stdio, driven by the SDK Client', () => {
  let api: RecordingServer;
  let session: Awaited<ReturnType<typeof connectToMcpCli>>;
  let client: Client;

  beforeAll(async () => {
    api = await startRecordingServer();
    session = await connectToMcpCli({
      connector: 'github',
      env: { SPECWIRE_GITHUB_ACCESS_TOKEN: TOKEN, SPECWIRE_GITHUB_BASE_URL: api.url },
    });
    client = session.client;
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await api?.close();
  });

  it('lists every curated action as a tool, with hints, and warns about the count on stderr', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(github.supported_actions.map((action) => action.id));
    expect(tools).toHaveLength(61);
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get('issues_get')?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: true });
    expect(byName.get('repos_delete_webhook')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
    expect(byName.get('issues_create')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false });
    expect(byName.get('issues_get')?.inputSchema.required).toEqual(['owner', 'repo', 'issue_number']);
    expect(byName.get('issues_get')?.outputSchema?.type).toBe('object');
    expect(session.stderr()).toContain('github offers 61 MCP tools');
  });

  it('a list call sends its path, query and the credential from the environment', async () => {
    api.respondWith(() => ({ json: [{ number: 7, title: 'Broken' }] }));
    const before = api.requests.length;
    const result = await client.callTool({ name: 'issues_list_for_repo', arguments: { owner: 'octo', repo: 'hello', state: 'closed', per_page: 5 } });
    expect(result.isError).toBeFalsy();
    expect(api.requests.length).toBe(before + 1);
    const sent = api.requests.at(-1)!;
    expect(sent.method).toBe('GET');
    expect(sent.pathname).toBe('/repos/octo/hello/issues');
    expect(sent.query).toMatchObject({ state: ['closed'], per_page: ['5'] });
    expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(textOf(result))).toEqual([{ number: 7, title: 'Broken' }]);
  });

  it('a PATCH sends its JSON body; a DELETE answered 204 is a success', async () => {
    api.respondWith((request) => (request.method === 'DELETE' ? { status: 204, body: '' } : { json: { number: 3, title: 'Renamed' } }));
    const updated = await client.callTool({ name: 'issues_update', arguments: { owner: 'octo', repo: 'hello', issue_number: 3, title: 'Renamed', state: 'closed' } });
    expect(updated.isError).toBeFalsy();
    const patch = api.requests.at(-1)!;
    expect(patch.method).toBe('PATCH');
    expect(patch.pathname).toBe('/repos/octo/hello/issues/3');
    expect(JSON.parse(patch.body.toString('utf8'))).toEqual({ title: 'Renamed', state: 'closed' });

    const deleted = await client.callTool({ name: 'repos_delete_webhook', arguments: { owner: 'octo', repo: 'hello', hook_id: 42 } });
    expect(deleted.isError).toBeFalsy();
    expect(api.requests.at(-1)).toMatchObject({ method: 'DELETE', pathname: '/repos/octo/hello/hooks/42' });
  });

  it('an HTTP failure is a tool error with the status, never the token', async () => {
    api.respondWith(() => ({ status: 404, json: { message: 'Not Found' } }));
    const result = await client.callTool({ name: 'users_get_by_username', arguments: { username: 'ghost' } });
    expect(result.isError).toBe(true);
    expect(api.requests.at(-1)).toMatchObject({ method: 'GET', pathname: '/users/ghost' });
    expect(textOf(result)).toContain('HTTP 404');
    expect(textOf(result)).not.toContain(TOKEN);
  });

  it('invalid arguments return the runtime\'s validation message as a tool error and send nothing', async () => {
    const before = api.requests.length;
    const wrongType = await client.callTool({ name: 'issues_get', arguments: { owner: 'octo', repo: 'hello', issue_number: 'seven' } });
    expect(wrongType.isError).toBe(true);
    expect(textOf(wrongType)).toMatch(/^VALIDATION_ERROR: input\.issue_number: expected/);
    const missing = await client.callTool({ name: 'issues_get', arguments: { owner: 'octo' } });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain('input.repo: is required');
    const unknown = await client.callTool({ name: 'issues_get', arguments: { owner: 'octo', repo: 'hello', issue_number: 1, color: 'red' } });
    expect(textOf(unknown)).toContain('input.color: is not a known input field');
    expect(api.requests.length).toBe(before);
  });
});

describe('specwire mcp petstore: a tool with an output schema returns structured content', () => {
  it('get_pet_by_id declares the Pet schema and returns the body as structuredContent', async () => {
    const api = await startRecordingServer(() => ({ json: { id: 5, name: 'Rex', photoUrls: ['https://example.com/rex.png'], status: 'available' } }));
    const session = await connectToMcpCli({ connector: 'petstore', env: { SPECWIRE_PETSTORE_BASE_URL: api.url, SPECWIRE_PETSTORE_API_KEY: 'special-key' } });
    try {
      const { tools } = await session.client.listTools();
      expect(tools).toHaveLength(petstore.supported_actions.length);
      expect(tools.find((tool) => tool.name === 'get_pet_by_id')?.outputSchema?.required).toEqual(['name', 'photoUrls']);
      const result = await session.client.callTool({ name: 'get_pet_by_id', arguments: { petId: 5 } });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toEqual({ id: 5, name: 'Rex', photoUrls: ['https://example.com/rex.png'], status: 'available' });
      expect(api.requests).toHaveLength(1);
      expect(api.requests[0]).toMatchObject({ method: 'GET', pathname: '/pet/5' });
    } finally {
      await session.close();
      await api.close();
    }
  }, 120_000);
});

function textOf(result: Awaited<ReturnType<Client['callTool']>>): string {
  const content = result.content as Array<{ type: string; text?: string }>;
  return content.map((part) => part.text ?? '').join('\n');
}
