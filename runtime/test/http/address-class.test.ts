/**
 * The address classes the runtime's redirect and base-URL checks use, from the module the generator
 * imports for its own remote-$ref policy (`@specwire/runtime/address`): one table for both.
 */
import { describe, expect, it } from 'vitest';
import { classifyAddress, nonPublicAddress, nonPublicAddressReason } from '@specwire/runtime/address';

describe('address classes', () => {
  it.each([
    ['169.254.169.254', 'link-local'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['64:ff9b::169.254.169.254', 'link-local'],
    ['2002:a9fe:a9fe::', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fd00:ec2::254', 'link-local'],
    ['127.0.0.1', 'internal'],
    ['10.0.0.1', 'internal'],
    ['::1', 'internal'],
    ['fd12::1', 'internal'],
    ['192.0.2.10', 'internal'],
    ['2001:db8::1', 'internal'],
    ['not-an-ip', 'internal'],
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['192.0.3.1', 'public'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it('the reason and the class come from the same entry', () => {
    expect(nonPublicAddress('169.254.169.254')).toEqual({ kind: 'link-local', reason: 'link-local address (cloud metadata lives here)' });
    expect(nonPublicAddressReason('255.255.255.255')).toBe('broadcast address');
    expect(nonPublicAddressReason('1.1.1.1')).toBeUndefined();
  });
});
