import type { ApiBlock } from '../definition.ts';

/**
 * The Accept header when the action does not set one. Always set, because ofetch would otherwise
 * add `accept: application/json` to every string body.
 */
export function defaultAccept(response: ApiBlock['response'] | { type: 'auto'; contentType?: string }): string {
  if (response.contentType) return response.contentType;
  switch (response.type) {
    case 'json':
      return 'application/json';
    case 'text':
      return 'text/plain, */*;q=0.8';
    default:
      return '*/*';
  }
}
