import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Port of the redis-server started for this run, or null when none could be started. */
    redisPort: number | null;
    /** Why there is no redis-server, when there is none. */
    redisProblem: string | null;
  }
}

let child: ChildProcess | undefined;

/**
 * Starts a throwaway `redis-server` on 127.0.0.1 (free port, no persistence) for the Redis store
 * tests, and stops it afterwards. A missing binary is not an error here: the Redis test file fails
 * on it (or skips, with SPECWIRE_SKIP_REDIS=1), so unrelated test runs still work.
 */
export async function setup(project: TestProject): Promise<void> {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    project.provide('redisPort', null);
    project.provide('redisProblem', 'redis-server is not installed (apt-get install -y redis-server)');
    return;
  }
  const port = await freePort();
  child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const ready = await waitForPort(port);
  project.provide('redisPort', ready ? port : null);
  project.provide('redisProblem', ready ? null : `redis-server did not start on 127.0.0.1:${port}`);
}

export async function teardown(): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child?.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number): Promise<boolean> {
  for (let tries = 0; tries < 100; tries++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.end(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
