import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '@shared/collab/syncProtocol';
import type { LinkState } from '../../../../../renderer/collab/SyncLink';
import { canRetry, describeSaveState } from '../../../../../renderer/features/sync/describeLinkState';

const NOW = 1_700_000_000_000;
const session = (canWrite: boolean): SessionInfo => ({
  v: 1,
  role: canWrite ? 'storyteller' : 'sales',
  canWrite,
  memberId: 'm1',
  name: 'Sam',
  doc: 'acme/playbook/p1',
});

function link(patch: Partial<LinkState>): LinkState {
  return {
    status: 'live',
    session: session(true),
    unconfirmed: 0,
    closedReason: null,
    nextRetryAt: null,
    received: true,
    connected: true,
    lastRole: null,
    ...patch,
  };
}

describe('describeSaveState', () => {
  it('a reader is read-only and up to date, never sending', () => {
    expect(describeSaveState('saved', link({ session: session(false) }), NOW)).toBe('Read-only · up to date');
    expect(describeSaveState('saved', link({ session: session(false), unconfirmed: 2999 }), NOW)).toBe(
      'Read-only · up to date',
    );
  });

  it("connected while the server's store is down: a reader is told changes wait, a writer what waits here", () => {
    expect(describeSaveState('saved', link({ session: session(false), storeDown: true }), NOW)).toBe(
      'Read-only · the server cannot store right now, changes wait',
    );
    expect(describeSaveState('saved', link({ storeDown: true }), NOW)).toBe(
      'Saved on this device · the server cannot store right now',
    );
    expect(describeSaveState('saved', link({ storeDown: true, unconfirmed: 3 }), NOW)).toBe(
      'Saved on this device · 3 changes wait until the server can store again',
    );
  });

  it('offline says the work is safe on this device and when the next attempt comes', () => {
    const offline = link({ status: 'offline', nextRetryAt: NOW + 7_200 });
    expect(describeSaveState('saved', offline, NOW)).toBe('Offline — saved on this device · retrying in 8 s');
    expect(describeSaveState('saved', { ...offline, unconfirmed: 3 }, NOW)).toBe(
      'Offline — saved on this device · 3 changes will be sent when the server is back · retrying in 8 s',
    );
    expect(describeSaveState('saved', { ...offline, unconfirmed: 1, nextRetryAt: null }, NOW)).toBe(
      'Offline — saved on this device · 1 change will be sent when the server is back · trying to reach the server…',
    );
  });

  it('a reader offline is told it reads the copy on this device', () => {
    expect(
      describeSaveState('saved', link({ status: 'offline', session: session(false), nextRetryAt: NOW + 1000 }), NOW),
    ).toBe('Offline — read-only copy on this device · retrying in 1 s');
  });

  it('live: saved to server, or sending', () => {
    expect(describeSaveState('saved', link({}), NOW)).toBe('Saved to server');
    expect(describeSaveState('saving', link({ unconfirmed: 2 }), NOW)).toBe('Sending 2 changes…');
  });

  it('a local write failure wins over everything else', () => {
    expect(describeSaveState('error', link({ status: 'offline' }), NOW)).toBe('Not saved — retrying');
  });

  it('a connection the server closed for good offers no retry', () => {
    const closed = link({ status: 'offline', closedReason: 'revoked', unconfirmed: 2 });
    expect(describeSaveState('saved', closed, NOW)).toBe(
      'Offline — saved on this device · 2 changes not on the server',
    );
    expect(canRetry(closed)).toBe(false);
    expect(canRetry(link({ status: 'offline' }))).toBe(true);
    expect(canRetry(link({}))).toBe(false);
  });
});
