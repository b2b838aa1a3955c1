import { lookup } from 'node:dns/promises';
import { isIPv4, isIPv6 } from 'node:net';
import { classifyAddress, type AddressClass } from './address-class.ts';

/** Names that only ever mean this machine, a local network or a cloud's internal services. */
const INTERNAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|localdomain)\.?$/i;
/** Cloud metadata host names (GCP, Azure/Alibaba aliases) beside the link-local address itself. */
const METADATA_NAME = /^(metadata|metadata\.google\.internal|metadata\.azure\.internal|instance-data(\.ec2\.internal)?)\.?$/i;

/**
 * Classifies a host as the WHATWG URL parser leaves it (IPv4 already canonical dotted, IPv6 in
 * brackets) from its text alone: literal addresses, and internal or metadata names.
 */
export function classifyHostText(hostname: string): AddressClass {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (isIPv4(host) || isIPv6(host)) return classifyAddress(host);
  if (METADATA_NAME.test(host)) return 'link-local';
  if (host === '' || INTERNAL_NAME.test(host)) return 'internal';
  return 'public';
}

/**
 * Classifies a host, resolving a name to every address it has (the worst one counts). A name that
 * does not resolve is left to fetch, which fails on it the same way. The answer can change between
 * this lookup and fetch's own (DNS rebinding): hosts that must rule that out pin addresses in their
 * `fetch` (an undici dispatcher with a checked `lookup`) or send through an egress proxy.
 */
export async function classifyHost(hostname: string): Promise<AddressClass> {
  const byText = classifyHostText(hostname);
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (byText !== 'public' || isIPv4(host) || isIPv6(host)) return byText;
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    return 'public';
  }
  const classes = addresses.map((entry) => classifyAddress(entry.address));
  return classes.includes('link-local') ? 'link-local' : classes.includes('internal') ? 'internal' : 'public';
}
