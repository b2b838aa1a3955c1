import type { TriggerDefinition, TriggerPolling } from '../definition.ts';
import type { Page } from '../paginate/page.ts';
import { findItems } from '../paginate/find-items.ts';
import { readPath } from '../paginate/read-path.ts';
import { compareRanks, cursorRank } from './compare-cursor.ts';
import type { PollState } from './poll-state.ts';

export const DEFAULT_POLL_MAX_PAGES = 10;
export const DEFAULT_POLL_MAX_SEEN = 2000;

export interface PollResult<T = unknown> {
  /** New items, oldest first, each delivered once. Empty on the first (baseline) poll. */
  items: T[];
  /** The next state: hand it to the next `poll` (or let the store keep it). */
  state: PollState;
  /** This poll recorded the baseline (no earlier state): nothing is emitted. */
  baseline: boolean;
  /** `maxPages` stopped the walk before known items were reached: older new items may be missing. */
  truncated: boolean;
}

interface Candidate {
  item: unknown;
  rank: ReturnType<typeof cursorRank>;
}

/**
 * One poll of a list action. Items are new when their dedupe identity (key, plus version when
 * declared) is not remembered and, with a comparable cursor, their cursor is not below the
 * high-water mark. Overlapping pages (an item repeated because the list moved during the walk) are
 * delivered once. Newest-first lists stop at the first page that reaches known items.
 */
export async function runPoll<T>(options: {
  trigger: TriggerDefinition;
  polling: TriggerPolling;
  state: PollState | undefined;
  /** The host's trigger input (owner, repo…); fixed input and the cursor param are added here. */
  input: Record<string, unknown>;
  pages: (input: Record<string, unknown>) => AsyncIterable<Page>;
  now: number;
  maxSeen?: number;
}): Promise<PollResult<T>> {
  const { trigger, polling, state } = options;
  const baseline = state === undefined;
  const cursor = polling.cursor;
  const comparable = cursor !== undefined && cursor.kind !== 'opaque';
  const knownRank = comparable && state?.cursor !== undefined ? cursorRank({ kind: cursor.kind, value: state.cursor }) : undefined;
  const remembered = new Set(state?.seen ?? []);
  const observed: string[] = [];
  const observedSet = new Set<string>();
  const fresh: Candidate[] = [];
  // The mark never moves back, even when a poll sees only older items.
  let highest: { raw: string | number; rank: NonNullable<Candidate['rank']> } | undefined =
    knownRank !== undefined && state?.cursor !== undefined ? { raw: state.cursor, rank: knownRank } : undefined;
  let opaqueNewest: string | number | undefined;
  let truncated = false;

  const input: Record<string, unknown> = { ...options.input, ...polling.input };
  if (cursor?.param !== undefined && state?.cursor !== undefined) input[cursor.param] = state.cursor;
  const maxPages = polling.maxPages ?? DEFAULT_POLL_MAX_PAGES;
  let pagesRead = 0;
  for await (const page of options.pages(input)) {
    pagesRead += 1;
    let reachedKnown = false;
    const items = polling.itemsPath !== undefined ? findItems({ data: page.data, itemsPath: polling.itemsPath }) ?? [] : page.items;
    for (const item of items) {
      const identity = identityOf({ item, polling });
      if (identity === undefined || observedSet.has(identity)) continue;
      observedSet.add(identity);
      observed.push(identity);
      const rawCursor = cursor ? readPath({ value: item, path: cursor.path }) : undefined;
      if (cursor?.kind === 'opaque' && isCursorValue(rawCursor) && (polling.order === 'oldest_first' || opaqueNewest === undefined)) opaqueNewest = rawCursor;
      const rank = comparable ? cursorRank({ kind: cursor.kind, value: rawCursor }) : undefined;
      if (rank !== undefined && isCursorValue(rawCursor) && (!highest || compareRanks(rank, highest.rank) > 0)) highest = { raw: rawCursor, rank };
      if (rank !== undefined && knownRank !== undefined && compareRanks(rank, knownRank) < 0) {
        reachedKnown = true;
        continue;
      }
      if (remembered.has(identity)) {
        reachedKnown = true;
        continue;
      }
      if (!baseline) fresh.push({ item, rank });
    }
    if (polling.order === 'newest_first' && (baseline || reachedKnown)) break;
    if (pagesRead >= maxPages) {
      truncated = !baseline;
      break;
    }
  }

  const nextCursor = comparable ? (highest?.raw ?? state?.cursor) : cursor?.kind === 'opaque' ? (opaqueNewest ?? state?.cursor) : undefined;
  const maxSeen = options.maxSeen ?? DEFAULT_POLL_MAX_SEEN;
  const seen = [...observed, ...(state?.seen ?? []).filter((identity) => !observedSet.has(identity))].slice(0, maxSeen);
  return {
    items: chronological({ fresh, order: polling.order }).map((candidate) => candidate.item as T),
    state: { version: 1, triggerId: trigger.id, ...(nextCursor !== undefined ? { cursor: nextCursor } : {}), seen, polledAt: options.now },
    baseline,
    truncated,
  };
}

/** `key`, or `key` + NUL + `version` when a version path is declared (an updated item is a new event). */
function identityOf(options: { item: unknown; polling: TriggerPolling }): string | undefined {
  const key = readPath({ value: options.item, path: options.polling.dedupeKey });
  if (!isCursorValue(key)) return undefined;
  if (options.polling.versionPath === undefined) return String(key);
  const version = readPath({ value: options.item, path: options.polling.versionPath });
  return `${String(key)}\u0000${isCursorValue(version) ? String(version) : ''}`;
}

function isCursorValue(value: unknown): value is string | number {
  return (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value));
}

/** Oldest first: by cursor when comparable (stable), else by the list's own order. */
function chronological(options: { fresh: Candidate[]; order: TriggerPolling['order'] }): Candidate[] {
  const inOrder = options.order === 'newest_first' ? [...options.fresh].reverse() : [...options.fresh];
  const ranked = inOrder.filter((candidate) => candidate.rank !== undefined);
  if (ranked.length !== inOrder.length) return inOrder;
  return ranked.sort((a, b) => compareRanks(a.rank!, b.rank!));
}
