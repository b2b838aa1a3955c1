import type { WebhookVerification } from '../definition.ts';
import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';
import { standardWebhooksKey } from './standard-webhooks-secret.ts';
import { MALFORMED_SECRET } from './verify-standard-webhooks.ts';

/** The candidate signing secrets: the call's, else the connector option's, else the credential. Empty ones dropped. */
export function webhookSecrets(options: {
  call?: string | readonly string[];
  connector?: string | readonly string[];
  credential?: string;
}): string[] {
  const chosen = options.call ?? options.connector ?? options.credential;
  const list = typeof chosen === 'string' ? [chosen] : [...(chosen ?? [])];
  return list.filter((secret) => typeof secret === 'string' && secret !== '');
}

/**
 * Refuses, when a connector is created, a configured Standard Webhooks / Svix secret that has no
 * usable key (see `standardWebhooksKey`). Secrets passed per call are checked per delivery instead.
 */
export function assertWebhookSecrets(options: {
  verification: WebhookVerification | undefined;
  connector?: string | readonly string[];
  credential?: string;
}): void {
  const scheme = options.verification?.scheme;
  if (scheme !== 'standard-webhooks' && scheme !== 'svix') return;
  const configured = [
    ...(typeof options.connector === 'string' ? [options.connector] : [...(options.connector ?? [])]),
    ...(options.credential ? [options.credential] : []),
  ];
  if (configured.some((secret) => typeof secret !== 'string' || standardWebhooksKey(secret) === undefined)) {
    throw new ConnectorError({ code: ErrorCode.configuration, message: MALFORMED_SECRET });
  }
}
