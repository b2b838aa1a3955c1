/**
 * What `testConnection()` reports, and how a definition's `connection_test.input` becomes the
 * test action's input.
 */
import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import type { ConnectorFailure, ConnectorSuccess } from '../response.ts';

/**
 * `verified`: a request proved the credentials. `unverified`: nothing could be sent (the definition
 * names no test action), so only the base URL and the required credentials were checked; that is
 * reported as `success: false` with code `CONNECTION_UNVERIFIED`, never as a pass. `failed`: the
 * check or the request failed.
 */
export type ConnectionTestStatus = 'verified' | 'unverified' | 'failed';

export type ConnectionTestResponse = (ConnectorSuccess<true> | ConnectorFailure) & { status: ConnectionTestStatus };

/** Error code of an unverified connection (no test action to run). */
export const CONNECTION_UNVERIFIED = 'CONNECTION_UNVERIFIED';

/** A string that is exactly `{{credentials.<key>}}`. */
const CREDENTIAL_REFERENCE = /^\{\{\s*credentials\.([A-Za-z0-9_$-]+)\s*\}\}$/;

/**
 * The test action's input: `{{credentials.<key>}}` strings, at any depth, become that credential.
 * A reference to an unset credential is a MISSING_CREDENTIALS error naming the key (never the value).
 */
export function resolveTestInput(options: { input: Record<string, unknown> | undefined; credentials: Readonly<Record<string, string>> }): Record<string, unknown> {
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const key = CREDENTIAL_REFERENCE.exec(value)?.[1];
      if (key === undefined) return value;
      const credential = Object.hasOwn(options.credentials, key) ? options.credentials[key] : undefined;
      if (credential === undefined || credential === '') {
        throw new ConnectorError({ code: ErrorCode.missingCredentials, message: `missing credentials: the connection test needs "${key}"` });
      }
      return credential;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, resolve(item)]));
    return value;
  };
  return resolve(options.input ?? {}) as Record<string, unknown>;
}
