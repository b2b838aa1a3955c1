/** The poll algorithm on its own, for cursor kinds the local-server tests do not cover. */
import { describe, expect, it } from 'vitest';
import type { Page, TriggerDefinition, TriggerPolling } from '@specwire/runtime';
import { runPoll } from '../../src/polling/run-poll.ts';
import type { PollState } from '../../src/polling/poll-state.ts';

type Item = { id: number | string; at?: string };

function trigger(polling: TriggerPolling): TriggerDefinition {
  return { id: 't', name: 't', description: '', eventType: 'poll:list', inputSchema: {}, webhookRequired: false, pollingEnabled: true, polling };
}

/** Pages of `size` from a list the API filters by the `after` input (ids greater than it), oldest first. */
function pagesOf(list: Item[], size: number, seenInputs: Array<Record<string, unknown>>) {
  return async function* pages(input: Record<string, unknown>): AsyncGenerator<Page> {
    seenInputs.push(input);
    const after = input.after;
    const visible = list.filter((item) => after === undefined || BigInt(item.id) > BigInt(after as string | number));
    for (let index = 0; index < Math.max(visible.length, 1); index += size) {
      yield { index: index / size, items: visible.slice(index, index + size), data: null, metadata: {} };
    }
  };
}

async function poll(options: { polling: TriggerPolling; list: Item[]; state?: PollState; inputs?: Array<Record<string, unknown>> }) {
  return runPoll<Item>({ trigger: trigger(options.polling), polling: options.polling, state: options.state, input: {}, pages: pagesOf(options.list, 2, options.inputs ?? []), now: 0 });
}

describe('runPoll', () => {
  it('increasing ids, oldest first, handed to the API as a cursor param: exactly once', async () => {
    const polling: TriggerPolling = { actionId: 'list', intervalSeconds: 60, dedupeKey: 'id', order: 'oldest_first', cursor: { kind: 'increasing_id', path: 'id', param: 'after' } };
    const list: Item[] = [{ id: 1 }, { id: 2 }, { id: 3 }];
    const inputs: Array<Record<string, unknown>> = [];
    const first = await poll({ polling, list, inputs });
    expect(first.items).toEqual([]);
    expect(first.state.cursor).toBe(3);
    list.push({ id: 4 }, { id: 10 }, { id: 9 });
    const second = await poll({ polling, list, state: first.state, inputs });
    expect(second.items.map((item) => item.id)).toEqual([4, 9, 10]);
    expect(inputs.at(-1)).toEqual({ after: 3 });
    expect((await poll({ polling, list, state: second.state })).items).toEqual([]);
  });

  it('big numeric string ids compare as integers, not text', async () => {
    const polling: TriggerPolling = { actionId: 'list', intervalSeconds: 60, dedupeKey: 'id', order: 'oldest_first', cursor: { kind: 'increasing_id', path: 'id' } };
    const list: Item[] = [{ id: '9' }];
    const first = await poll({ polling, list });
    list.push({ id: '10' }, { id: '900719925474099312' });
    expect((await poll({ polling, list, state: first.state })).items.map((item) => item.id)).toEqual(['10', '900719925474099312']);
  });

  it('an opaque cursor is kept from the newest item and only handed back; dedupe decides', async () => {
    const polling: TriggerPolling = { actionId: 'list', intervalSeconds: 60, dedupeKey: 'id', order: 'newest_first', cursor: { kind: 'opaque', path: 'id' } };
    const list: Item[] = [{ id: 'b' }, { id: 'a' }];
    const first = await poll({ polling, list: list.map((item) => ({ id: `x${String(item.id)}` })) });
    expect(first.state.cursor).toBe('xb');
  });

  it('without a cursor, remembered keys alone decide, and the seen list stays bounded', async () => {
    const polling: TriggerPolling = { actionId: 'list', intervalSeconds: 60, dedupeKey: 'id', order: 'oldest_first' };
    const list: Item[] = Array.from({ length: 5 }, (_, index) => ({ id: index }));
    const first = await runPoll<Item>({ trigger: trigger(polling), polling, state: undefined, input: {}, pages: pagesOf(list, 10, []), now: 0, maxSeen: 6 });
    list.push({ id: 5 }, { id: 6 });
    const second = await runPoll<Item>({ trigger: trigger(polling), polling, state: first.state, input: {}, pages: pagesOf(list, 10, []), now: 0, maxSeen: 6 });
    expect(second.items.map((item) => item.id)).toEqual([5, 6]);
    expect(second.state.seen).toHaveLength(6);
  });

  it('items without a dedupe key are skipped rather than delivered again and again', async () => {
    const polling: TriggerPolling = { actionId: 'list', intervalSeconds: 60, dedupeKey: 'id', order: 'oldest_first' };
    const first = await poll({ polling, list: [{ id: 1 }] });
    const second = await poll({ polling, list: [{ id: 1 }, { at: 'x' } as Item], state: first.state });
    expect(second.items).toEqual([]);
  });
});
