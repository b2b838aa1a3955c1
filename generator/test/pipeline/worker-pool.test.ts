import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runConnectorJob, type ConnectorJob } from '../../src/pipeline/connector-job.ts';
import { runJobsInWorkers } from '../../src/pipeline/worker-pool.ts';
import { isSpecwireError } from '../../src/errors/index.ts';
import { makeShopWorkspace } from './shop-spec.ts';

const small = makeShopWorkspace({ withRefund: false });
const large = makeShopWorkspace({ withRefund: true });
afterAll(() => {
  for (const root of [small, large]) rmSync(root, { recursive: true, force: true });
});

function job(root: string, name: string): ConnectorJob {
  const specFile = join(root, 'specs', 'shop.yaml');
  return { id: name, defaultName: name, specFile, specLabel: 'specs/shop.yaml', generatorVersion: '0.0.0', runtimeRange: 'workspace:*' };
}

describe('runJobsInWorkers', () => {
  it('returns, in job order, the same files as generating on the main thread', async () => {
    const jobs = [job(large, 'first'), job(small, 'second'), job(large, 'third')];
    const started: string[] = [];
    const inWorkers = await runJobsInWorkers({ jobs, size: 2, onStart: (started_) => started.push(started_.id) });
    expect(inWorkers.map((output) => output.name)).toEqual(['first', 'second', 'third']);
    expect(started.sort()).toEqual(['first', 'second', 'third']);
    const onMainThread = await runConnectorJob({ job: jobs[1]! });
    expect(inWorkers[1]!.files).toEqual(onMainThread.files);
    expect(inWorkers[0]!.actionCount).toBe(5);
  });

  it('rethrows a user error from a worker as a SpecwireError with its location', async () => {
    const broken = { ...job(small, 'broken'), specFile: join(small, 'specs', 'missing.yaml') };
    const failure = await runJobsInWorkers({ jobs: [broken, job(small, 'fine')], size: 2 }).catch((error: unknown) => error);
    expect(isSpecwireError(failure)).toBe(true);
    expect((failure as Error).message).toMatch(/missing\.yaml|no such file|cannot read/i);
  });
});
