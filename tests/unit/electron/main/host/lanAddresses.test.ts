import { describe, expect, it } from 'vitest';
import { lanAddresses, type InterfaceTable } from '../../../../../electron/main/host/lanAddresses';

const entry = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NonNullable<InterfaceTable[string]>[number];

describe('teammates see the addresses that reach this computer', () => {
  it('lists IPv4 network addresses, private ones first, without loopback, IPv6 or duplicates', () => {
    const table: InterfaceTable = {
      lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
      'Wi-Fi': [entry('169.254.10.1', 'IPv4'), entry('fe80::1', 'IPv6')],
      docker0: [entry('203.0.113.7', 'IPv4')],
      eth0: [entry('192.168.1.20', 'IPv4'), entry('10.0.0.5', 'IPv4')],
      vpn: [entry('172.20.1.2', 'IPv4'), entry('192.168.1.20', 'IPv4')],
      down: undefined,
    };
    expect(lanAddresses(table)).toEqual(['192.168.1.20', '10.0.0.5', '172.20.1.2', '203.0.113.7', '169.254.10.1']);
  });

  it('is empty on a computer without a network', () => {
    expect(lanAddresses({ lo: [entry('127.0.0.1', 'IPv4', true)] })).toEqual([]);
  });

  it('accepts the numeric family of older Node versions', () => {
    const old = { ...entry('192.168.0.9', 'IPv4'), family: 4 } as unknown as NonNullable<
      InterfaceTable[string]
    >[number];
    expect(lanAddresses({ eth0: [old] })).toEqual(['192.168.0.9']);
  });
});
