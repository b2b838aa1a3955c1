import { createHash } from 'node:crypto';

/**
 * The bucket key of one connector and credential set: the connector name and a SHA-256 of the
 * credentials, so that a shared store (Redis) never holds a credential, and two instances with the
 * same credentials share their limit.
 */
export function rateLimitKey(options: { connector: string; credentials: Record<string, string> }): string {
  const hash = createHash('sha256');
  for (const key of Object.keys(options.credentials).sort()) hash.update(`${key}\u0000${options.credentials[key]}\u0000`);
  return `${options.connector}:${hash.digest('base64url').slice(0, 22)}`;
}
