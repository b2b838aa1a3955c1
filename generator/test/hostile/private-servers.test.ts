/**
 * A spec's own `servers` (or Swagger `host`) must not point a connector at cloud metadata, this
 * machine or a private network: such servers are skipped with a warning, exactly as a base URL in
 * an override file is refused, unless `servers.allow_private_base_url: true` says it is meant.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOverrides } from '../../src/override/index.ts';
import { generateConnector } from '../../src/pipeline/generate-connector.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';

const scratch = mkdtempSync(join(tmpdir(), 'specwire-private-servers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;

async function generate(options: { spec: string; overrides?: string }) {
  const file = join(scratch, `spec-${counter++}.yaml`);
  writeFileSync(file, options.spec);
  const overrides = options.overrides === undefined ? undefined : parseOverrides({ file: join(scratch, 'o.yaml'), text: options.overrides });
  const result = await generateConnector({
    specFile: file,
    specLabel: 'spec.yaml',
    overrides,
    defaultName: 'servers',
    runtimeRange: '^0.1.0',
    generatorVersion: '0.1.0',
    timings: new StageTimings(),
  });
  return { endpoints: result.plan.definition.endpoints, actions: result.plan.definition.supported_actions, warnings: result.warnings };
}

const oas3 = (servers: string[], operationServers: string[] = []) => `openapi: 3.0.3
info: { title: Servers, version: '1' }
servers:
${servers.map((url) => `  - url: ${JSON.stringify(url)}`).join('\n') || '  []'}
paths:
  /things:
    get:
      operationId: listThings
${operationServers.length > 0 ? `      servers:\n${operationServers.map((url) => `        - url: ${JSON.stringify(url)}`).join('\n')}\n` : ''}      responses: { '200': { description: ok } }
`;

const PRIVATE = [
  'http://169.254.169.254/latest',
  'http://127.0.0.1:8080',
  'http://[::1]:8080',
  'http://10.1.2.3/api',
  'http://2130706433/',
  'http://localhost:3000',
  'http://metadata.google.internal/',
];

describe('private spec servers', () => {
  it.each(PRIVATE)('skips %s with a warning and uses the next public server', async (url) => {
    const { endpoints, warnings } = await generate({ spec: oas3([url, 'https://api.example.com/v1']) });
    expect(endpoints.base_url).toBe('https://api.example.com/v1');
    expect(endpoints.servers.map((server) => server.url)).toEqual(['https://api.example.com/v1']);
    expect(warnings).toContainEqual(expect.objectContaining({ pointer: '/servers/0', message: expect.stringMatching(/server .* skipped/) }));
  });

  it('leaves no base URL when every server is private (the host must pass one at run time)', async () => {
    const { endpoints, warnings } = await generate({ spec: oas3(['http://169.254.169.254/', 'http://192.168.0.10/']) });
    expect(endpoints).toEqual({ base_url: '', servers: [] });
    expect(warnings.filter((warning) => /skipped/.test(warning.message))).toHaveLength(2);
  });

  it('resolves a server variable default before judging the host', async () => {
    const spec = oas3(['http://{host}:8108']).replace('"http://{host}:8108"', '"http://{host}:8108"\n    variables: { host: { default: localhost } }');
    const { endpoints } = await generate({ spec });
    expect(endpoints.base_url).toBe('');
  });

  it('skips a Swagger 2.0 host on a metadata address', async () => {
    const spec = `swagger: '2.0'
info: { title: S, version: '1' }
host: 169.254.169.254
basePath: /latest
schemes: [http]
paths:
  /meta:
    get: { operationId: meta, responses: { '200': { description: ok } } }
`;
    const { endpoints, warnings } = await generate({ spec });
    expect(endpoints.base_url).toBe('');
    expect(warnings.some((warning) => /169\.254\.169\.254/.test(warning.message))).toBe(true);
  });

  it('ignores a private operation-level server: the action uses the connector base URL', async () => {
    const { actions, warnings } = await generate({ spec: oas3(['https://api.example.com'], ['http://169.254.169.254/']) });
    expect(actions[0]?.api.baseUrl).toBeUndefined();
    expect(warnings.some((warning) => warning.pointer.endsWith('/servers/0') && /skipped/.test(warning.message))).toBe(true);
  });

  it('keeps private servers when the override file allows them', async () => {
    const { endpoints, actions } = await generate({
      spec: oas3(['http://127.0.0.1:8080/v1'], ['http://127.0.0.1:9090/']),
      overrides: 'servers:\n  allow_private_base_url: true\n',
    });
    expect(endpoints.base_url).toBe('http://127.0.0.1:8080/v1');
    expect(actions[0]?.api.baseUrl).toBe('http://127.0.0.1:9090');
  });

  it('keeps relative and public servers untouched', async () => {
    const { endpoints, warnings } = await generate({ spec: oas3(['/api/v3', 'https://eu.example.com']) });
    expect(endpoints.servers.map((server) => server.url)).toEqual(['/api/v3', 'https://eu.example.com']);
    expect(warnings).toEqual([]);
  });
});
