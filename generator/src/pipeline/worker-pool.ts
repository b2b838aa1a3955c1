import { Worker } from 'node:worker_threads';
import { SpecwireError, type ErrorLocation } from '../errors/index.ts';
import type { ConnectorJob, ConnectorOutput } from './connector-job.ts';

type WorkerReply =
  | { ok: true; output: ConnectorOutput }
  | { ok: false; message: string; location?: ErrorLocation; stack?: string };

export interface JobEvents {
  onStart?: (job: ConnectorJob) => void;
  onDone?: (job: ConnectorJob, output: ConnectorOutput) => void;
}

/**
 * Runs jobs on `size` worker threads, each taking the next job when it is free. Results come back in
 * the order of `jobs`, whatever order they finish in, so output never depends on scheduling. The
 * first failure stops the pool and is rethrown (a SpecwireError stays one).
 */
export async function runJobsInWorkers(options: { jobs: ConnectorJob[]; size: number } & JobEvents): Promise<ConnectorOutput[]> {
  const { jobs } = options;
  const results = new Array<ConnectorOutput>(jobs.length);
  let next = 0;
  const workers: Worker[] = [];
  const runLane = async (): Promise<void> => {
    const worker = createWorker();
    workers.push(worker);
    while (next < jobs.length) {
      const index = next;
      next += 1;
      const job = jobs[index]!;
      options.onStart?.(job);
      const output = await runOnWorker({ worker, job });
      results[index] = output;
      options.onDone?.(job, output);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.size, jobs.length) }, runLane));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

function runOnWorker(options: { worker: Worker; job: ConnectorJob }): Promise<ConnectorOutput> {
  const { worker, job } = options;
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    const onMessage = (reply: WorkerReply): void => {
      cleanup();
      if (reply.ok) resolve(reply.output);
      else if (reply.location) reject(new SpecwireError(reply.message, reply.location));
      else reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(job);
  });
}

/**
 * The worker runs the same source as this thread. Under tsx (TypeScript sources), a worker does not
 * inherit the loader, so a one-line bootstrap registers tsx's ESM hooks in it before importing.
 */
function createWorker(): Worker {
  const script = new URL(`./generate-connector-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!script.pathname.endsWith('.ts')) return new Worker(script);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}
