// What the host dialog says about members: last seen in plain words, devices, which role changes ask first,
// and confirmations that name the person and the consequence.
import { describe, expect, it } from 'vitest';
import type { HostMember } from '@shared/ipc/contract';
import {
  confirmationFor,
  devicesLabel,
  isDemotion,
  lastSeenLabel,
} from '../../../../../renderer/features/host/memberLabels';

const NOW = 1_800_000_000;
const sam: HostMember = {
  id: 'm-sam',
  name: 'Sam Rivera',
  role: 'storyteller',
  createdAt: NOW - 86_400 * 3,
  lastSeenAt: NOW - 300,
  devices: 0,
  revokedAt: null,
};

describe('last seen and devices', () => {
  it.each([
    [{ devices: 2, lastSeenAt: NOW - 9_000 }, 'Connected now'],
    [{ devices: 0, lastSeenAt: null }, 'Never connected'],
    [{ devices: 0, lastSeenAt: NOW - 20 }, 'Just now'],
    [{ devices: 0, lastSeenAt: NOW - 300 }, '5 min ago'],
    [{ devices: 0, lastSeenAt: NOW - 3 * 3_600 - 100 }, '3 h ago'],
    [{ devices: 0, lastSeenAt: NOW - 30 * 3_600 }, 'Yesterday'],
    [{ devices: 0, lastSeenAt: NOW - 12 * 86_400 }, '12 days ago'],
    [{ devices: 0, lastSeenAt: NOW + 5 }, 'Just now'],
  ])('%j reads "%s"', (member, label) => {
    expect(lastSeenLabel(member, NOW)).toBe(label);
  });

  it('shows an old date as a date', () => {
    expect(lastSeenLabel({ devices: 0, lastSeenAt: NOW - 90 * 86_400 }, NOW)).toMatch(/^On .*20\d\d/);
  });

  it('counts devices in words', () => {
    expect([0, 1, 3].map(devicesLabel)).toEqual(['—', '1 device', '3 devices']);
  });
});

describe('which changes ask for confirmation', () => {
  it('asks before taking rights away, not before giving them', () => {
    expect(isDemotion('storyteller', 'viewer')).toBe(true);
    expect(isDemotion('marketing', 'sales')).toBe(true);
    expect(isDemotion('sales', 'viewer')).toBe(true);
    expect(isDemotion('sales', 'marketing')).toBe(false);
    expect(isDemotion('viewer', 'storyteller')).toBe(false);
  });

  it('a revocation names the person and says their devices are disconnected', () => {
    const asked = confirmationFor({ kind: 'revoke', member: { ...sam, devices: 2 } });
    expect(asked.title).toBe('Revoke Sam Rivera?');
    expect(asked.confirmLabel).toBe('Revoke Sam Rivera');
    expect(asked.message).toContain('Sam Rivera (storyteller) can no longer connect');
    expect(asked.message).toContain('their 2 connected devices are disconnected within a few seconds');
    expect(asked.message).toContain('create a new invite');
    expect(confirmationFor({ kind: 'revoke', member: { ...sam, devices: 1 } }).message).toContain(
      'their connected device is disconnected',
    );
    expect(confirmationFor({ kind: 'revoke', member: sam }).message).not.toContain('connected device');
  });

  it('a demotion says what the person can do before and after', () => {
    const asked = confirmationFor({ kind: 'role', member: { ...sam, devices: 1 }, role: 'viewer' });
    expect(asked.title).toBe('Change Sam Rivera’s role to viewer?');
    expect(asked.confirmLabel).toBe('Change to viewer');
    expect(asked.message).toContain('As viewer, Sam Rivera can read everything but write nothing');
    expect(asked.message).toContain('as storyteller they can write playbooks and deal notes');
    expect(asked.message).toContain('Their connected device switches within a few seconds');
    expect(asked.message).not.toContain('This is you');
    const own = confirmationFor({ kind: 'role', member: sam, role: 'sales' }, sam.id);
    expect(own.message).toContain('This is you: this app gets the new role too');
  });
});
