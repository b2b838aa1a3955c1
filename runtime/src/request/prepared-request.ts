import type { ApiBlock, ResponseType } from '../definition.ts';
import type { AppliedAuth } from './auth.ts';
import type { RequestBody } from './body.ts';

/** `auto` (raw requests only): JSON, text or bytes chosen by the response Content-Type. */
export type ExpectedResponse = ResponseType | 'auto';

/**
 * A request ready to send, with credentials kept apart (`auth`) so the transport can apply them
 * only to the pinned origin, and a retry / refresh middleware can re-apply fresh ones.
 */
export interface PreparedRequest {
  method: ApiBlock['method'];
  /** Origin every credentialed request must go to (`https://api.example.com`). */
  origin: string;
  /** Full URL without credential query values: path and query already encoded. */
  url: string;
  /** Lower-cased header names; never credentials. */
  headers: Record<string, string>;
  /** `name=value` cookie pairs from cookie parameters (not credentials). */
  cookies: string[];
  body?: RequestBody;
  auth: AppliedAuth;
  responseType: ExpectedResponse;
  /** The action this request runs, when it runs one. */
  actionId?: string;
  /** Lower-cased idempotency-key header declared for this action (`api.idempotencyHeader`). */
  idempotencyHeader?: string;
}
