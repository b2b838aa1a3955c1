/**
 * Load test (a benchmark, not run in CI): 10,000 executeAction calls across 4 processes against a
 * loopback API that allows 100 requests per second (429 beyond) and fails 5 % with 503. The
 * processes share one rate limit through RedisRateLimitStore on a throwaway redis-server.
 *
 *   pnpm bench:load [calls=10000] [processes=4]
 *
 * Prints a Markdown table: requests sent against the limit, 429s, retries, p50/p99 latency, memory
 * at the end, and whether every call resolved exactly once. Bounded: the run is stopped (and the
 * processes killed) after 5 minutes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startLimitedServer } from './limited-server.ts';
import { startRedis } from './redis-process.ts';
import type { WorkerConfig, WorkerReport } from './worker.ts';

const [calls = 10_000, processes = 4] = process.argv.slice(2).map(Number);
const SERVER_LIMIT_PER_SECOND = 100;
/** The definition's limit sits a little under the server's, with a small burst, as a connector author would set it. */
const CLIENT_LIMIT_PER_SECOND = 90;
const CLIENT_BURST = 10;
const CONCURRENCY_PER_PROCESS = 16;
const RUN_LIMIT_MS = 5 * 60_000;

const redis = await startRedis();
if ('problem' in redis) {
  console.error(`bench:load needs Redis: ${redis.problem}`);
  process.exit(1);
}
const api = await startLimitedServer({ limit: SERVER_LIMIT_PER_SECOND, windowMs: 1000, failureRate: 0.05 });
const children: ChildProcess[] = [];
const stopAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  redis.stop();
};
const watchdog = setTimeout(() => {
  console.error(`bench:load stopped after ${RUN_LIMIT_MS / 1000} s`);
  stopAll();
  process.exit(1);
}, RUN_LIMIT_MS);

const perProcess = Math.ceil(calls / processes);
const runs = Array.from({ length: processes }, (_, index) => {
  const config: WorkerConfig = {
    index,
    redisPort: redis.port,
    baseUrl: api.url,
    calls: Math.min(perProcess, calls - index * perProcess),
    concurrency: CONCURRENCY_PER_PROCESS,
    requestsPerSecond: CLIENT_LIMIT_PER_SECOND,
    burst: CLIENT_BURST,
  };
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('worker.ts', import.meta.url))], {
    env: { ...process.env, SPECWIRE_LOAD_WORKER: JSON.stringify(config) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  return collect(child);
});

await Promise.all(runs.map((run) => run.ready));
const loadAtStart = loadavg()[0] ?? 0;
const started = performance.now();
for (const child of children) child.stdin?.write('go\n');
const reports = await Promise.all(runs.map((run) => run.report));
const wallMs = performance.now() - started;
clearTimeout(watchdog);
await api.close();
stopAll();

printTable({ reports, wallMs });

function collect(child: ChildProcess): { ready: Promise<void>; report: Promise<WorkerReport> } {
  let stdout = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.includes('ready\n')) markReady();
  });
  const report = new Promise<WorkerReport>((resolve, reject) => {
    child.once('exit', (code) => {
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('result:'));
      if (code !== 0 || !line) reject(new Error(`load worker exited with ${code}`));
      else resolve(JSON.parse(line.slice('result:'.length)) as WorkerReport);
    });
  });
  report.catch(() => markReady());
  return { ready, report };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function printTable(options: { reports: WorkerReport[]; wallMs: number }): void {
  const { reports, wallMs } = options;
  const latencies = reports.flatMap((report) => report.latenciesMs).sort((a, b) => a - b);
  const outcomes: Record<string, number> = {};
  for (const report of reports) for (const [name, count] of Object.entries(report.outcomes)) outcomes[name] = (outcomes[name] ?? 0) + count;
  const sum = (pick: (report: WorkerReport) => number) => reports.reduce((total, report) => total + pick(report), 0);
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  const { counts } = api;
  const seconds = wallMs / 1000;
  const rows: Array<[string, string]> = [
    ['calls (processes × calls)', `${calls} (${processes} × ${perProcess}, ${CONCURRENCY_PER_PROCESS} at a time each)`],
    ['wall time (1-min load average at start / end)', `${seconds.toFixed(1)} s (${loadAtStart.toFixed(1)} / ${(loadavg()[0] ?? 0).toFixed(1)})`],
    ['requests the server received', `${counts.requests} (${(counts.requests / seconds).toFixed(1)}/s)`],
    ['server limit / client limit', `${SERVER_LIMIT_PER_SECOND}/s / ${CLIENT_LIMIT_PER_SECOND}/s, burst ${CLIENT_BURST}, shared in Redis`],
    ['busiest 1 s window (admitted)', `${counts.busiestWindow} of ${SERVER_LIMIT_PER_SECOND}`],
    ['refused with 429', String(counts.rateLimited)],
    ['503s served (5 % of admitted)', String(counts.failed503)],
    ['retries', String(sum((report) => report.retries))],
    ['outcomes', Object.entries(outcomes).map(([name, count]) => `${name} ${count}`).join(', ')],
    ['latency p50 / p99 / max', `${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 99).toFixed(0)} / ${(latencies.at(-1) ?? 0).toFixed(0)} ms`],
    ['memory at the end (per process, after GC)', reports.map((report) => `rss ${mb(report.rssBytes)} MB, heap ${mb(report.heapUsedBytes)} MB`).join('; ')],
    ['calls resolved / lost / resolved twice / threw', `${latencies.length} / ${sum((r) => r.lost)} / ${sum((r) => r.resolvedTwice)} / ${sum((r) => r.threw)}`],
  ];
  console.log('| measure | value |\n| --- | --- |');
  for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
  const complete = latencies.length === calls && sum((r) => r.lost) === 0 && sum((r) => r.resolvedTwice) === 0 && sum((r) => r.threw) === 0;
  if (!complete) {
    console.error('bench:load: some calls were lost, resolved twice or threw');
    process.exitCode = 1;
  }
}
