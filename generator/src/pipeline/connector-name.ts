import { basename } from 'node:path';

/** A connector id from a file name: `Stripe API.v3.yaml` → `stripe-api-v3`. */
export function connectorNameFromFile(file: string): string {
  const stem = basename(file).replace(/\.gz$/, '').replace(/\.(ya?ml|json)$/i, '');
  const name = stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(name) ? name.slice(0, 63) : `api-${name}`.slice(0, 63);
}
