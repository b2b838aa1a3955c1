import { isIPv4, isIPv6 } from 'node:net';

/** What an address is: `public`, `internal` (loopback, private, reserved…), or `link-local` (cloud metadata). */
export type AddressClass = 'public' | 'internal' | 'link-local';

/** Why an address is not public unicast, and how bad that is for a request aimed at it. */
export interface NonPublicAddress {
  kind: Exclude<AddressClass, 'public'>;
  /** A noun phrase for messages (`loopback address`). */
  reason: string;
}

/**
 * IPv4 ranges that are not public unicast addresses. Link-local is where cloud metadata services
 * answer (169.254.169.254), which is why it is a kind of its own.
 */
const NON_PUBLIC_IPV4: ReadonlyArray<{ base: number; bits: number } & NonPublicAddress> = [
  { base: 0x00000000, bits: 8, kind: 'internal', reason: '"this network" address' },
  { base: 0x0a000000, bits: 8, kind: 'internal', reason: 'private address' },
  { base: 0x64400000, bits: 10, kind: 'internal', reason: 'carrier-grade NAT address' },
  { base: 0x7f000000, bits: 8, kind: 'internal', reason: 'loopback address' },
  { base: 0xa9fe0000, bits: 16, kind: 'link-local', reason: 'link-local address (cloud metadata lives here)' },
  { base: 0xac100000, bits: 12, kind: 'internal', reason: 'private address' },
  { base: 0xc0000000, bits: 24, kind: 'internal', reason: 'IETF protocol address' },
  { base: 0xc0000200, bits: 24, kind: 'internal', reason: 'documentation address' },
  { base: 0xc0586300, bits: 24, kind: 'internal', reason: 'relay address' },
  { base: 0xc0a80000, bits: 16, kind: 'internal', reason: 'private address' },
  { base: 0xc6120000, bits: 15, kind: 'internal', reason: 'benchmarking address' },
  { base: 0xc6336400, bits: 24, kind: 'internal', reason: 'documentation address' },
  { base: 0xcb007100, bits: 24, kind: 'internal', reason: 'documentation address' },
  { base: 0xe0000000, bits: 4, kind: 'internal', reason: 'multicast address' },
  { base: 0xf0000000, bits: 4, kind: 'internal', reason: 'reserved address' },
];

const NOT_AN_ADDRESS: NonPublicAddress = { kind: 'internal', reason: 'not an IP address' };

/**
 * How an IP address is not a public unicast address, or undefined when it is. Accepts canonical
 * dotted IPv4 and IPv6 text (what `dns.lookup` and the WHATWG URL parser produce); IPv6 forms that
 * embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address. Anything else
 * is "not an IP address", internal: never treated as public.
 */
export function nonPublicAddress(address: string): NonPublicAddress | undefined {
  if (isIPv4(address)) return ipv4Problem(ipv4ToNumber(address));
  if (!isIPv6(address)) return NOT_AN_ADDRESS;
  const groups = ipv6Groups(address);
  if (groups === undefined) return NOT_AN_ADDRESS;
  const first = groups[0]!;
  const embedded = (high: number, low: number): number => ((groups[high]! << 16) | groups[low]!) >>> 0;
  const leadingZeros = (count: number): boolean => groups.slice(0, count).every((group) => group === 0);
  const internal = (reason: string): NonPublicAddress => ({ kind: 'internal', reason });
  if (groups.every((group) => group === 0)) return internal('unspecified address');
  if (leadingZeros(7) && groups[7] === 1) return internal('loopback address');
  if (leadingZeros(5) && groups[5] === 0xffff) return ipv4Problem(embedded(6, 7)); // ::ffff:a.b.c.d
  if (leadingZeros(6)) return internal('IPv4-compatible address (deprecated)');
  if (first === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0)) {
    return ipv4Problem(embedded(6, 7)); // NAT64 64:ff9b::a.b.c.d reaches that IPv4 address
  }
  if (first === 0x2002) return ipv4Problem(embedded(1, 2)); // 6to4 embeds the IPv4 address
  if (first === 0xfd00 && groups[1] === 0x0ec2 && groups[7] === 0x0254) {
    return { kind: 'link-local', reason: 'unique local address (private; AWS instance metadata over IPv6)' };
  }
  if ((first & 0xfe00) === 0xfc00) return internal('unique local address (private)');
  if ((first & 0xffc0) === 0xfe80) return { kind: 'link-local', reason: 'link-local address' };
  if ((first & 0xffc0) === 0xfec0) return internal('site-local address (deprecated)');
  if ((first & 0xff00) === 0xff00) return internal('multicast address');
  if (first === 0x2001 && groups[1] === 0x0db8) return internal('documentation address');
  if (first === 0x0100 && leadingZeros(4)) return internal('discard-only address');
  if (first === 0x2001 && groups[1]! < 0x0200) return internal('IETF protocol address (Teredo, ORCHID…)');
  return undefined;
}

/** Why an IP address is not a public unicast address (`loopback address`), or undefined when it is. */
export function nonPublicAddressReason(address: string): string | undefined {
  return nonPublicAddress(address)?.reason;
}

/** The class of an IP address (see `nonPublicAddress`). */
export function classifyAddress(address: string): AddressClass {
  return nonPublicAddress(address)?.kind ?? 'public';
}

function ipv4Problem(value: number): NonPublicAddress | undefined {
  if (value === 0xffffffff) return { kind: 'internal', reason: 'broadcast address' };
  for (const range of NON_PUBLIC_IPV4) {
    const mask = (~0 << (32 - range.bits)) >>> 0;
    if (((value & mask) >>> 0) === range.base) return { kind: range.kind, reason: range.reason };
  }
  return undefined;
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((total, part) => total * 256 + Number(part), 0) >>> 0;
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped, a trailing dotted IPv4 converted). */
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
