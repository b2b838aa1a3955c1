/**
 * executeAction throughput on loopback next to raw ofetch, in the same run, against the same local
 * server (a worker thread on 127.0.0.1, so the server does not share the client's event loop).
 *
 *   npx tsx bench/runtime-throughput.ts [requests=20000] [concurrency=32] [rounds=5]
 *
 * Each round interleaves the two sides in slices of 500 requests (alternating which goes first)
 * and sums each side's time, so background load on a shared machine hits both alike.
 *
 * Both sides send the same GET with a bearer token and parse the same JSON body. The connector runs
 * with its defaults (retry and rate-limit middlewares on, validation, redaction). Not run in CI.
 *
 * The ratios compare executeAction with plain raw ofetch. An extra row, for information only, runs
 * raw ofetch with `timeout: 30_000` (an AbortController and a timer per request), which is what a
 * caller needs for the connector's own guarantee that a stalled server cannot hold a socket past the
 * 30 s default timeout; it is measured in its own interleaved slices against plain raw ofetch.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { BaseConnector, type ConnectorDefinition } from '../runtime/src/index.ts';

const [requests = 20_000, concurrency = 32, rounds = 5] = process.argv.slice(2).map(Number);

const SERVER = `
const { createServer } = require('node:http');
const { parentPort } = require('node:worker_threads');
const body = JSON.stringify({ id: 1, title: 'Bug', labels: ['a', 'b'], user: { login: 'octocat' } });
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }); res.end(body); });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

async function startServer(): Promise<{ url: string; stop: () => Promise<number> }> {
  const worker = new Worker(SERVER, { eval: true });
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  return { url: `http://127.0.0.1:${port}`, stop: () => worker.terminate() };
}

type Ofetch = (url: string, options: { headers: Record<string, string>; timeout?: number }) => Promise<unknown>;

async function loadOfetch(): Promise<Ofetch> {
  // ofetch is the runtime's dependency, resolved from the runtime package.
  const require = createRequire(new URL('../runtime/package.json', import.meta.url));
  const module = (await import(require.resolve('ofetch'))) as { ofetch: Ofetch };
  return module.ofetch;
}

const SLICE = 500;

/** Milliseconds (wall and CPU of the process, server thread included) to run `count` calls, `concurrency` at a time. */
async function timeCalls(options: { count: number; call: () => Promise<void> }): Promise<{ wall: number; cpu: number }> {
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < options.count) {
        next += 1;
        await options.call();
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

interface SideResult {
  perSecond: number;
  cpuMsPerRequest: number;
}

/** Requests per second (wall) and CPU per request of each side over one round of interleaved slices. */
async function measureRound(sides: { raw: () => Promise<void>; action: () => Promise<void> }): Promise<{ raw: SideResult; action: SideResult }> {
  const wall = { raw: 0, action: 0 };
  const cpu = { raw: 0, action: 0 };
  for (let done = 0, slice = 0; done < requests; done += SLICE, slice++) {
    const order: Array<'raw' | 'action'> = slice % 2 === 0 ? ['raw', 'action'] : ['action', 'raw'];
    for (const side of order) {
      const spent = await timeCalls({ count: SLICE, call: sides[side] });
      wall[side] += spent.wall;
      cpu[side] += spent.cpu;
    }
  }
  const total = Math.ceil(requests / SLICE) * SLICE;
  const result = (side: 'raw' | 'action'): SideResult => ({ perSecond: total / (wall[side] / 1000), cpuMsPerRequest: cpu[side] / total });
  return { raw: result('raw'), action: result('action') };
}

const definition: ConnectorDefinition = {
  name: 'bench',
  display_name: 'Bench',
  category: 'development',
  description: 'Benchmark connector',
  auth_type: 'bearer_token',
  auth_fields: [],
  auth: [{ id: 'bearer', type: 'bearer', credential: 'accessToken' }],
  endpoints: { base_url: 'http://127.0.0.1:9', servers: [] },
  webhook_support: false,
  supported_actions: [
    {
      id: 'issues_get',
      name: 'Get issue',
      description: '',
      category: 'issues',
      inputSchema: { number: { type: 'number', label: 'Number', required: true } },
      api: {
        endpoint: '/issues/{number}',
        method: 'GET',
        headers: {},
        paramMapping: { number: { in: 'path', name: 'number', style: 'simple', explode: false } },
        response: { type: 'json' },
        security: [['bearer']],
      },
    },
  ],
  supported_triggers: [],
};

async function main(): Promise<void> {
  const server = await startServer();
  const ofetch = await loadOfetch();
  const connector = new BaseConnector(definition, { baseUrl: server.url, credentials: { accessToken: 'bench-token' } });
  const raw = async (): Promise<void> => {
    await ofetch(`${server.url}/issues/7`, { headers: { authorization: 'Bearer bench-token', accept: 'application/json' } });
  };
  const action = async (): Promise<void> => {
    const response = await connector.executeAction('issues_get', { number: 7 });
    if (!response.success) throw new Error(`executeAction failed: ${response.error?.code}`);
  };
  // Informational only: raw ofetch with the timeout a caller needs for the connector's guarantee.
  const rawWithTimeout = async (): Promise<void> => {
    await ofetch(`${server.url}/issues/7`, { headers: { authorization: 'Bearer bench-token', accept: 'application/json' }, timeout: 30_000 });
  };
  // Warm-up: JIT, keep-alive sockets.
  for (const call of [raw, action, rawWithTimeout]) await Promise.all(Array.from({ length: 2_000 }, call));

  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  console.log(`requests=${requests} concurrency=${concurrency} rounds=${rounds} node=${process.version}`);
  for (let round = 1; round <= rounds; round++) {
    const { raw: r, action: a } = await measureRound({ raw, action });
    const ratio = a.perSecond / r.perSecond;
    // CPU-bound throughput ratio: how many executeActions the same CPU time buys per raw request.
    const cpuRatio = r.cpuMsPerRequest / a.cpuMsPerRequest;
    ratios.push(ratio);
    cpuRatios.push(cpuRatio);
    console.log(
      `round ${round}: raw ofetch ${r.perSecond.toFixed(0)} req/s (${r.cpuMsPerRequest.toFixed(3)} CPU ms/req), ` +
        `executeAction ${a.perSecond.toFixed(0)} req/s (${a.cpuMsPerRequest.toFixed(3)} CPU ms/req), ratio ${ratio.toFixed(3)}, CPU ratio ${cpuRatio.toFixed(3)}`,
    );
  }
  const median = (values: number[]): string => ([...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0).toFixed(3);
  console.log(`median ratio executeAction / raw ofetch: ${median(ratios)} (wall), ${median(cpuRatios)} (CPU per request)`);
  // The informational row: one round, raw ofetch with a timeout interleaved with plain raw ofetch.
  const { raw: plain, action: timed } = await measureRound({ raw, action: rawWithTimeout });
  console.log(
    `for information, raw ofetch with timeout: 30000 (not part of the ratios above): ${timed.perSecond.toFixed(0)} req/s (${timed.cpuMsPerRequest.toFixed(3)} CPU ms/req) ` +
      `next to plain raw ofetch ${plain.perSecond.toFixed(0)} req/s (${plain.cpuMsPerRequest.toFixed(3)} CPU ms/req), CPU ratio ${(plain.cpuMsPerRequest / timed.cpuMsPerRequest).toFixed(3)}`,
  );
  await server.stop();
}

await main();
