import { lookup } from 'node:dns/promises';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * IPv4 ranges that are not public unicast addresses. `linkLocal` marks the ones no API redirect has
 * a reason to reach: link-local is where cloud metadata services answer (169.254.169.254).
 */
const NON_PUBLIC_IPV4: ReadonlyArray<{ base: number; bits: number; kind: 'link-local' | 'internal' }> = [
  { base: 0x00000000, bits: 8, kind: 'internal' }, // "this" network
  { base: 0x0a000000, bits: 8, kind: 'internal' }, // private
  { base: 0x64400000, bits: 10, kind: 'internal' }, // carrier-grade NAT
  { base: 0x7f000000, bits: 8, kind: 'internal' }, // loopback
  { base: 0xa9fe0000, bits: 16, kind: 'link-local' }, // link-local, cloud metadata
  { base: 0xac100000, bits: 12, kind: 'internal' }, // private
  { base: 0xc0000000, bits: 24, kind: 'internal' }, // IETF protocol assignments
  { base: 0xc0a80000, bits: 16, kind: 'internal' }, // private
  { base: 0xc6120000, bits: 15, kind: 'internal' }, // benchmarking
  { base: 0xe0000000, bits: 4, kind: 'internal' }, // multicast
  { base: 0xf0000000, bits: 4, kind: 'internal' }, // reserved, broadcast
];

/** Names that only ever mean this machine, a local network or a cloud's internal services. */
const INTERNAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|localdomain)\.?$/i;
/** Cloud metadata host names (GCP, Azure/Alibaba aliases) beside the link-local address itself. */
const METADATA_NAME = /^(metadata|metadata\.google\.internal|metadata\.azure\.internal|instance-data(\.ec2\.internal)?)\.?$/i;

/** What a redirect target is: `public`, an `internal` address (loopback, private…), or `link-local`/metadata. */
export type AddressClass = 'public' | 'internal' | 'link-local';

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

function classifyAddress(address: string): AddressClass {
  if (isIPv4(address)) return classifyIpv4(ipv4ToNumber(address));
  const groups = ipv6Groups(address);
  if (!groups) return 'internal';
  const first = groups[0]!;
  const leadingZeros = (count: number): boolean => groups.slice(0, count).every((group) => group === 0);
  const embedded = (high: number, low: number): number => ((groups[high]! << 16) | groups[low]!) >>> 0;
  if (leadingZeros(5) && groups[5] === 0xffff) return classifyIpv4(embedded(6, 7)); // ::ffff:a.b.c.d
  if (first === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0)) return classifyIpv4(embedded(6, 7)); // NAT64
  if (first === 0x2002) return classifyIpv4(embedded(1, 2)); // 6to4
  if (leadingZeros(6)) return 'internal'; // unspecified, loopback, IPv4-compatible
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if (first === 0xfd00 && groups[1] === 0x0ec2 && groups[7] === 0x0254) return 'link-local'; // AWS IMDS over IPv6, fd00:ec2::254
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfec0 || (first & 0xff00) === 0xff00) return 'internal';
  return 'public';
}

function classifyIpv4(value: number): AddressClass {
  for (const range of NON_PUBLIC_IPV4) {
    const mask = (~0 << (32 - range.bits)) >>> 0;
    if (((value & mask) >>> 0) === range.base) return range.kind;
  }
  return 'public';
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((total, part) => total * 256 + Number(part), 0) >>> 0;
}

/** The eight 16-bit groups of an IPv6 address (zone dropped, a trailing dotted IPv4 converted). */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.replace(/%.*$/, '').toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const value = ipv4ToNumber(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : undefined;
}
