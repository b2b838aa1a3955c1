/**
 * One page of a field's dynamic choices: the form's values for the fields the source depends on,
 * a search term for the source's search input, and a cursor from the previous page. The cursor is
 * the source action's own paging value (its cursor, offset or page number) as text, so a host
 * needs nothing but `nextCursor` to ask for more.
 */
import type { ActionDefinition, FieldOption, LoadOptionsSource } from '../definition.ts';
import { validationError } from '../errors/connector-error.ts';
import type { ConnectorResponse } from '../response.ts';
import { optionsSourceInput, readPath, toFieldOptions } from './load-options.ts';

export interface OptionsPageRequest {
  /** Values already in the host's form (dependencies and anything the source action accepts). */
  values?: Record<string, unknown>;
  /** Search term, sent in the source's `searchParam` (ignored when it declares none). */
  search?: string;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export interface OptionsPage {
  options: FieldOption[];
  /** Present while the source action has more pages. */
  nextCursor?: string;
}

/** Refuses before any request when a declared dependency has no value in the form. */
export function checkDependencies(options: { source: LoadOptionsSource; fieldName: string; values?: Record<string, unknown> }): void {
  const missing = (options.source.dependsOn ?? []).filter((name) => isEmpty(options.values?.[name]));
  if (missing.length > 0) {
    throw validationError(
      `field "${options.fieldName.slice(0, 200)}" loads its options from ${missing.map((name) => `"${name.slice(0, 200)}"`).join(', ')}: fill ${missing.length === 1 ? 'it' : 'them'} first`,
    );
  }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** The source action's input for this page: constant input, form values, search term, paging value. */
export function optionsPageInput(options: {
  source: LoadOptionsSource;
  sourceAction: ActionDefinition;
  request: OptionsPageRequest;
}): Record<string, unknown> {
  const { source, sourceAction, request } = options;
  const input = optionsSourceInput({ source, sourceAction, context: { input: request.values } });
  if (source.searchParam !== undefined && request.search !== undefined && request.search !== '') {
    input[source.searchParam] = request.search;
  }
  const paging = pagingOf(sourceAction);
  if (paging !== undefined && request.cursor !== undefined) {
    input[paging.param] = paging.numeric ? Number(request.cursor) : request.cursor;
  }
  return input;
}

/** The input field that moves through pages, for the paging styles a cursor can carry. */
function pagingOf(action: ActionDefinition): { param: string; numeric: boolean } | undefined {
  const pagination = action.api.pagination;
  if (pagination?.style === 'cursor') return { param: pagination.cursorParam, numeric: false };
  if (pagination?.style === 'offset') return { param: pagination.offsetParam, numeric: true };
  if (pagination?.style === 'page') return { param: pagination.pageParam, numeric: true };
  // Link-header APIs (GitHub) also take a page number; the cursor walks it while pages are non-empty.
  if (pagination?.style === 'link_header' && Object.hasOwn(action.inputSchema, 'page')) return { param: 'page', numeric: true };
  return undefined;
}

/** Maps one source response to a page of options and the cursor of the next page, if any. */
export function toOptionsPage(options: {
  source: LoadOptionsSource;
  sourceAction: ActionDefinition;
  input: Record<string, unknown>;
  response: ConnectorResponse;
}): ConnectorResponse<OptionsPage> {
  const { source, sourceAction, input, response } = options;
  const mapped = toFieldOptions({ source, response, limit: Number.POSITIVE_INFINITY });
  if (!mapped.success) return mapped as ConnectorResponse<never>;
  const itemCount = countItems({ source, sourceAction, body: response.success ? response.data : undefined });
  const nextCursor = nextCursorOf({ sourceAction, input, body: response.success ? response.data : undefined, itemCount });
  return { success: true, data: { options: mapped.data, ...(nextCursor === undefined ? {} : { nextCursor }) }, metadata: mapped.metadata };
}

function countItems(options: { source: LoadOptionsSource; sourceAction: ActionDefinition; body: unknown }): number {
  const items = options.source.itemsPath === undefined ? options.body : readPath({ value: options.body, path: options.source.itemsPath });
  return Array.isArray(items) ? items.length : 0;
}

function nextCursorOf(options: { sourceAction: ActionDefinition; input: Record<string, unknown>; body: unknown; itemCount: number }): string | undefined {
  const { sourceAction, input, body, itemCount } = options;
  const pagination = sourceAction.api.pagination;
  if (pagination === undefined || itemCount === 0) return undefined;
  if (pagination.style === 'cursor') {
    if (pagination.hasMorePath !== undefined && readPath({ value: body, path: pagination.hasMorePath }) !== true) return undefined;
    const cursor =
      pagination.cursorSource === 'lastItem'
        ? readPath({ value: lastItem(body, pagination.itemsPath), path: pagination.cursorPath })
        : readPath({ value: body, path: pagination.cursorPath });
    return typeof cursor === 'string' || typeof cursor === 'number' ? (String(cursor) === '' ? undefined : String(cursor)) : undefined;
  }
  if (pagination.style === 'offset') {
    const offset = Number(input[pagination.offsetParam] ?? 0) + itemCount;
    const total = pagination.totalPath === undefined ? undefined : readPath({ value: body, path: pagination.totalPath });
    if (typeof total === 'number' && offset >= total) return undefined;
    const limit = pagination.limitParam === undefined ? undefined : input[pagination.limitParam];
    if (typeof limit === 'number' && itemCount < limit) return undefined;
    return String(offset);
  }
  const paging = pagingOf(sourceAction);
  if (paging === undefined) return undefined;
  const firstPage = pagination.style === 'page' ? (pagination.firstPage ?? 1) : 1;
  const page = Number(input[paging.param] ?? firstPage);
  if (pagination.style === 'page') {
    if (pagination.hasMorePath !== undefined && readPath({ value: body, path: pagination.hasMorePath }) !== true) return undefined;
    const totalPages = pagination.totalPagesPath === undefined ? undefined : readPath({ value: body, path: pagination.totalPagesPath });
    if (typeof totalPages === 'number' && page >= totalPages) return undefined;
  }
  const perPage = input.per_page ?? input.limit;
  if (typeof perPage === 'number' && itemCount < perPage) return undefined;
  return String(page + 1);
}

function lastItem(body: unknown, itemsPath: string | undefined): unknown {
  const items = itemsPath === undefined ? body : readPath({ value: body, path: itemsPath });
  return Array.isArray(items) ? items[items.length - 1] : undefined;
}
