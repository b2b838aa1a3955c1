import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIPv4, isIPv6 } from 'node:net';
import { SpecwireError } from '../errors/index.ts';
import { limitExceededMessage } from './limit-message.ts';
import { nonPublicAddressReason } from './public-address.ts';
import { INTERNAL_NAME } from './public-url.ts';
import type { HostLookup } from './types.ts';

const FETCH_TIMEOUT_MS = 15_000;

export const defaultHostLookup: HostLookup = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Decides whether a remote `$ref` URL may be fetched and returns the one address to connect to.
 * The WHATWG parser has already turned `http://2130706433/`, `http://0x7f.1/` and `http://127.1/`
 * into `127.0.0.1`; names are resolved and every address they resolve to must be public, and the
 * connection is then pinned to a checked address so a second DNS answer cannot swap it.
 */
export async function checkRemoteRefUrl(options: { url: URL; lookupHost: HostLookup }): Promise<{ address: string; family: 4 | 6 }> {
  const { url } = options;
  const refuse = (reason: string): never => {
    throw new SpecwireError(`remote $ref ${describeUrl(url)} refused: ${reason}`);
  };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') refuse(`only http(s) URLs are fetched, not ${url.protocol}`);
  if (url.username !== '' || url.password !== '') refuse('URLs with credentials are not fetched');
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (isIPv4(host) || isIPv6(host)) {
    const reason = nonPublicAddressReason(host);
    if (reason !== undefined) refuse(`${host} is a ${reason}`);
    return { address: host, family: isIPv4(host) ? 4 : 6 };
  }
  if (host === '' || INTERNAL_NAME.test(host)) refuse(`"${host}" names a local or internal host`);
  if (!host.includes('.')) refuse(`"${host}" is a single-label name (resolved through local search domains)`);
  let addresses: string[];
  try {
    addresses = await options.lookupHost(host);
  } catch {
    return refuse(`"${host}" does not resolve`);
  }
  if (addresses.length === 0) refuse(`"${host}" does not resolve`);
  for (const address of addresses) {
    const reason = nonPublicAddressReason(address);
    if (reason !== undefined) refuse(`"${host}" resolves to ${address}, a ${reason}`);
  }
  const address = addresses[0]!;
  return { address, family: isIPv4(address) ? 4 : 6 };
}

/**
 * Fetches a checked remote ref: one GET to the pinned address, no redirects, a size cap and a
 * timeout. Never called unless `--allow-remote-refs` was given and `checkRemoteRefUrl` passed.
 */
export async function fetchRemoteRef(options: { url: URL; maxBytes: number; lookupHost: HostLookup }): Promise<string> {
  const { url, maxBytes } = options;
  const pinned = await checkRemoteRefUrl(options);
  const pinnedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all === true) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<string>((resolvePromise, rejectPromise) => {
    const fail = (reason: string): void => rejectPromise(new SpecwireError(`remote $ref ${describeUrl(url)} could not be fetched: ${reason}`));
    const outgoing = request(url, { method: 'GET', lookup: pinnedLookup, timeout: FETCH_TIMEOUT_MS, headers: { accept: 'application/json, application/yaml, text/yaml, */*' } });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${FETCH_TIMEOUT_MS} ms`)));
    outgoing.on('error', (error) => fail(error.message.split('\n')[0] ?? 'request failed'));
    outgoing.on('response', (response: IncomingMessage) => {
      if (response.statusCode !== 200) {
        response.resume();
        fail(`status ${response.statusCode ?? '?'}${(response.statusCode ?? 0) >= 300 && (response.statusCode ?? 0) < 400 ? ' (redirects are not followed)' : ''}`);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          response.destroy();
          rejectPromise(new SpecwireError(limitExceededMessage({ what: `remote $ref ${describeUrl(url)} size`, actual: `more than ${maxBytes} bytes`, key: 'maxSpecBytes', limit: maxBytes })));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
      response.on('error', (error) => fail(error.message));
    });
    outgoing.end();
  });
}

/** The URL without query or fragment (a query may carry a token). */
function describeUrl(url: URL): string {
  return JSON.stringify(`${url.protocol}//${url.host}${url.pathname}`);
}
