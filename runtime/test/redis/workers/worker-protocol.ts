import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';

/** What every worker is given: the test's settings plus its own index. */
export function workerConfig<T>(): T & { index: number; redisPort: number } {
  const raw = process.env.SPECWIRE_WORKER_CONFIG;
  if (raw === undefined) throw new Error('SPECWIRE_WORKER_CONFIG is not set (this script is started by runWorkers)');
  return JSON.parse(raw) as T & { index: number; redisPort: number };
}

export function connectRedis(port: number): Redis {
  return new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1 });
}

/** Says `ready`, then waits for `go` on stdin, so that every worker starts its work at once. */
export async function readyThenGo(): Promise<void> {
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === 'go') break;
  }
  lines.close();
  // The parent keeps the pipe open: let go of stdin, or the process would never exit.
  process.stdin.destroy();
}

export function report(value: unknown): void {
  process.stdout.write(`result:${JSON.stringify(value)}\n`);
}
