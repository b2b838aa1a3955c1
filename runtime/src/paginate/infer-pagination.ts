import type { ActionDefinition, PaginationDefinition } from '../definition.ts';
import { nextLinkOf } from './link-header.ts';
import { isRecord, readPath } from './read-path.ts';

const NEXT_URL_PATHS = ['next', 'next_url', 'nextUrl', 'nextLink', '@odata.nextLink', 'links.next', '_links.next.href', 'paging.next'];
/** Body path of a next cursor → the input field conventionally named for it. */
const CURSOR_PATHS: Array<{ path: string; params: string[] }> = [
  { path: 'next_cursor', params: ['cursor', 'next_cursor'] },
  { path: 'nextCursor', params: ['cursor', 'nextCursor'] },
  { path: 'response_metadata.next_cursor', params: ['cursor'] },
  { path: 'meta.next_cursor', params: ['cursor'] },
  { path: 'next_page_token', params: ['page_token'] },
  { path: 'nextPageToken', params: ['pageToken'] },
];

/**
 * Pagination read off the first page when the action declares none. Only shapes with a single
 * reading are taken: a Link header with rel="next" (GitHub); one next-URL property; one cursor
 * property whose conventional input field the action has; Stripe's `has_more` + `data` +
 * `starting_after`. More than one candidate → 'ambiguous' (the caller refuses to guess); none → undefined (one page).
 */
export function inferPagination(options: { action: ActionDefinition; data: unknown; headers: Headers }): PaginationDefinition | 'ambiguous' | undefined {
  const { action, data, headers } = options;
  const candidates: PaginationDefinition[] = [];
  if (nextLinkOf(headers.get('link')) !== undefined) candidates.push({ style: 'link_header' });
  if (isRecord(data)) {
    for (const path of NEXT_URL_PATHS) {
      const value = readPath({ value: data, path });
      if (typeof value === 'string' && /^(https?:\/\/|\/)/i.test(value)) candidates.push({ style: 'next_url', nextUrlPath: path });
    }
    for (const { path, params } of CURSOR_PATHS) {
      const value = readPath({ value: data, path });
      const param = params.find((name) => Object.hasOwn(action.inputSchema, name));
      if (param !== undefined && (typeof value === 'string' || typeof value === 'number')) {
        candidates.push({ style: 'cursor', cursorParam: param, cursorPath: path });
      }
    }
    if (typeof data.has_more === 'boolean' && Array.isArray(data.data) && Object.hasOwn(action.inputSchema, 'starting_after')) {
      candidates.push({ style: 'cursor', cursorParam: 'starting_after', cursorSource: 'lastItem', cursorPath: 'id', hasMorePath: 'has_more', itemsPath: 'data' });
    }
  }
  if (candidates.length > 1) return 'ambiguous';
  return candidates[0];
}
