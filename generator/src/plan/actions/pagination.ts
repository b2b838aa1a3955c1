import type { PaginationDefinition } from '@specwire/runtime';
import type { PaginationEntry } from '../../override/file-types.ts';

/**
 * An override file's `pagination:` (snake_case, checked against the action's inputs by
 * `checkPagination`) as the runtime's `api.pagination`. Keys the style does not use are dropped.
 */
export function planPagination(entry: PaginationEntry): PaginationDefinition {
  const items = entry.items_path !== undefined ? { itemsPath: entry.items_path } : {};
  switch (entry.style) {
    case 'cursor':
      return {
        style: 'cursor',
        cursorParam: entry.cursor_param ?? '',
        cursorPath: entry.cursor_path ?? '',
        ...(entry.cursor_source !== undefined ? { cursorSource: entry.cursor_source === 'last_item' ? 'lastItem' : 'body' } : {}),
        ...(entry.has_more_path !== undefined ? { hasMorePath: entry.has_more_path } : {}),
        ...items,
      };
    case 'offset':
      return {
        style: 'offset',
        offsetParam: entry.offset_param ?? '',
        ...(entry.limit_param !== undefined ? { limitParam: entry.limit_param } : {}),
        ...(entry.total_path !== undefined ? { totalPath: entry.total_path } : {}),
        ...items,
      };
    case 'page':
      return {
        style: 'page',
        pageParam: entry.page_param ?? '',
        ...(entry.first_page !== undefined ? { firstPage: entry.first_page } : {}),
        ...(entry.total_pages_path !== undefined ? { totalPagesPath: entry.total_pages_path } : {}),
        ...(entry.has_more_path !== undefined ? { hasMorePath: entry.has_more_path } : {}),
        ...items,
      };
    case 'link_header':
      return { style: 'link_header', ...items };
    case 'next_url':
      return { style: 'next_url', nextUrlPath: entry.next_url_path ?? '', ...items };
  }
}
