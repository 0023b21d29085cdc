/**
 * The addresses teammates on the same network can reach this computer at: IPv4, not loopback. Private
 * ranges come first (that is what a LAN uses); link-local (169.254.x.x, no DHCP) last.
 */
import type { NetworkInterfaceInfo } from 'node:os';

/** The shape of `os.networkInterfaces()`. */
export type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>;

function rank(address: string): number {
  if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address)) return 0;
  if (address.startsWith('169.254.')) return 2;
  return 1;
}

/** IPv4, non-internal addresses of `table`, best first, without duplicates. */
export function lanAddresses(table: InterfaceTable): string[] {
  const found = new Set<string>();
  for (const entries of Object.values(table)) {
    for (const entry of entries ?? []) {
      // Node 18.0–18.3 reported the family as a number.
      const family: unknown = entry.family;
      if ((family === 'IPv4' || family === 4) && !entry.internal) found.add(entry.address);
    }
  }
  return [...found].sort((a, b) => rank(a) - rank(b));
}
