import { isIPv4, isIPv6 } from 'node:net';
import { nonPublicAddressReason } from './public-address.ts';

/** Host names that only ever mean this machine or a local/cloud-internal network. */
export const INTERNAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|localdomain)\.?$/i;

/**
 * Why a URL does not point at a public http(s) host, judged from the text alone (no DNS): a scheme
 * other than http(s), credentials in it, a literal loopback/private/link-local/metadata address in any
 * spelling the URL parser accepts (`http://2130706433/`, `http://0x7f.1/`, `http://[::ffff:127.0.0.1]/`),
 * or an internal name such as `localhost` or `metadata.google.internal`. Undefined when public.
 */
export function nonPublicUrlReason(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `the ${url.protocol} scheme is not http(s)`;
  if (url.username !== '' || url.password !== '') return 'it carries credentials';
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (isIPv4(host) || isIPv6(host)) {
    const reason = nonPublicAddressReason(host);
    return reason === undefined ? undefined : `${host} is a ${reason}`;
  }
  if (host === '' || INTERNAL_NAME.test(host)) return `"${host}" names a local or internal host`;
  return undefined;
}


