import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';

export type PaginationStop = 'foreign_origin' | 'unsafe_next' | 'repeated_cursor' | 'empty_page' | 'missing_cursor' | 'page_cap' | 'ambiguous';

export function paginationError(options: { reason: PaginationStop; message: string; actionId: string; page: number }): ConnectorError {
  return new ConnectorError({
    code: ErrorCode.pagination,
    message: `${options.actionId}, page ${options.page + 1}: ${options.message}`,
    details: { reason: options.reason, page: options.page + 1 },
  });
}
