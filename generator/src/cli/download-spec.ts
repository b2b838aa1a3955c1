import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { isSpecwireError, SpecwireError } from '../errors/index.ts';
import { defaultHostLookup, fetchRemoteRef } from '../load/remote-ref.ts';
import { DEFAULT_SPEC_LIMITS, type HostLookup } from '../load/types.ts';

/** `--spec https://…` (or http): a URL rather than a file. */
export function isSpecUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

/**
 * Downloads `--spec <url>` under the same rules as remote `$ref`s: public addresses only (checked
 * after DNS, the connection pinned to the checked address), no redirects, no credentials in the
 * URL, at most `maxSpecBytes`, a timeout. The text goes to a private temporary file so the load stage
 * reads it like any spec file (its name keeps the URL's file name, from which the connector is named).
 * The label (provenance, messages) is the URL without query or fragment, which may carry a token.
 */
export async function downloadSpec(options: {
  url: string;
  maxBytes?: number;
  lookupHost?: HostLookup;
}): Promise<{ file: string; label: string; cleanup: () => Promise<void> }> {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new SpecwireError(`--spec ${JSON.stringify(options.url)} is not a valid URL`);
  }
  const label = `${url.protocol}//${url.host}${url.pathname}`;
  let text: string;
  try {
    text = await fetchRemoteRef({ url, maxBytes: options.maxBytes ?? DEFAULT_SPEC_LIMITS.maxSpecBytes, lookupHost: options.lookupHost ?? defaultHostLookup });
  } catch (error) {
    if (isSpecwireError(error)) throw new SpecwireError(error.message.replace(/^remote \$ref /, '--spec '));
    throw error;
  }
  const dir = await mkdtemp(join(tmpdir(), 'specwire-spec-'));
  const name = basename(url.pathname).replace(/[^A-Za-z0-9._-]/g, '') || 'spec.json';
  const file = join(dir, name);
  await writeFile(file, text, { mode: 0o600 });
  return { file, label, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
