import { beforeAll, describe, expect, it } from 'vitest';
import { createConnector, InMemoryPollStateStore, RedisPollStateStore, type PollState } from '@specwire/runtime';
import type { Redis } from 'ioredis';
import { startIssueServer } from '../polling/issue-server.ts';
import { describeWithRedis } from '../support/redis-suite.ts';
import { MULTI_PROCESS_TIMEOUT_MS, runWorkers } from './worker-processes.ts';
import { pollingDefinition } from './workers/definitions.ts';

const WORKERS = 4;
const POLLS_PER_WORKER = 12;
const NEW_ITEMS = 30;

/** Every id in `ids` once, sorted; duplicates stay visible. */
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describeWithRedis('RedisPollStateStore across processes', (redis) => {
  let client: Redis;
  beforeAll(() => {
    client = redis.connect();
  });

  it('4 pollers over a list that grows while they poll emit each new item exactly once', async () => {
    const list = await startIssueServer();
    try {
      for (const title of ['a', 'b', 'c', 'd', 'e']) list.add(title);
      const prefix = `${redis.prefix}poll:`;
      const host = createConnector(pollingDefinition({ baseUrl: list.server.url }), {
        retry: false,
        rateLimit: false,
        polling: { stateStore: new RedisPollStateStore({ client, prefix }) },
      });
      expect(await host.poll('new_issue')).toMatchObject({ baseline: true, items: [] });
      // The list moves under the pollers: one new issue before each first page, up to NEW_ITEMS.
      let added = 0;
      list.beforePage.hook = (page) => {
        if (page === 1 && added < NEW_ITEMS) list.add(`new ${++added}`);
      };

      const results = await runWorkers<{ emitted: number[]; conflicts: number }>({
        script: 'poll-worker.ts',
        count: WORKERS,
        config: { redisPort: redis.port(), baseUrl: list.server.url, prefix, polls: POLLS_PER_WORKER },
      });
      list.beforePage.hook = undefined;
      const last = await host.poll<{ id: number }>('new_issue');

      const emitted = [...results.flatMap((result) => result.emitted), ...last.items.map((item) => item.id)];
      const expected = list.issues.filter((issue) => issue.id > 5).map((issue) => issue.id);
      expect(added).toBe(NEW_ITEMS);
      expect(sorted(emitted)).toEqual(sorted(expected));
      // The work was really shared: more than one process emitted something.
      expect(results.filter((result) => result.emitted.length > 0).length).toBeGreaterThan(1);
    } finally {
      await list.server.close();
    }
  }, MULTI_PROCESS_TIMEOUT_MS);

  it('compareAndSet writes only over the state it expects (absent, or the exact state read)', async () => {
    const store = new RedisPollStateStore({ client, prefix: `${redis.prefix}cas:` });
    const first: PollState = { version: 1, triggerId: 't', seen: ['1'], polledAt: 1 };
    const second: PollState = { version: 1, triggerId: 't', cursor: 'x', seen: ['2', '1'], polledAt: 2 };
    expect(await store.compareAndSet('k', { expected: undefined, next: first })).toBe(true);
    expect(await store.compareAndSet('k', { expected: undefined, next: second })).toBe(false);
    const read = await store.get('k');
    expect(await store.compareAndSet('k', { expected: read, next: second })).toBe(true);
    expect(await store.compareAndSet('k', { expected: read, next: first })).toBe(false);
    expect(await store.get('k')).toEqual(second);
  });
});

describe('two concurrent polls in one process share the in-memory store', () => {
  it('emit each new item once (the loser polls again from the winner state)', async () => {
    const list = await startIssueServer();
    try {
      for (const title of ['a', 'b']) list.add(title);
      const connector = createConnector(pollingDefinition({ baseUrl: list.server.url }), { retry: false, rateLimit: false, polling: { stateStore: new InMemoryPollStateStore() } });
      await connector.poll('new_issue');
      list.add('c');
      list.add('d');
      const [one, two] = await Promise.all([connector.poll<{ id: number }>('new_issue'), connector.poll<{ id: number }>('new_issue')]);
      expect(sorted([...one.items, ...two.items].map((item) => item.id))).toEqual([3, 4]);
    } finally {
      await list.server.close();
    }
  });
});
