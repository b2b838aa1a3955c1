/**
 * Polling triggers against a local list that changes between polls: a baseline first, then every
 * new item exactly once, oldest first, across overlapping pages and edits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createConnector, type ActionDefinition, type PollState, type TriggerDefinition, type TriggerPolling } from '@specwire/runtime';
import { defineAction, defineConnector, field } from '../fixtures/define.ts';
import { createTestClock } from '../support/test-clock.ts';
import { startIssueServer, type Issue } from './issue-server.ts';

const listIssues: ActionDefinition = defineAction({
  id: 'list_issues',
  inputSchema: { per_page: field('number'), page: field('number'), sort: field('string'), since: field('string') },
  api: {
    endpoint: '/issues',
    paramMapping: {
      per_page: { in: 'query', name: 'per_page', style: 'form', explode: true },
      page: { in: 'query', name: 'page', style: 'form', explode: true },
      sort: { in: 'query', name: 'sort', style: 'form', explode: true },
      since: { in: 'query', name: 'since', style: 'form', explode: true },
    },
    pagination: { style: 'link_header' },
  },
});

function pollingTrigger(id: string, polling: Partial<TriggerPolling> = {}): TriggerDefinition {
  return {
    id,
    name: id,
    description: '',
    eventType: 'poll:list_issues',
    inputSchema: {},
    webhookRequired: false,
    pollingEnabled: true,
    polling: { actionId: 'list_issues', intervalSeconds: 60, dedupeKey: 'id', order: 'newest_first', input: { per_page: 2, sort: 'created' }, cursor: { kind: 'timestamp', path: 'created_at' }, ...polling },
  };
}

const newIssue = pollingTrigger('new_issue');
const issueUpdated = pollingTrigger('issue_updated', {
  versionPath: 'updated_at',
  input: { per_page: 2, sort: 'updated' },
  cursor: { kind: 'timestamp', path: 'updated_at', param: 'since' },
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function setUp(options: { rateLimited?: boolean } = {}) {
  const list = await startIssueServer();
  close = () => list.server.close();
  const time = createTestClock();
  const connector = createConnector(
    defineConnector({
      endpoints: { base_url: list.server.url, servers: [] },
      supported_actions: [listIssues],
      supported_triggers: [newIssue, issueUpdated],
      ...(options.rateLimited ? { rate_limits: { requests_per_second: 1, burst: 1 } } : {}),
    }),
    { clock: time.clock, retry: false },
  );
  return { list, connector, time };
}

const titles = (items: Issue[]) => items.map((issue) => issue.title);

describe('polling triggers', () => {
  it('records a baseline on the first poll (one page read, nothing emitted), then emits new items oldest first', async () => {
    const { list, connector } = await setUp();
    for (const title of ['a', 'b', 'c', 'd', 'e']) list.add(title);
    const first = await connector.poll<Issue>('new_issue');
    expect(first).toMatchObject({ items: [], baseline: true, truncated: false });
    expect(list.server.requests).toHaveLength(1);

    list.add('f');
    list.add('g');
    list.add('h');
    const second = await connector.poll<Issue>('new_issue');
    expect(titles(second.items)).toEqual(['f', 'g', 'h']);
    expect(second.baseline).toBe(false);
    // Newest first, two per page: f-g-h span pages 1-2, and page 2 reaches the known "e": stop there.
    expect(list.server.requests).toHaveLength(3);

    expect((await connector.poll<Issue>('new_issue')).items).toEqual([]);
  });

  it('delivers each item once when the list moves during the walk (overlapping pages)', async () => {
    const { list, connector } = await setUp();
    list.add('a');
    await connector.poll('new_issue');
    const delivered: string[] = [];
    for (let round = 0; round < 4; round += 1) {
      list.add(`r${round}-1`);
      list.add(`r${round}-2`);
      list.add(`r${round}-3`);
      // Serving page 1 pushes a new issue in front, so page 2 repeats page 1's last item.
      let inserted = false;
      list.beforePage.hook = (page) => {
        if (page === 1 && !inserted) {
          inserted = true;
          list.add(`r${round}-late`);
        }
      };
      delivered.push(...titles((await connector.poll<Issue>('new_issue')).items));
      list.beforePage.hook = undefined;
    }
    delivered.push(...titles((await connector.poll<Issue>('new_issue')).items));
    const expected = list.issues.slice(1).map((issue) => issue.title);
    expect([...delivered].sort()).toEqual([...expected].sort());
    expect(new Set(delivered).size).toBe(delivered.length);
  });

  it('does not re-deliver an edited item under an id dedupe key, and delivers each edit once under a version', async () => {
    const { list, connector } = await setUp();
    const a = list.add('a');
    const b = list.add('b');
    await connector.poll('new_issue');
    await connector.poll('issue_updated');
    list.touch(a.id);
    expect((await connector.poll('new_issue')).items).toEqual([]);
    const updated = await connector.poll<Issue>('issue_updated');
    expect(titles(updated.items)).toEqual(['a (edited)']);
    // `since` carried the previous high-water mark (b, the newest before the edit) to the API.
    expect(list.server.requests.at(-1)?.query.since).toEqual([b.updated_at]);
    expect(updated.state.cursor).toBe(updated.items[0]!.updated_at);
    expect((await connector.poll('issue_updated')).items).toEqual([]);
    list.touch(a.id);
    expect(titles((await connector.poll<Issue>('issue_updated')).items)).toEqual(['a (edited) (edited)']);
  });

  it('round-trips plain JSON state through the host, and refuses a state of another trigger', async () => {
    const { list, connector } = await setUp();
    list.add('a');
    let state: PollState | null = null;
    const first = await connector.poll('new_issue', state);
    state = JSON.parse(JSON.stringify(first.state)) as PollState;
    expect(state).toEqual({ version: 1, triggerId: 'new_issue', cursor: list.issues[0]!.created_at, seen: ['1'], polledAt: expect.any(Number) });
    list.add('b');
    const second = await connector.poll<Issue>('new_issue', state);
    expect(titles(second.items)).toEqual(['b']);
    await expect(connector.poll('issue_updated', second.state)).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(connector.poll('missing')).rejects.toMatchObject({ code: 'UNKNOWN_ACTION' });
  });

  it('keeps separate states per input in the store', async () => {
    const { list, connector } = await setUp();
    list.add('a');
    expect((await connector.poll('new_issue', undefined, { input: { since: '2000-01-01T00:00:00Z' } })).baseline).toBe(true);
    expect((await connector.poll('new_issue')).baseline).toBe(true);
    expect((await connector.poll('new_issue')).baseline).toBe(false);
  });

  it('pages through the rate limiter', async () => {
    const { list, connector, time } = await setUp({ rateLimited: true });
    list.add('a');
    await connector.poll('new_issue');
    for (const title of ['b', 'c', 'd', 'e']) list.add(title);
    const result = await connector.poll<Issue>('new_issue');
    expect(titles(result.items)).toEqual(['b', 'c', 'd', 'e']);
    // Three pages at one request per second: the limiter waited instead of failing.
    expect(time.sleeps.filter((ms) => ms > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('stops at maxPages and says so', async () => {
    const { list } = await setUp();
    list.add('a');
    const trigger = createConnector(
      defineConnector({ endpoints: { base_url: list.server.url, servers: [] }, supported_actions: [listIssues], supported_triggers: [pollingTrigger('capped', { maxPages: 1 })] }),
      { retry: false },
    );
    await trigger.poll('capped');
    for (const title of ['b', 'c', 'd']) list.add(title);
    const result = await trigger.poll<Issue>('capped');
    expect(titles(result.items)).toEqual(['c', 'd']);
    expect(result.truncated).toBe(true);
  });
});
