import { describe, expect, it } from 'vitest';
import { planPagination } from '../../src/plan/actions/pagination.ts';

describe('planPagination: an override declaration as the runtime reads it', () => {
  it('maps each style and drops keys the style does not use', () => {
    expect(planPagination({ style: 'offset', offset_param: 'offset', limit_param: 'limit', total_path: 'meta.total', cursor_param: 'x' })).toEqual({
      style: 'offset', offsetParam: 'offset', limitParam: 'limit', totalPath: 'meta.total',
    });
    expect(planPagination({ style: 'page', page_param: 'page', first_page: 0, total_pages_path: 'pages', items_path: 'results' })).toEqual({
      style: 'page', pageParam: 'page', firstPage: 0, totalPagesPath: 'pages', itemsPath: 'results',
    });
    expect(planPagination({ style: 'cursor', cursor_param: 'cursor', cursor_path: 'next', cursor_source: 'body' })).toEqual({
      style: 'cursor', cursorParam: 'cursor', cursorPath: 'next', cursorSource: 'body',
    });
    expect(planPagination({ style: 'link_header' })).toEqual({ style: 'link_header' });
    expect(planPagination({ style: 'next_url', next_url_path: 'links.next' })).toEqual({ style: 'next_url', nextUrlPath: 'links.next' });
  });
});
