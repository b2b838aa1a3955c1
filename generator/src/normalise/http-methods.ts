import type { HttpMethod } from '../ir/types.ts';

/** The fixed order operations of one path are listed in, whatever the order in the spec. */
export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
