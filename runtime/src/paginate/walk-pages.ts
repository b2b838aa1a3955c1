import type { ActionDefinition, PaginationDefinition } from '../definition.ts';
import { findItems } from './find-items.ts';
import { inferPagination } from './infer-pagination.ts';
import { nextPage } from './next-page.ts';
import { DEFAULT_MAX_PAGES, type FetchedPage, type Page, type PageRequest } from './page.ts';
import { paginationError, type PaginationStop } from './pagination-error.ts';

/**
 * Walks the pages of one action: the declared style (`api.pagination`) or the one inferred from
 * the first page. Stops with a PAGINATION_ERROR on a foreign or unsafe next link, a repeated
 * cursor/link, an empty page that says "more", ambiguous items, or more pages than `maxPages`.
 */
export async function* walkPages(options: {
  action: ActionDefinition;
  input: Record<string, unknown>;
  origin: string;
  maxPages?: number;
  fetchPage: (request: PageRequest) => Promise<FetchedPage>;
}): AsyncGenerator<Page> {
  const { action, origin } = options;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const fail = (stop: { reason: PaginationStop; message: string; page: number }) => paginationError({ ...stop, actionId: action.id });
  let style: PaginationDefinition | undefined = action.api.pagination;
  let input = options.input;
  let request: PageRequest = { input };
  const seen = new Set<string>();
  for (let index = 0; ; index++) {
    const page = await options.fetchPage(request);
    if (index === 0 && style === undefined) {
      const inferred = inferPagination({ action, data: page.data, headers: page.headers });
      if (inferred === 'ambiguous') throw fail({ reason: 'ambiguous', message: 'the response fits more than one pagination style; declare api.pagination', page: index });
      style = inferred;
    }
    const items = findItems({ data: page.data, itemsPath: style?.itemsPath });
    if (items === undefined) throw fail({ reason: 'ambiguous', message: 'cannot tell which property holds the items; declare api.pagination.itemsPath', page: index });
    yield { index, items, data: page.data, metadata: page.metadata };
    if (style === undefined) return;
    const step = nextPage({ style, page, items, input, origin, seen });
    if ('done' in step) return;
    if ('stop' in step) throw fail({ reason: step.stop, message: step.message, page: index });
    if (index + 1 >= maxPages) throw fail({ reason: 'page_cap', message: `more than ${maxPages} pages (raise maxPages to read further)`, page: index });
    request = step.request;
    if ('input' in request) input = request.input;
  }
}
