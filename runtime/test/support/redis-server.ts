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

/** Set (to 1) where redis-server is installed on purpose (CI): the Redis tests then fail rather than skip. */
export const REQUIRE_REDIS_VARIABLE = 'SPECWIRE_REQUIRE_REDIS';
export const REDIS_NOT_FOUND = 'redis-server not found on PATH';
export const REDIS_SKIP_LINE = `skipped: ${REDIS_NOT_FOUND}; set ${REQUIRE_REDIS_VARIABLE}=1 to make these tests required`;

let child: ChildProcess | undefined;

/**
 * Vitest global setup: finds `redis-server` on PATH and starts a throwaway one on 127.0.0.1 (free
 * port, no persistence) for the Redis store tests, stopping it afterwards. Without the binary the
 * run goes on: the Redis tests skip (see redis-suite.ts) and one line here says why, unless
 * SPECWIRE_REQUIRE_REDIS=1 makes them required.
 */
export async function setup(project: TestProject): Promise<void> {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    if (process.env[REQUIRE_REDIS_VARIABLE] === '1') {
      throw new Error(`${REDIS_NOT_FOUND}, and ${REQUIRE_REDIS_VARIABLE}=1 requires the Redis tests (apt-get install -y redis-server)`);
    }
    console.log(REDIS_SKIP_LINE);
    project.provide('redisPort', null);
    project.provide('redisProblem', REDIS_NOT_FOUND);
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
