import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Per test: four Node processes loading TypeScript take a while on a busy machine. */
export const MULTI_PROCESS_TIMEOUT_MS = 120_000;

const RUNTIME_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs `count` copies of a worker script as separate Node processes (TypeScript through tsx), each
 * with its own Redis connection. They start together: each prints `ready`, and once all have, each
 * is told `go` on stdin, so their work overlaps. Resolves every worker's reported result, in order.
 * A worker that fails, or a run past `timeoutMs`, rejects with the workers' stderr (and the test fails).
 */
export async function runWorkers<T>(options: { script: string; count: number; config: object; timeoutMs?: number }): Promise<T[]> {
  const children: ChildProcess[] = [];
  const timeoutMs = options.timeoutMs ?? 100_000;
  try {
    const runs = Array.from({ length: options.count }, (_, index) => {
      const child = spawn(process.execPath, ['--conditions=@specwire/source', '--import', 'tsx', fileURLToPath(new URL(`workers/${options.script}`, import.meta.url))], {
        cwd: RUNTIME_ROOT,
        env: { ...process.env, SPECWIRE_WORKER_CONFIG: JSON.stringify({ ...options.config, index }) },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      children.push(child);
      return watch<T>(child);
    });
    const everything = (async () => {
      await Promise.all(runs.map((run) => run.ready));
      for (const child of children) child.stdin?.write('go\n');
      return Promise.all(runs.map((run) => run.result));
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`workers did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([everything, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    // Only the processes started here, each by its own handle.
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

function watch<T>(child: ChildProcess): { ready: Promise<void>; result: Promise<T> } {
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (/^ready$/m.test(stdout)) markReady();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const result = new Promise<T>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('result:'));
      if (code !== 0 || line === undefined) {
        reject(new Error(`worker exited with ${code}; stderr:\n${stderr.slice(-4000)}\nstdout:\n${stdout.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(line.slice('result:'.length)) as T);
    });
  });
  // A worker that dies before `ready` must not leave the others waiting for it.
  result.catch(() => markReady());
  return { ready, result };
}
