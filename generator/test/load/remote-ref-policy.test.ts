/**
 * The address policy for remote `$ref`s (and override base URLs): only public unicast addresses, in
 * every spelling the URL parser accepts, and for names every address DNS returns. No test here
 * connects anywhere: lookups are stubbed and every URL checked is one that must be refused, except
 * the pure checks of public addresses, which never connect either.
 */
import { describe, expect, it } from 'vitest';
import { SpecwireError } from '../../src/errors/index.ts';
import { checkRemoteRefUrl, nonPublicAddressReason, nonPublicUrlReason } from '../../src/load/index.ts';

describe('nonPublicAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.255.255.254', 'loopback'], ['10.1.2.3', 'private'], ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'], ['192.168.1.1', 'private'], ['169.254.169.254', 'link-local'], ['100.64.0.1', 'carrier-grade'],
    ['0.0.0.0', 'this network'], ['224.0.0.1', 'multicast'], ['255.255.255.255', 'broadcast'], ['192.0.2.1', 'documentation'],
    ['::1', 'loopback'], ['::', 'unspecified'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'], ['64:ff9b::169.254.169.254', 'link-local'], ['2002:7f00:1::', 'loopback'],
    ['fd00:ec2::254', 'unique local'], ['fe80::1%eth0', 'link-local'], ['ff02::1', 'multicast'], ['::127.0.0.1', 'IPv4-compatible'],
    ['2001:db8::1', 'documentation'], ['not-an-ip', 'not an IP'],
  ])('%s is refused (%s)', (address, reason) => {
    expect(nonPublicAddressReason(address)).toContain(reason);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2002:0808:0808::'])('%s is public', (address) => {
    expect(nonPublicAddressReason(address)).toBeUndefined();
  });
});

describe('nonPublicUrlReason (no DNS: what the text alone says)', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::1]:8080/', 'loopback'],
    ['http://localhost:3000/', 'local or internal'],
    ['http://api.localhost/', 'local or internal'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'local or internal'],
    ['file:///etc/passwd', 'file: scheme'],
    ['gopher://example.com/', 'gopher: scheme'],
    ['https://user:secret@api.example.com/', 'credentials'],
    ['/relative', 'not an absolute URL'],
  ])('%s is refused (%s)', (url, reason) => {
    expect(nonPublicUrlReason(url)).toContain(reason);
  });

  it('a public https URL passes', () => {
    expect(nonPublicUrlReason('https://api.example.com/v1')).toBeUndefined();
  });
});

describe('checkRemoteRefUrl', () => {
  const refused = async (url: string, addresses: string[] = []): Promise<string> => {
    try {
      await checkRemoteRefUrl({ url: new URL(url), lookupHost: async () => addresses });
    } catch (error) {
      if (error instanceof SpecwireError) return error.message;
      throw error;
    }
    throw new Error(`${url} was allowed`);
  };

  it('checks every address a name resolves to (DNS rebinding to a private address included)', async () => {
    expect(await refused('https://specs.example.com/a.yaml', ['93.184.216.34', '10.0.0.7'])).toMatch(/resolves to 10\.0\.0\.7, a private address/);
    expect(await refused('https://specs.example.com/a.yaml', ['::ffff:169.254.169.254'])).toMatch(/link-local/);
    expect(await refused('https://specs.example.com/a.yaml', [])).toMatch(/does not resolve/);
  });

  it('refuses literal addresses, internal and single-label names without resolving them', async () => {
    let lookups = 0;
    for (const url of ['http://0x7f.1/', 'http://2130706433/', 'http://[::ffff:7f00:1]/', 'http://localhost/', 'http://intranet/', 'http://db.internal/']) {
      await expect(checkRemoteRefUrl({ url: new URL(url), lookupHost: async () => { lookups++; return ['8.8.8.8']; } })).rejects.toThrow(/refused/);
    }
    expect(lookups).toBe(0);
  });

  it('allows a name whose every address is public, pinning the connection to a checked one', async () => {
    const pinned = await checkRemoteRefUrl({ url: new URL('https://specs.example.com/a.yaml'), lookupHost: async () => ['2606:4700::1', '93.184.216.34'] });
    expect(pinned).toEqual({ address: '2606:4700::1', family: 6 });
  });
});
