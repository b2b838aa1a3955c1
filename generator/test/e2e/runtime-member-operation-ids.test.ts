/**
 * No operationId can collide with the runtime. A spec whose operationIds are every name a connector
 * answers to (derived from the runtime: own names, the whole prototype chain, `then`) plus the
 * former internals that used to be shadowed, generated through the whole pipeline: the package
 * typechecks against the real runtime, every action runs against a server on 127.0.0.1, the host
 * lifecycle still works, and `await connector` settles (a connector is never thenable).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '@specwire/runtime/testing';
import type { BaseConnector, ConnectorResponse } from '@specwire/runtime';
import { generateConnector, type GeneratedConnector } from '../../src/pipeline/generate-connector.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';
import { linkRealRuntime, linkWorkspaceTooling, makeTempDir, removeTempDir, typecheck, writeEmittedFiles } from '../emit/emitted-package.ts';
import { runtimeMemberNames } from '../support/runtime-member-names.ts';

/** Names from the report that shadowed `BaseConnector` members before its internals became `#private`. */
const FORMER_COLLISIONS = ['then', 'use', 'run', 'send', 'exchange', 'record', 'success', 'failure', 'oauth2', 'redactor', 'fetchPage'];

const operationIds = [...new Set([...runtimeMemberNames(), ...FORMER_COLLISIONS])];

function specWithOperationIds(ids: readonly string[]): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Members', version: '1.0.0' },
    servers: [{ url: 'https://api.members.invalid' }],
    paths: Object.fromEntries(
      ids.map((operationId, index) => [
        `/ops/${index}`,
        {
          get: {
            operationId,
            responses: {
              '200': {
                description: 'OK',
                content: { 'application/json': { schema: { type: 'object', properties: { index: { type: 'integer' } } } } },
              },
            },
          },
        },
      ]),
    ),
  };
}

type ActionMethod = (input: object) => Promise<ConnectorResponse<unknown>>;

let dir: string;
let server: RecordingServer;
let generated: GeneratedConnector;
let connectorClass: new (options: object) => BaseConnector;

beforeAll(async () => {
  dir = await makeTempDir('members');
  const specFile = join(dir, 'members.json');
  await writeFile(specFile, JSON.stringify(specWithOperationIds(operationIds)));
  generated = await generateConnector({
    specFile,
    specLabel: 'members.json',
    defaultName: 'members',
    runtimeRange: 'workspace:*',
    generatorVersion: '0.1.0',
    timings: new StageTimings(),
  });
  const packageDir = join(dir, 'package');
  await writeEmittedFiles({ dir: packageDir, files: generated.files });
  await linkWorkspaceTooling(packageDir);
  await linkRealRuntime(packageDir);
  dir = packageDir;
  server = await startRecordingServer((request) => ({ json: { index: Number(request.pathname.split('/').pop()) } }));
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dir) await removeTempDir(join(dir, '..'));
});

describe('operationIds named like runtime members', () => {
  it('plans one action per operationId, and no method takes a name the runtime answers to', () => {
    expect(generated.plan.actions).toHaveLength(operationIds.length);
    const runtimeNames = new Set(runtimeMemberNames());
    const clashing = generated.plan.actions.map((action) => action.methodName).filter((name) => runtimeNames.has(name));
    expect(clashing).toEqual([]);
    // The former internals are ordinary method names now; the public API gets a suffix.
    const methodOf = new Map(generated.plan.actions.map((action) => [action.actionId, action.methodName]));
    expect(methodOf.get('send')).toBe('send');
    expect(methodOf.get('fetch_page')).toBe('fetchPage');
    expect(methodOf.get('then')).toBe('thenAction');
    expect(methodOf.get('execute_action')).toBe('executeActionAction');
  });

  it('typechecks with the real runtime', async () => {
    const result = await typecheck(dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);

  it('runs every action against 127.0.0.1 and keeps the host lifecycle working', async () => {
    const loaded = (await import(pathToFileURL(join(dir, 'src', 'index.ts')).href)) as Record<string, unknown>;
    connectorClass = loaded[generated.plan.className] as typeof connectorClass;
    const connector = new connectorClass({ baseUrl: server.url });
    expect(await connector.testConnection()).toMatchObject({ success: false, status: 'unverified', error: { code: 'CONNECTION_UNVERIFIED' } });

    const failures: string[] = [];
    for (const [index, action] of generated.plan.actions.entries()) {
      const method = (connector as unknown as Record<string, ActionMethod>)[action.methodName]!;
      const response = await method.call(connector, {});
      const pathIndex = Number(generated.plan.definition.supported_actions[index]!.api.endpoint.split('/').pop());
      if (!response.success || (response.data as { index?: number }).index !== pathIndex) {
        failures.push(`${action.methodName}: ${JSON.stringify(response.error ?? response.data)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(server.requests).toHaveLength(generated.plan.actions.length);
    expect(connector.getUsageStats()).toMatchObject({ requests: generated.plan.actions.length, failures: 0 });
    expect((await connector.executeAction(generated.plan.actions[0]!.actionId, {})).success).toBe(true);
    expect(connector.getMetadata().actions).toHaveLength(generated.plan.actions.length);
    expect((await connector.getHealthStatus()).status).toBe('healthy');
    await connector.destroy();
  }, 60_000);

  it('is not thenable: awaiting a connector settles with the connector itself', async () => {
    const connector = new connectorClass({ baseUrl: server.url });
    expect((connector as unknown as { then?: unknown }).then).toBeUndefined();
    const settled = await Promise.race([
      (async () => await connector)(),
      new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 2_000)),
    ]);
    expect(settled).toBe(connector);
  });
});
