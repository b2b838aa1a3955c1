import type { PaginationDefinition } from '../definition.ts';
import { isDotSegment } from '../request/dot-segments.ts';
import { nextLinkOf } from './link-header.ts';
import type { FetchedPage, PageRequest } from './page.ts';
import type { PaginationStop } from './pagination-error.ts';
import { readPath } from './read-path.ts';

export type NextStep = { request: PageRequest } | { done: true } | { stop: PaginationStop; message: string };

/**
 * Decides what follows a page: the next request, the end, or a stop with a reason. Pure: `seen`
 * (cursors and URLs already requested) is the only state, and the caller owns it.
 */
export function nextPage(options: {
  style: PaginationDefinition;
  page: FetchedPage;
  items: unknown[];
  input: Record<string, unknown>;
  origin: string;
  seen: Set<string>;
}): NextStep {
  const { style, page, items, input } = options;
  switch (style.style) {
    case 'cursor': {
      const source = style.cursorSource === 'lastItem' ? items.at(-1) : page.data;
      const cursor = readPath({ value: source, path: style.cursorPath });
      const hasCursor = (typeof cursor === 'string' && cursor !== '') || typeof cursor === 'number';
      const more = style.hasMorePath !== undefined ? readPath({ value: page.data, path: style.hasMorePath }) === true : hasCursor;
      if (!more) return { done: true };
      if (items.length === 0) return { stop: 'empty_page', message: 'an empty page still says there are more' };
      if (!hasCursor) return { stop: 'missing_cursor', message: 'the response says there are more pages but gives no cursor' };
      const key = `cursor:${String(cursor)}`;
      if (options.seen.has(key)) return { stop: 'repeated_cursor', message: 'the API returned a cursor it already returned' };
      options.seen.add(key);
      return { request: { input: { ...input, [style.cursorParam]: cursor } } };
    }
    case 'offset': {
      const offset = toInteger(input[style.offsetParam]) ?? 0;
      const total = toInteger(style.totalPath === undefined ? undefined : readPath({ value: page.data, path: style.totalPath }));
      if (items.length === 0) {
        return total !== undefined && total > offset ? { stop: 'empty_page', message: 'an empty page while the total says there are more' } : { done: true };
      }
      const limit = toInteger(style.limitParam === undefined ? undefined : input[style.limitParam]);
      const next = offset + items.length;
      if ((total !== undefined && next >= total) || (limit !== undefined && items.length < limit)) return { done: true };
      return { request: { input: { ...input, [style.offsetParam]: next } } };
    }
    case 'page': {
      const first = style.firstPage ?? 1;
      const current = toInteger(input[style.pageParam]) ?? first;
      const totalPages = toInteger(style.totalPagesPath === undefined ? undefined : readPath({ value: page.data, path: style.totalPagesPath }));
      const hasMore = style.hasMorePath === undefined ? undefined : readPath({ value: page.data, path: style.hasMorePath }) === true;
      const last = totalPages === undefined ? undefined : first + totalPages - 1;
      const saysMore = hasMore === true || (last !== undefined && current < last);
      if (items.length === 0) return saysMore ? { stop: 'empty_page', message: 'an empty page still says there are more' } : { done: true };
      if (hasMore === false || (last !== undefined && current >= last)) return { done: true };
      return { request: { input: { ...input, [style.pageParam]: current + 1 } } };
    }
    case 'link_header':
    case 'next_url': {
      const raw = style.style === 'link_header' ? nextLinkOf(page.headers.get('link')) : readPath({ value: page.data, path: style.nextUrlPath });
      if (typeof raw !== 'string' || raw === '') return { done: true };
      if (items.length === 0) return { stop: 'empty_page', message: 'an empty page still links to a next page' };
      return followUrl({ raw, base: page.url, origin: options.origin, seen: options.seen });
    }
  }
}

/** A next URL is followed only on the connector's origin, without dot segments, and never twice. */
function followUrl(options: { raw: string; base: string; origin: string; seen: Set<string> }): NextStep {
  let url: URL;
  try {
    url = new URL(options.raw, options.base);
  } catch {
    return { stop: 'unsafe_next', message: 'the next-page link is not a valid URL' };
  }
  if (url.origin !== options.origin || url.username || url.password) {
    return { stop: 'foreign_origin', message: "the next-page link points outside the connector's origin" };
  }
  const rawPath = options.raw.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/, 1)[0] ?? '';
  if (rawPath.split(/[\\/]/).some(isDotSegment)) return { stop: 'unsafe_next', message: 'the next-page link has "." or ".." segments' };
  url.hash = '';
  const key = `url:${url.href}`;
  if (options.seen.has(key)) return { stop: 'repeated_cursor', message: 'the API linked to a page it already returned' };
  options.seen.add(key);
  return { request: { url: url.href } };
}

function toInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}
