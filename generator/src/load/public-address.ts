import { isIPv4, isIPv6 } from 'node:net';

/**
 * IPv4 ranges a spec must never make the generator talk to: "this" network, private (RFC 1918),
 * carrier-grade NAT, loopback, link-local (cloud metadata at 169.254.169.254), IETF protocol and
 * documentation ranges, benchmarking, multicast, reserved and broadcast.
 */
const BLOCKED_IPV4: ReadonlyArray<{ base: string; bits: number; reason: string }> = [
  { base: '0.0.0.0', bits: 8, reason: '"this network" address' },
  { base: '10.0.0.0', bits: 8, reason: 'private address' },
  { base: '100.64.0.0', bits: 10, reason: 'carrier-grade NAT address' },
  { base: '127.0.0.0', bits: 8, reason: 'loopback address' },
  { base: '169.254.0.0', bits: 16, reason: 'link-local address (cloud metadata lives here)' },
  { base: '172.16.0.0', bits: 12, reason: 'private address' },
  { base: '192.0.0.0', bits: 24, reason: 'IETF protocol address' },
  { base: '192.0.2.0', bits: 24, reason: 'documentation address' },
  { base: '192.88.99.0', bits: 24, reason: 'relay address' },
  { base: '192.168.0.0', bits: 16, reason: 'private address' },
  { base: '198.18.0.0', bits: 15, reason: 'benchmarking address' },
  { base: '198.51.100.0', bits: 24, reason: 'documentation address' },
  { base: '203.0.113.0', bits: 24, reason: 'documentation address' },
  { base: '224.0.0.0', bits: 4, reason: 'multicast address' },
  { base: '240.0.0.0', bits: 4, reason: 'reserved address' },
];

/**
 * Why an IP address is not a public unicast address, or undefined when it is. Accepts only
 * canonical dotted IPv4 and IPv6 text (what `dns.lookup` and the WHATWG URL parser produce); IPv6
 * forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
 */
export function nonPublicAddressReason(address: string): string | undefined {
  if (isIPv4(address)) return ipv4Reason(ipv4ToNumber(address));
  if (!isIPv6(address)) return 'not an IP address';
  const groups = ipv6Groups(address);
  if (groups === undefined) return 'not an IP address';
  const embedded = (high: number, low: number): number => ((groups[high]! << 16) | groups[low]!) >>> 0;
  const leadingZeros = (count: number): boolean => groups.slice(0, count).every((group) => group === 0);
  if (groups.every((group) => group === 0)) return 'unspecified address';
  if (leadingZeros(7) && groups[7] === 1) return 'loopback address';
  if (leadingZeros(5) && groups[5] === 0xffff) return ipv4Reason(embedded(6, 7)); // ::ffff:a.b.c.d
  if (leadingZeros(6)) return 'IPv4-compatible address (deprecated)';
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0)) {
    return ipv4Reason(embedded(6, 7)); // NAT64 64:ff9b::a.b.c.d reaches that IPv4 address
  }
  if (groups[0] === 0x2002) return ipv4Reason(embedded(1, 2)); // 6to4 embeds the IPv4 address
  const first = groups[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'unique local address (private)';
  if ((first & 0xffc0) === 0xfe80) return 'link-local address';
  if ((first & 0xffc0) === 0xfec0) return 'site-local address (deprecated)';
  if ((first & 0xff00) === 0xff00) return 'multicast address';
  if (first === 0x2001 && groups[1] === 0x0db8) return 'documentation address';
  if (first === 0x0100 && leadingZeros(4)) return 'discard-only address';
  if (first === 0x2001 && groups[1]! < 0x0200) return 'IETF protocol address (Teredo, ORCHID…)';
  return undefined;
}

function ipv4Reason(value: number): string | undefined {
  if (value === 0xffffffff) return 'broadcast address';
  for (const range of BLOCKED_IPV4) {
    const mask = range.bits === 0 ? 0 : (~0 << (32 - range.bits)) >>> 0;
    if (((value & mask) >>> 0) === ((ipv4ToNumber(range.base) & mask) >>> 0)) return range.reason;
  }
  return undefined;
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((total, part) => total * 256 + Number(part), 0) >>> 0;
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped, trailing dotted IPv4 converted). */
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
