import type { ResponseMetadata } from '../response.ts';

/** One page of a paginated action. */
export interface Page<T = unknown> {
  /** 0 for the first page. */
  index: number;
  items: T[];
  /** The whole parsed body. */
  data: unknown;
  metadata: ResponseMetadata;
}

export interface PaginateOptions {
  /** Pages fetched at most; more pages than this is a PAGINATION_ERROR (never a silent cut). Default 100. */
  maxPages?: number;
  signal?: AbortSignal;
  /** Per-page timeout (each page is one `executeAction`-like request). */
  timeoutMs?: number;
}

/** The next page: the same action with other input, or a URL the API gave (same origin only). */
export type PageRequest = { input: Record<string, unknown> } | { url: string };

/** A fetched page as the walker needs it: data, metadata, raw headers and the final URL. */
export interface FetchedPage {
  data: unknown;
  metadata: ResponseMetadata;
  headers: Headers;
  url: string;
}

export const DEFAULT_MAX_PAGES = 100;
