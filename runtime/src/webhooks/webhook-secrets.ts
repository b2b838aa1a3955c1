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
