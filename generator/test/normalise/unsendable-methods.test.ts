import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/pipeline/generate-connector.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';

/** fetch throws on TRACE before sending anything, so such an action could never run. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'specwire-unsendable-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('operations with a method the runtime cannot send', () => {
  it('are excluded with a warning and a coverage line; the other methods of the path stay', async () => {
    const file = join(dir, 'echo.json');
    const ok = { '200': { description: 'ok' } };
    await writeFile(
      file,
      JSON.stringify({
        openapi: '3.0.0',
        info: { title: 'echo', version: '1' },
        servers: [{ url: 'https://api.example.com' }],
        paths: { '/anything': { get: { operationId: 'getAnything', responses: ok }, trace: { operationId: 'traceAnything', responses: ok } } },
      }),
    );
    const generated = await generateConnector({ specFile: file, specLabel: 'echo.json', defaultName: 'echo', runtimeRange: 'workspace:*', generatorVersion: '0.0.0', timings: new StageTimings() });
    expect(generated.plan.definition.supported_actions.map((action) => action.api.method)).toEqual(['GET']);
    const warning = generated.warnings.find((item) => item.effect === 'excluded');
    expect(warning).toMatchObject({ pointer: '/paths/~1anything/trace' });
    expect(warning?.message).toContain('TRACE cannot be sent by fetch');
    const coverage = generated.files.find((item) => item.path === 'coverage.md')?.contents ?? '';
    expect(coverage).toMatch(/\| `traceAnything` \| `TRACE \/anything` \| excluded: `[^`]*TRACE cannot be sent by fetch/);
    await expect(fetch('http://127.0.0.1:9/', { method: 'TRACE' })).rejects.toThrow(/TRACE/);
  });
});
